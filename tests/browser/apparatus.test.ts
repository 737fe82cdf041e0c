/**
 * The apparatus as a reader meets it: the home page's edition statement, the 校勘记 page linked both ways with the
 * textual notes, 一说 in the year bubbles, parallel eras at month precision, an era's gloss in its year bubble.
 * Every wait is on a condition the page exposes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { CHAPTERS_STATEMENT, EDITION_STATEMENT, NOTE_EDITION } from '../../src/core/edition.ts';
import { entryNumber } from '../../src/core/jiaokan-view.ts';
import { chronicleJiaokan } from '../../scripts/lib/jiaokan.ts';
import notes from '../../src/generated/notes.json' with { type: 'json' };
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const t = useSite();
const { entries } = chronicleJiaokan();
/** What would show as a box or a wrong glyph: the Private Use Area, the seed's strays, the replacement character. */
const BOX = /[\uE000-\uF8FF\u3069\u03C1\uFFFD]/u;

async function open(hash: string): Promise<Watched> {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}${hash}`);
  await waitForRender(w.page);
  return w;
}

function clean(w: Watched): void {
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
}

async function waitTarget(page: Page, id: string): Promise<void> {
  await page.waitForFunction((i) => document.getElementById(i)?.classList.contains('is-target') === true, id, { timeout: 10000 });
}

test('the home page is for readers: what the text is, the edition, the chapters as the reader’s, links in; no npm, no Git', async () => {
  const w = await open('');
  const section = w.page.locator('.markdown-section');
  const text = await section.innerText();
  assert.ok(text.includes(EDITION_STATEMENT), 'the edition statement');
  assert.ok(text.includes(CHAPTERS_STATEMENT), 'chapter divisions and titles are the reader’s, said once');
  assert.equal(text.split(CHAPTERS_STATEMENT).length, 2);
  assert.match(text, /夏国传/);
  assert.doesNotMatch(text, /npm|git/i);
  assert.doesNotMatch(text, /[\p{Script=Han}，。；：、（）「」][ \u00A0]+[\p{Script=Han}，。；：、（）「」]/u, 'no stray space inside a Chinese sentence');
  const hrefs = await section.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.equal(hrefs.filter((h) => /#\/chapters\/0[1-5]-/.test(h)).length, 5, 'a link into each chapter');
  assert.ok(hrefs.filter((h) => /#\/year\/1\d{3}$/.test(h)).length >= 3, 'links to key years');
  assert.ok(hrefs.some((h) => h.includes('jiaokan')), 'a link to the 校勘记');
  // A key year link lands on its entry.
  await section.locator('a[href$="#/year/1096"]').click();
  await waitTarget(w.page, 'y1096');
  clean(w);
  await w.page.close();
});

test('the 校勘记 page: in the sidebar, every correction numbered in text order, each linked to its places, no box characters', async () => {
  const w = await open('');
  await w.page.locator('.sidebar-nav a', { hasText: '校勘记' }).click();
  await w.page.waitForSelector('.markdown-section .jk-entry');
  const section = w.page.locator('.markdown-section');
  const text = await section.innerText();
  assert.doesNotMatch(text, BOX);
  assert.ok(text.includes(EDITION_STATEMENT));
  assert.match(text, /录入之误十一条，版本异文一条/u);
  // A true variant is told apart: the 四库本's 三十六 for the seed's 二十六, the text kept.
  assert.match(text, /〔三〕二十六　四库本《宋史》卷四百八十六作『三十六』。[^\n]*今不改。（版本异文）/u);
  const got = await section.locator('.jk-entry').evaluateAll((ps) =>
    ps.map((p) => ({ id: p.id, n: p.querySelector('.jk-n')?.textContent, places: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')) })),
  );
  assert.deepEqual(
    got,
    entries.map((e) => ({ id: `jk-${e.n}`, n: entryNumber(e.n), places: e.places.map((p) => `#/${p.route}?id=${p.anchor}`) })),
  );
  // The form a 中华本 reader knows, with the witnesses.
  const zhang = entries.find((e) => e.correction.id === 'zhang-mao')!;
  assert.match(
    await w.page.locator(`#jk-${zhang.n}`).innerText(),
    new RegExp(`^${entryNumber(zhang.n)}张楙　『楙』字底本录入作私用区字符，据四库本《宋史》卷四百八十六、《长编》卷三百九十补。`, 'u'),
  );
  assert.ok(text.includes('𠼪') && text.includes('㖫') && text.includes('峗'));
  clean(w);
  await w.page.close();
});

test('linked both ways: an entry’s place opens the chapter at the note, and the note links back to its entry', async () => {
  const e = entries.find((x) => x.places.length > 1 && x.places[1]!.route !== x.places[0]!.route) ?? entries[0]!;
  const place = e.places[1] ?? e.places[0]!;
  const w = await open(`#/jiaokan`);
  await w.page.locator(`#jk-${e.n} a[href$="?id=${place.anchor}"][href*="${place.route}"]`).click();
  await waitTarget(w.page, place.anchor);
  const marker = w.page.locator(`.tn-marker[data-for="${place.anchor}"]`);
  assert.equal(await marker.getAttribute('aria-label'), `校勘记${entryNumber(e.n)}：${notes.notes[e.correction.id as keyof typeof notes.notes].reading}`);
  await marker.click();
  const tip = w.page.locator('#reader-tip');
  await tip.waitFor({ state: 'visible' });
  const back = tip.locator('a.tn-entry');
  assert.equal(await back.innerText(), `见校勘记${entryNumber(e.n)}`);
  await back.click();
  await w.page.waitForFunction(() => location.hash.startsWith('#/jiaokan'));
  await waitTarget(w.page, `jk-${e.n}`);
  clean(w);
  await w.page.close();
});

test('every 校 note in the text names the base text and the witnesses, and shows no box character', async () => {
  const w = await open('#/chapters/01-bingchang');
  const tip = w.page.locator('#reader-tip');
  let seen = 0;
  for (const route of [...new Set(entries.flatMap((e) => e.places.map((p) => p.route)))]) {
    await w.page.goto(`${t.site.url}#/${route}`);
    await w.page.waitForFunction((r) => document.querySelector('.markdown-section')?.getAttribute('data-route') === r && document.querySelector('.tn-marker') !== null, route);
    const n = await w.page.locator('.tn-marker').count();
    for (let i = 0; i < n; i++) {
      await w.page.locator('.tn-marker').nth(i).focus();
      await w.page.waitForFunction((k) => document.querySelectorAll('.tn-marker')[k]?.getAttribute('aria-describedby') === 'reader-tip', i);
      const text = await tip.innerText();
      assert.ok(text.includes(NOTE_EDITION), `${route} note ${i + 1}`);
      assert.match(text, /^校勘记〔/u);
      assert.doesNotMatch(text, BOX);
      seen++;
    }
  }
  assert.equal(seen, entries.reduce((s, e) => s + e.places.length, 0), 'every place has its note');
  clean(w);
  await w.page.close();
});

/** Opens the bubble of the year expression whose text is `match` in the current chapter. */
async function bubble(page: Page, match: string): Promise<string> {
  await page.waitForSelector('.y-ref .y-expr');
  const expr = page.locator('.y-expr', { hasText: match }).first();
  await expr.focus();
  await page.waitForFunction((m) => [...document.querySelectorAll('.y-expr')].find((e) => e.textContent === m)?.getAttribute('aria-describedby') === 'reader-tip', match);
  return page.locator('#reader-tip').innerText();
}

test('disputed chronology is shown: the reign summary follows the chronicle’s own count and 大安 says 一说 with both readings', async () => {
  const w = await open('#/chapters/01-bingchang');
  const daan = await bubble(w.page, '大安十一年');
  assert.match(daan, /本传：大安凡十一年。按本传年数逐年相续，当1075—1085年，与本站年表同。/u);
  assert.match(daan, /一说夏大安当1074—1084年（本站年表从DDBC作1075—1085年）/u);
  assert.match(daan, /《宋史》卷四百八十六《夏国传下》；《长编》卷二百六十六，熙宁八年七月/u);
  const guoqing = await bubble(w.page, '天赐礼盛国庆五年');
  assert.match(guoqing, /当1070—1074年；本站年表从DDBC作1069—1074年/u);
  assert.doesNotMatch(guoqing, /讫于1073/u);
  assert.match(guoqing, /一说夏天赐礼盛国庆当1070—1074年/u);
  assert.doesNotMatch(daan + guoqing, BOX);
  // The markers of the summary run year after year: 1069, 1074, 1085, 1086.
  const years = await w.page.$$eval('.y-summary .y-greg', (gs) => gs.map((g) => Number(g.getAttribute('data-year'))));
  assert.deepEqual(years, [1069, 1074, 1085, 1086]);
  clean(w);
  await w.page.close();
});

test('parallel eras at month precision: 元符元年十二月 is not also 绍圣五年', async () => {
  const w = await open('#/chapters/03-shaosheng-yuanfu');
  const expr = w.page.locator('#y1098 .y-expr');
  await w.page.waitForSelector('.y-ref .y-expr, #y1098 .y-expr');
  await expr.focus();
  await w.page.locator('#reader-tip').waitFor({ state: 'visible' });
  const parallel = await w.page.locator('#reader-tip .y-parallel').innerText();
  assert.match(parallel, /^宋哲宗元符元年 · 夏/u);
  assert.doesNotMatch(parallel, /绍圣/u);
  clean(w);
  await w.page.close();
});

test('an era’s glossary note reaches the text: the bubble of 元祐元年 carries the gloss of 元祐 and a link to the index', async () => {
  const w = await open('#/chapters/01-bingchang');
  // The glossary data arrives after the first render; its marks show it has.
  await w.page.waitForSelector('.markdown-section .gl');
  await w.page.locator('#y1086 .y-expr').focus();
  await w.page.waitForSelector('#reader-tip .y-gloss');
  const gloss = await w.page.locator('#reader-tip .y-gloss').innerText();
  assert.match(gloss, /^年号元祐：北宋哲宗年号/u);
  assert.equal(await w.page.locator('#reader-tip .y-gloss a').getAttribute('href'), '#/glossary');
  clean(w);
  await w.page.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): no violations on the home page, the 校勘记 page, or with a 校 note or a 一说 bubble open`, async () => {
    const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
    const w = await watchedPage(context, t.origin);
    const check = async (where: string) => assert.deepEqual(await axeViolations(w.page, t.origin), [], where);
    await w.page.goto(t.site.url);
    await waitForRender(w.page);
    await check('home');
    await w.page.goto(`${t.site.url}#/jiaokan`);
    await w.page.waitForSelector('.markdown-section .jk-entry');
    await check('校勘记');
    await w.page.goto(`${t.site.url}#/chapters/01-bingchang`);
    await w.page.waitForFunction(() => document.querySelector('.markdown-section')?.getAttribute('data-route') === 'chapters/01-bingchang');
    await w.page.locator('.tn-marker').first().focus();
    await w.page.locator('#reader-tip .tn-entry').waitFor();
    await check('校 note');
    await bubble(w.page, '大安十一年');
    await w.page.locator('#reader-tip .y-dispute').waitFor();
    await check('一说 bubble');
    clean(w);
    await context.close();
  });
}
