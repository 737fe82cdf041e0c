/**
 * Years: links to a reign year, Gregorian markers and era bubbles, copy-link controls and the year navigator, in the
 * built t.site served under a sub-path, in the system Chromium. Resolution rules are checked first in Node, against
 * the same era table and year index the page bundles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import yearIndexJson from '../../src/generated/year-index.json' with { type: 'json' };
import { EraTable, parseEras } from '../../src/core/eras.ts';
import { read, readChapters } from '../../scripts/lib/repo.ts';
import { parallelLine } from '../../src/core/year-format.ts';
import { resolveYearLink, type YearIndex } from '../../src/core/year-link.ts';
import { axeViolations } from './axe.ts';
import { launch, networkQuiet, nextFrames, useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const index = yearIndexJson as YearIndex;
const table = new EraTable(parseEras(read('data/eras.tsv'), 'data/eras.tsv'));
const PARALLEL_1088 = '宋哲宗元祐三年 · 夏崇宗天仪治平三年 · 辽道宗大安四年';
const BAD_LINKS = ['0', '99999', '元祐九十年', '%3Cimg%20src=x%20onerror=alert(1)%3E', '%E5%'];

const t = useSite();

interface Page2 extends Watched {
  dialogs: string[];
  requests: string[];
}

async function open(ctx: BrowserContext = t.context): Promise<Page2> {
  const w = await watchedPage(ctx, t.origin);
  const dialogs: string[] = [];
  const requests: string[] = [];
  w.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  w.page.on('request', (r) => requests.push(r.url().replace(t.origin, '')));
  return { ...w, dialogs, requests };
}

/** A cold load of a hash route (a fresh document, not a hashchange). */
async function cold(page: Page, hash: string): Promise<void> {
  // Leaving with requests in flight would abort them (they would count as failed).
  await networkQuiet(page);
  await page.goto('about:blank');
  await page.goto(`${t.site.url}${hash}`);
  await waitForRender(page);
}

/** Waits until the entry is the highlighted target and returns where it is on screen. */
async function targetShown(page: Page, id: string): Promise<{ top: number; bottom: number; height: number; bar: number }> {
  await page.waitForFunction((i) => document.getElementById(i)?.classList.contains('is-target') === true, id, { timeout: 10000 });
  // Scrolling happens in the next frame.
  await nextFrames(page);
  return page.evaluate((i) => {
    const r = document.getElementById(i)!.getBoundingClientRect();
    const bar = document.querySelector('.year-bar')?.getBoundingClientRect().bottom ?? 0;
    return { top: r.top, bottom: r.bottom, height: window.innerHeight, bar };
  }, id);
}

function assertInView(pos: { top: number; bottom: number; height: number; bar: number }, what: string): void {
  assert.ok(pos.top >= pos.bar - 1 && pos.bottom <= pos.height, `${what} is in view below the year bar: ${JSON.stringify(pos)}`);
}

async function currentNavYear(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('.year-panel [aria-current]')?.querySelector('.year-cell-g')?.textContent ?? null);
}

function clean(w: Page2, what: string): void {
  assert.deepEqual(w.consoleErrors, [], `${what}: no console error`);
  assert.deepEqual(w.failedRequests, [], `${what}: no failed request`);
  assert.deepEqual(w.dialogs, [], `${what}: no dialog`);
}

// ── resolution, in Node ─────────────────────────────────────────────────────────────────────────────────────────

test('year links resolve by Gregorian year, era year (plain or percent-encoded) and change-year names', () => {
  const first = (raw: string) => {
    const r = resolveYearLink(raw, index, () => table);
    return r.kind === 'entry' ? `${r.target.chapter}?id=${r.target.anchor}` : r.kind;
  };
  assert.equal(first('1088'), 'chapters/02-yuanyou?id=y1088');
  assert.equal(first('元祐三年'), 'chapters/02-yuanyou?id=y1088');
  assert.equal(first(encodeURIComponent('元祐三年')), 'chapters/02-yuanyou?id=y1088');
  assert.equal(first('绍圣元年'), 'chapters/03-shaosheng-yuanfu?id=y1094');
  assert.equal(first('元祐九年'), 'chapters/03-shaosheng-yuanfu?id=y1094');
  assert.equal(first('辽大安四年'), 'chapters/02-yuanyou?id=y1088');
  assert.equal(first('1086'), 'chapters/01-bingchang?id=y1086');
  const gap = resolveYearLink('1095', index, () => table);
  assert.ok(gap.kind === 'gap' && gap.before?.anchor === 'y1094' && gap.after?.anchor === 'y1096');
  assert.equal(first('0'), 'outside');
  assert.equal(first('99999'), 'outside');
  assert.equal(first('元祐九十年'), 'no-such-era-year');
  assert.equal(first('%3Cimg%20src=x%20onerror=alert(1)%3E'), 'unknown');
  assert.deepEqual(resolveYearLink('%E5%', index, () => table), { kind: 'unknown', text: null });
});

test('the parallel era years of 1088 are Song, Xia and Liao', () => {
  assert.equal(parallelLine(table, 1088), PARALLEL_1088);
  assert.equal(parallelLine(table, 1094).split(' · ')[0], '宋哲宗元祐九年、绍圣元年');
});

// ── in the t.browser ─────────────────────────────────────────────────────────────────────────────────────────────

test('#/year/Y opens every year with entries at its first entry, highlighted, with the canonical address, cold and followed; reload keeps it', async () => {
  // Three pages at once: each cold load waits mostly on the page, not on this process.
  const lanes = [0, 1, 2];
  // A reload opens the canonical address, whose path is the same for every year: once a chapter proves it, and
  // halves the file's time (every year's own resolution is the cold load above it).
  const reloaded = new Set(index.years.filter((r, i) => index.years[i - 1]?.chapter !== r.chapter).map((r) => r.year));
  // Every year is resolved and scrolled to; a new document for each chapter's first and last year, where the
  // takeover from the prerendered page moves the text the most (its start, its end), and a followed link for the
  // years between, which asks for nothing more (the index is bundled, the chapter is the one already open).
  const coldLoaded = new Set([...reloaded, ...index.years.filter((r, i) => index.years[i + 1]?.chapter !== r.chapter).map((r) => r.year)]);
  await Promise.all(
    lanes.map(async (lane) => {
      const w = await open();
      for (const row of index.years.filter((_, i) => i % lanes.length === lane)) {
        const canonical = `#/${row.chapter}?id=${row.anchor}`;
        if (coldLoaded.has(row.year) || !w.page.url().includes(`#/${row.chapter}`)) await cold(w.page, `#/year/${row.year}`);
        else await w.page.evaluate((h) => (location.hash = h), `#/year/${row.year}`);
        assertInView(await targetShown(w.page, row.anchor), `${row.year}`);
        assert.equal(await w.page.evaluate(() => location.hash), canonical, `${row.year}: the address is the entry's link`);
        assert.equal(await currentNavYear(w.page), String(row.year), `${row.year}: the navigator shows the year`);
        if (!reloaded.has(row.year)) continue;
        await networkQuiet(w.page);
        await w.page.reload();
        await waitForRender(w.page);
        assertInView(await targetShown(w.page, row.anchor), `${row.year} after reload`);
        assert.equal(await w.page.evaluate(() => location.hash), canonical);
      }
      // A year link is answered from the bundled index: only the entry's own chapter is downloaded.
      assert.deepEqual(w.requests.filter((r) => /\/year\//.test(r)), [], 'nothing is fetched from a year address');
      clean(w, 'year links');
      await w.page.close();
    }),
  );
});

test('#/year/元祐三年, its percent-encoded form, 绍圣元年 and 元祐九年 open their entries', async () => {
  const w = await open();
  for (const [hash, anchor, chapter] of [
    ['#/year/元祐三年', 'y1088', '02-yuanyou'],
    [`#/year/${encodeURIComponent('元祐三年')}`, 'y1088', '02-yuanyou'],
    ['#/year/绍圣元年', 'y1094', '03-shaosheng-yuanfu'],
    ['#/year/元祐九年', 'y1094', '03-shaosheng-yuanfu'],
  ] as const) {
    await cold(w.page, hash);
    assertInView(await targetShown(w.page, anchor), hash);
    assert.equal(await w.page.evaluate(() => location.hash), `#/chapters/${chapter}?id=${anchor}`);
  }
  clean(w, 'era links');
  await w.page.close();
});

test('a year link followed inside the app lands on the entry, and Back returns to where the reader was', async () => {
  const w = await open();
  await cold(w.page, '#/chapters/02-yuanyou');
  // Another chapter.
  await w.page.evaluate(() => (location.hash = '#/year/1096'));
  assertInView(await targetShown(w.page, 'y1096'), '1096');
  assert.equal(await w.page.evaluate(() => location.hash), '#/chapters/03-shaosheng-yuanfu?id=y1096');
  // The same chapter: no new render, the highlight still moves.
  await w.page.evaluate(() => (location.hash = '#/year/1099'));
  assertInView(await targetShown(w.page, 'y1099'), '1099');
  assert.equal(await w.page.locator('.is-target').count(), 1, 'one highlighted entry');
  assert.equal(await currentNavYear(w.page), '1099');
  await w.page.goBack();
  await w.page.waitForFunction(() => location.hash.endsWith('?id=y1096'));
  await w.page.goBack();
  await w.page.waitForFunction(() => location.hash === '#/chapters/02-yuanyou');
  // The 404 page's example link.
  await cold(w.page, '#/chapters/no-such-chapter');
  await w.page.locator('.markdown-section a[href*="year/1088"]').click();
  assertInView(await targetShown(w.page, 'y1088'), '1088 from the 404 page');
  // The missing chapter's own 404 (and Chromium's console line for it) is the only failure.
  assert.deepEqual(w.consoleErrors, ['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  assert.deepEqual(w.failedRequests.map((r) => r.replace(t.origin, '')), ['/song-shi-xia-guo-zhuan/chapters/no-such-chapter.md 404']);
  await w.page.close();
});

test('a year without an entry (1095) names the nearest entries before and after, as working links', async () => {
  const w = await open();
  await cold(w.page, '#/year/1095');
  assert.match(await w.page.locator('.markdown-section h1').innerText(), /绍圣二年 · 1095年/);
  const near = w.page.locator('.year-page-near a');
  assert.deepEqual(await near.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [
    '#/chapters/03-shaosheng-yuanfu?id=y1094',
    '#/chapters/03-shaosheng-yuanfu?id=y1096',
  ]);
  assert.equal(await currentNavYear(w.page), '1095', 'the gap is the current year in the navigator');
  await near.nth(1).click();
  assertInView(await targetShown(w.page, 'y1096'), '1096 from 1095');
  clean(w, '1095');
  await w.page.close();
});

test('links that name no year show a message: nothing injected, nothing fetched, no dialog, no console error', async () => {
  const w = await open();
  for (const raw of BAD_LINKS) {
    await cold(w.page, `#/year/${raw}`);
    const h1 = await w.page.locator('.markdown-section h1').innerText();
    assert.match(h1, /^(不在本书范围之内|没有这一年|无法识别的年份)$/, `${raw}: ${h1}`);
    assert.ok((await w.page.locator('.year-page-help a').count()) >= 2, `${raw}: the message shows how to write a year link`);
    const injected = await w.page.evaluate(() => document.querySelectorAll('img, [onerror], script:not([src])').length);
    assert.equal(injected, 0, `${raw}: no element from the address`);
  }
  await cold(w.page, '#/year');
  assert.equal(await w.page.locator('.markdown-section h1').innerText(), '无法识别的年份');
  // Malformed percent-encoding is kept as text, in a spelling Docsify can route.
  await cold(w.page, '#/year/%E5%');
  assert.equal(await w.page.evaluate(() => location.hash), '#/year/%25E5%25');
  assert.match(await w.page.locator('.markdown-section').innerText(), /「%E5%」/);
  await cold(w.page, '#/year/%3Cimg%20src=x%20onerror=alert(1)%3E');
  assert.match(await w.page.locator('.markdown-section').innerText(), /「<img src=x onerror=alert\(1\)>」/);
  await cold(w.page, `#/year/${encodeURIComponent('元祐九十年')}`);
  assert.match(await w.page.locator('.markdown-section').innerText(), /元祐年号只行用9年（1086—1094），没有第90年/);
  assert.deepEqual(w.requests.filter((r) => /\/year\//.test(r)), [], 'no request for an address taken from the hash');
  clean(w, 'bad links');
  await w.page.close();
});

test('Gregorian markers are generated content: the paragraphs\' text stays the chronicle\'s', async () => {
  const w = await open();
  const chapter = readChapters().find((c) => c.route === 'chapters/02-yuanyou')!;
  await cold(w.page, '#/chapters/02-yuanyou');
  // References are decorated when the t.browser is idle.
  await w.page.waitForSelector('.y-ref .y-expr');
  const texts = await w.page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent));
  assert.deepEqual(texts, chapter.chapter.paragraphs.map((p) => p.text));
  assert.ok(!texts.join('').includes('1088'));
  const marker = await w.page.evaluate(() => {
    const m = document.querySelector('#y1088 .y-greg')!;
    return { content: getComputedStyle(m, '::after').content, own: m.textContent, decoration: m.hasAttribute('data-decoration') };
  });
  // Word joiners (U+2060) keep the marker on the line of the year it glosses.
  assert.deepEqual({ ...marker, content: marker.content.replace(/\u2060/g, '') }, { content: '"1088"', own: '', decoration: true });
  const refs = () => w.page.evaluate(() => [...document.querySelectorAll('.y-ref')].map((r) => [r.textContent, r.querySelector('.y-greg')?.getAttribute('data-year'), r.id]));
  assert.deepEqual(await refs(), [['元丰四年', '1081', '']], 'the reference 元丰四年 is marked 1081, with no anchor');
  // Away and back before the t.browser is idle: each render is decorated once.
  await w.page.evaluate(() => (location.hash = '#/chapters/03-shaosheng-yuanfu'));
  await w.page.waitForSelector('#y1094');
  await w.page.evaluate(() => (location.hash = '#/chapters/02-yuanyou'));
  await w.page.waitForSelector('#y1088');
  await waitForRender(w.page, 'chapters/02-yuanyou');
  assert.deepEqual(await refs(), [['元丰四年', '1081', '']]);
  assert.deepEqual(await w.page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent)), chapter.chapter.paragraphs.map((p) => p.text));
  clean(w, 'markers');
  await w.page.close();
});

test('the bubble of 元祐三年 gives the Gregorian year, the parallel era years exactly, and the date', async () => {
  const w = await open();
  await cold(w.page, '#/chapters/02-yuanyou');
  const expr = w.page.locator('#y1088 .y-expr');
  await expr.focus();
  const tip = w.page.locator('#reader-tip');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.locator('.y-parallel').textContent(), PARALLEL_1088);
  assert.match(await tip.innerText(), /公元1088年/);
  assert.match(await tip.innerText(), /三月：儒略历1088年3月26日—4月23日/);
  assert.match(await tip.innerText(), /前推格里历1088年4月1日—4月29日/);
  assert.equal(await expr.getAttribute('aria-describedby'), 'reader-tip');
  // A reference has the same bubble.
  await w.page.locator('.y-ref .y-expr').first().focus();
  await w.page.waitForFunction(() => document.querySelector('#reader-tip .popover-head')?.textContent?.includes('1081'));
  await w.page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  clean(w, 'bubble');
  await w.page.close();
});

test('copy link puts the canonical absolute address on the clipboard and says 已复制', async (copy) => {
  // It reads the clipboard, which is the browser's: a Chromium of its own (see useSite).
  const own = await launch();
  copy.after(() => own.close());
  const ctx = await own.newContext({ viewport: { width: 1200, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  const w = await open(ctx);
  await cold(w.page, '#/chapters/02-yuanyou');
  const button = w.page.locator('#y1088 .y-copy');
  assert.match((await button.getAttribute('aria-label')) ?? '', /复制本条链接/);
  const box = await button.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const hit = getComputedStyle(b, '::before');
    return { w: r.width - parseFloat(hit.left) - parseFloat(hit.right), h: r.height - parseFloat(hit.top) - parseFloat(hit.bottom) };
  });
  assert.ok(box.w >= 32 && box.h >= 32, `the copy control's target is larger than its glyph: ${JSON.stringify(box)}`);
  await button.click();
  await w.page.waitForFunction(() => document.querySelector('.y-live')?.textContent === '已复制本条链接');
  assert.equal(await button.getAttribute('aria-label'), '已复制');
  assert.equal(await w.page.evaluate(() => navigator.clipboard.readText()), `${t.site.url}#/chapters/02-yuanyou?id=y1088`);
  clean(w, 'copy');
});

test('the navigator follows scrolling: another entry read, another year highlighted', async () => {
  const w = await open();
  await cold(w.page, '#/chapters/04-huizong');
  assert.equal(await currentNavYear(w.page), '1101');
  assert.equal(await w.page.locator('.year-nav[aria-label="年份导航"]').count(), 1);
  await w.page.evaluate(() => document.getElementById('y1114')!.scrollIntoView({ block: 'start' }));
  await w.page.waitForFunction(() => document.querySelector('.year-panel [aria-current] .year-cell-g')?.textContent === '1114');
  assert.match(await w.page.locator('.year-toggle').innerText(), /政和四年\s*1114/);
  assert.equal(await w.page.locator('.year-next').getAttribute('href'), '#/chapters/04-huizong?id=y1115');
  assert.equal(await w.page.locator('.year-prev').getAttribute('href'), '#/chapters/04-huizong?id=y1107');
  // Back up to the top: the chapter's first year again.
  await w.page.evaluate(() => window.scrollTo(0, 0));
  await w.page.waitForFunction(() => document.querySelector('.year-panel [aria-current] .year-cell-g')?.textContent === '1101');
  clean(w, 'scrolling');
  await w.page.close();
});

test('keyboard only: Tab to a year opens its bubble, Esc closes it, ] goes to the next year, y opens the navigator', async () => {
  const w = await open();
  await cold(w.page, '#/chapters/02-yuanyou');
  let found = false;
  // One tab stop a paragraph (keys.test.ts): Tab to the first paragraph, then → through its items.
  const inText = () => w.page.evaluate(() => !!document.activeElement?.closest('.markdown-section > p'));
  for (let i = 0; i < 60 && !(await inText()); i++) await w.page.keyboard.press('Tab');
  for (let i = 0; i < 40 && !found; i++) {
    found = await w.page.evaluate(() => document.activeElement?.classList.contains('y-expr') ?? false);
    if (!found) await w.page.keyboard.press('ArrowRight');
  }
  assert.ok(found, 'a year expression is reached with Tab and →');
  const tip = w.page.locator('#reader-tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /公元1086年/);
  await w.page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  await w.page.keyboard.press(']');
  await w.page.waitForFunction(() => location.hash === '#/chapters/02-yuanyou?id=y1087');
  assertInView(await targetShown(w.page, 'y1087'), '1087 after ]');
  await w.page.keyboard.press(']');
  assertInView(await targetShown(w.page, 'y1088'), '1088 after ]');
  await w.page.keyboard.press('[');
  assertInView(await targetShown(w.page, 'y1087'), '1087 after [');
  await w.page.keyboard.press('y');
  await w.page.locator('.year-panel').waitFor({ state: 'visible' });
  assert.equal(await w.page.locator('.year-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await w.page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'location', 'focus on the current year');
  await w.page.keyboard.press('Tab');
  await w.page.keyboard.press('Enter');
  assertInView(await targetShown(w.page, 'y1088'), '1088 chosen in the navigator');
  assert.equal(await w.page.locator('.year-panel').isVisible(), false, 'the list closes after a choice');
  await w.page.keyboard.press('y');
  await w.page.locator('.year-panel').waitFor({ state: 'visible' });
  await w.page.keyboard.press('Escape');
  await w.page.locator('.year-panel').waitFor({ state: 'hidden' });
  assert.equal(await w.page.evaluate(() => document.activeElement?.className), 'year-toggle', 'focus returns to the toggle');
  // Keys are letters while typing: the search box takes y, [ and ].
  await w.page.locator('.reader-search input').focus();
  await w.page.keyboard.type('y]');
  assert.equal(await w.page.locator('.year-panel').isVisible(), false);
  assert.equal(await w.page.evaluate(() => location.hash), '#/chapters/02-yuanyou?id=y1088');
  clean(w, 'keyboard');
  await w.page.close();
});

test('on a phone (390×844) the navigator opens from the bar and a year is picked with a tap', async () => {
  const ctx = await t.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const w = await open(ctx);
  await cold(w.page, '#/chapters/02-yuanyou');
  const bar = await w.page.locator('.year-bar').boundingBox();
  assert.ok(bar && bar.width <= 390 && bar.y <= 1, `the bar is at the top and fits: ${JSON.stringify(bar)}`);
  await w.page.locator('.year-toggle').tap();
  await w.page.locator('.year-panel').waitFor({ state: 'visible' });
  const sizes = await w.page.$$eval('.year-cell, .year-toggle, .year-step:not([aria-disabled])', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height), Math.round(r.right)];
    }),
  );
  for (const [width, height, right] of sizes) {
    assert.ok(width! >= 40 && height! >= 40 && right! <= 390, `tap target ${width}×${height} within the screen (right ${right})`);
  }
  await w.page.locator('.year-panel a.year-cell', { hasText: '1104' }).tap();
  assertInView(await targetShown(w.page, 'y1104'), '1104 on a phone');
  assert.equal(await w.page.evaluate(() => location.hash), '#/chapters/04-huizong?id=y1104');
  await w.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const stuck = await w.page.locator('.year-bar').boundingBox();
  assert.ok(stuck && Math.abs(stuck.y) <= 1, `the bar stays at the top of the screen at the chapter's end: ${JSON.stringify(stuck)}`);
  assert.equal(await w.page.locator('.year-panel').isVisible(), false);
  clean(w, 'phone');
  await ctx.close();
});

// ── accessibility ─────────────────────────────────────────────────────────────────────────────────────────────

/** Each violation as one line, rule first, for a readable assertion message. */
async function axeFound(page: Page): Promise<string[]> {
  return (await axeViolations(page, t.origin)).flatMap((v) => v.nodes.map((n) => `${v.id} — ${n}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): the open navigator, a year's bubble, a year page`, async () => {
    const ctx = await t.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
    const w = await open(ctx);
    await cold(w.page, '#/year/1088');
    await targetShown(w.page, 'y1088');
    await w.page.locator('.year-toggle').click();
    await w.page.locator('.year-panel').waitFor({ state: 'visible' });
    assert.deepEqual(await axeFound(w.page), [], 'navigator open');
    await w.page.locator('#y1088 .y-expr').focus();
    await w.page.locator('#reader-tip').waitFor({ state: 'visible' });
    assert.deepEqual(await axeFound(w.page), [], 'bubble open');
    await cold(w.page, '#/year/1095');
    assert.deepEqual(await axeFound(w.page), [], 'year page');
    clean(w, 'axe');
    await ctx.close();
  });
}
