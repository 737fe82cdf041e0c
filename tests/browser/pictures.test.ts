/**
 * The timeline and the map: every dated entry has one mark, which lands on its entry; the reader's year is marked;
 * every located place has a point whose passages are the glossary's occurrences; a chapter's places are
 * highlighted from its 「本章地图」 link; keyboard and touch; axe light and dark; nothing from another origin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { GlossaryIndexSchema, readDerived } from '../../src/core/derived.ts';
import { read } from '../../scripts/lib/repo.ts';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };
import { axeViolations } from './axe.ts';
import { SITE, useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const t = useSite();

const glossary = readDerived(GlossaryIndexSchema, JSON.parse(readFileSync(join(SITE, 'data/glossary.json'), 'utf8')), 'site/data/glossary.json');
const located = (parse(read('data/geo/places.yaml')) as { term: string; lat?: number }[]).filter((p) => p.lat !== undefined).map((p) => p.term);
const entries = yearIndex.chapters.flatMap((c) => c.entries.map((e) => ({ chapter: c.chapter, anchor: e.anchor })));

/** The glossary's occurrences of a term as the links a passage list must hold. */
function expectedLinks(term: string): string[] {
  const i = glossary.entries.findIndex((e) => e.term === term);
  return glossary.occurrences[i]!.map(([r, p, s]) => `#/${glossary.routes[r]}?id=t${p}-${s}`);
}

function clean(w: Watched): void {
  assert.deepEqual(w.failedRequests, [], 'failed or off-host requests');
  assert.deepEqual(w.consoleErrors, [], 'console errors');
}

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${t.site.url}#/${route}`);
  await waitForRender(page, route.split('?')[0]);
}

test('timeline: one mark per dated entry, linked to it; a mark lands on its entry; the reader’s year is marked', async () => {
  const w = await watchedPage(t.context, t.origin);
  await open(w.page, 'chapters/02-yuanyou?id=y1090');
  await open(w.page, 'timeline');
  const marks = await w.page.$$eval('a.tl-entry', (as) => as.map((a) => ({ anchor: a.getAttribute('data-entry'), href: a.getAttribute('href') })));
  assert.deepEqual(marks.map((m) => m.anchor).sort(), entries.map((e) => e.anchor).sort(), 'exactly one entry mark per dated entry');
  for (const m of marks) assert.equal(m.href, `#/${entries.find((e) => e.anchor === m.anchor)!.chapter}?id=${m.anchor}`);
  // Events inside entries point at their entry too, and are not counted as entries.
  assert.ok((await w.page.locator('a.tl-event').count()) >= 20);
  // The reader was at 1090 (the years feature's reader:year event): that year is marked.
  assert.equal(await w.page.locator('rect.tl-year.is-current').getAttribute('data-year'), '1090');
  assert.match((await w.page.locator('.tl-current').innerText()) ?? '', /1090/);
  await w.page.locator('a.tl-entry[data-entry="y1097"] circle:not(.tl-hit)').click();
  await waitForRender(w.page, 'chapters/03-shaosheng-yuanfu');
  await w.page.locator('#y1097.is-target').waitFor();
  clean(w);
  await w.page.close();
});

test('timeline: keyboard — a focused mark shows its first clause and date, Enter opens it; the year navigator links here', async () => {
  const w = await watchedPage(t.context, t.origin);
  await open(w.page, 'timeline?year=1086');
  assert.equal(await w.page.locator('rect.tl-year.is-current').getAttribute('data-year'), '1086');
  const mark = w.page.locator('a.tl-event').filter({ has: w.page.locator('title', { hasText: '1086年8月27日' }) });
  await mark.focus();
  const tip = w.page.locator('.pictures-tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /^1086年8月27日，元祐元年，嗣立：秋七月乙丑，秉常殂/u);
  await w.page.keyboard.press('Enter');
  await waitForRender(w.page, 'chapters/01-bingchang');
  await w.page.locator('.year-toggle').click();
  assert.equal(await w.page.locator('.year-panel .year-timeline').getAttribute('href'), '#/timeline?year=1086');
  clean(w);
  await w.page.close();
});

test('map: every located place has a point; passages listed right for checked places, by click and by keyboard', async () => {
  const w = await watchedPage(t.context, t.origin);
  await open(w.page, 'map');
  const terms = await w.page.$$eval('.mp-point', (gs) => gs.map((g) => g.getAttribute('data-term')));
  assert.deepEqual(terms.sort(), [...located].sort());
  const panelLinks = () => w.page.$$eval('.mp-panel .mp-passages a', (as) => as.map((a) => a.getAttribute('href')));
  await w.page.locator('.mp-point[data-term="兰州"] .mp-dot').click();
  await w.page.locator('.mp-panel h2', { hasText: '兰州' }).waitFor();
  assert.deepEqual(await panelLinks(), expectedLinks('兰州'));
  assert.ok(expectedLinks('兰州').length >= 4);
  assert.match(await w.page.locator('.mp-changes').innerText(), /1081年归宋/);
  // Keyboard: focus the point, Enter.
  await w.page.locator('.mp-point[data-term="葭芦"]').focus();
  await w.page.keyboard.press('Enter');
  await w.page.locator('.mp-panel h2', { hasText: '葭芦' }).waitFor();
  assert.deepEqual(await panelLinks(), expectedLinks('葭芦'));
  assert.match(await w.page.locator('.mp-changes').innerText(), /1089年归夏[\s\S]*1097年归宋/);
  assert.equal(await w.page.locator('.mp-point[data-term="葭芦"]').getAttribute('aria-pressed'), 'true');
  // A passage link lands on the passage.
  const first = expectedLinks('葭芦')[0]!;
  await w.page.locator('.mp-panel .mp-passages a').first().click();
  await waitForRender(w.page, first.slice(2).split('?')[0]);
  await w.page.locator(`#${first.split('id=')[1]}.is-target`).waitFor();
  // The unlocated places are listed with their reason.
  await open(w.page, 'map');
  assert.match((await w.page.locator('.mp-unlocated').textContent()) ?? '', /统安城：注释说在永登、门源一带/);
  clean(w);
  await w.page.close();
});

test('map: a chapter’s 「本章地图」 link highlights its places; touch opens a place and a timeline mark', async () => {
  const ctx = await t.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const w = await watchedPage(ctx, t.origin);
  await open(w.page, 'chapters/05-qinzong-gaozong');
  const link = w.page.locator('.pictures-links a', { hasText: '本章地图' });
  assert.equal(await link.getAttribute('href'), '#/map?chapter=05-qinzong-gaozong');
  await link.tap();
  await waitForRender(w.page, 'map');
  const inChapter = await w.page.$$eval('.mp-point.in-chapter', (gs) => gs.map((g) => g.getAttribute('data-term')).sort());
  assert.deepEqual(inChapter, ['云中', '云内', '麟州'].sort());
  assert.match(await w.page.locator('.mp-chapter').innerText(), /钦宗靖康、高宗建炎/);
  await w.page.locator('.mp-point[data-term="云中"] .mp-dot').tap();
  await w.page.locator('.mp-panel h2', { hasText: '云中' }).waitFor();
  assert.deepEqual(await w.page.$$eval('.mp-panel .mp-passages a', (as) => as.map((a) => a.getAttribute('href'))), expectedLinks('云中'));
  // The timeline by touch: a tapped mark opens its entry.
  await open(w.page, 'timeline');
  await w.page.locator('a.tl-entry[data-entry="y1119"] circle:not(.tl-hit)').tap();
  await waitForRender(w.page, 'chapters/04-huizong');
  await w.page.locator('#y1119.is-target').waitFor();
  // An unknown chapter is said as text, and nothing is highlighted.
  await w.page.goto(`${t.site.url}#/map?chapter=%3Cb%3Ex`);
  await w.page.locator('.mp-chapter', { hasText: '没有这一章：「<b>x」' }).waitFor();
  assert.equal(await w.page.locator('.mp-point.in-chapter').count(), 0);
  clean(w);
  await ctx.close();
});

test('a chapter asks for neither picture; each picture prints on one page', async () => {
  const w = await watchedPage(t.context, t.origin);
  const asked: string[] = [];
  w.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await open(w.page, 'chapters/04-huizong');
  assert.deepEqual(
    asked.filter((p) => /timeline\.md|map\.md|map\.json/.test(p)),
    [],
    'a chapter fetched a picture',
  );
  for (const route of ['timeline', 'map']) {
    await open(w.page, route);
    const pdf = (await w.page.pdf({ format: 'A4' })).toString('latin1');
    assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, `${route} prints on one page`);
  }
  clean(w);
  await w.page.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): the timeline and the map with a place open`, async () => {
    const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
    const w = await watchedPage(context, t.origin);
    await open(w.page, 'timeline');
    await w.page.locator('details.tl-table summary').click();
    assert.deepEqual(await axeViolations(w.page, t.origin), [], 'timeline');
    await open(w.page, 'map');
    await w.page.locator('.mp-point[data-term="兰州"] .mp-dot').click();
    await w.page.locator('.mp-panel h2').waitFor();
    assert.deepEqual(await axeViolations(w.page, t.origin), [], 'map');
    clean(w);
    await context.close();
  });
}
