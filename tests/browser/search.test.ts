/**
 * Search lands on the passage: every occurrence listed with chapter and year, the hit opened scrolled into view
 * with the match highlighted (and the highlight gone on the next navigation), reign years by either calendar,
 * glossary entries at their own anchor, in Chinese, with no inline style needed by the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { readChapters } from '../../scripts/lib/repo.ts';
import { entryAnchor } from '../../src/core/glossary-view.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: '搜索全文' });
  await box.waitFor();
  await box.fill(query);
  await page.waitForFunction((q) => document.querySelector('#reader-search-status')?.textContent?.includes(`「${q}」`), query);
}

/** The text the search-hit highlight paints, and whether it lies inside the viewport. */
function highlighted(page: Page): Promise<{ text: string; inView: boolean } | null> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit');
    const r = h ? [...h][0] : undefined;
    if (!r) return null;
    const rect = r.getBoundingClientRect();
    return { text: r.toString(), inView: rect.top >= 0 && rect.bottom <= window.innerHeight };
  });
}

test('a name that occurs several times: every occurrence with its chapter and year; a hit opens at the match, highlighted', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(t.site.url);
  await waitForRender(w.page);
  const expected = readChapters().flatMap(({ chapter }) => chapter.paragraphs.flatMap((p) => p.text.split('察哥').length - 1));
  const total = expected.reduce((a, b) => a + b, 0);
  assert.ok(total >= 4, 'the text names 察哥 several times');
  await searchFor(w.page, '察哥');
  const results = w.page.locator('.search-results .search-text a');
  assert.equal(await results.count(), total, 'one result per occurrence');
  assert.match(await w.page.locator('#reader-search-status').innerText(), new RegExp(`正文 ${total} 处`));
  const where = await results.locator('.search-where').allInnerTexts();
  for (const s of where) assert.match(s, /· .+年（1\d{3}）$/, `chapter and year: ${s}`);
  assert.doesNotMatch(await w.page.locator('.search-results').innerText(), /\.md|\?id=|Found|results/);

  // The last occurrence lies far down chapter 4: the page must land there, not at the chapter's top.
  const last = results.last();
  const href = (await last.getAttribute('href'))!;
  assert.match(href, /^#\/chapters\/04-huizong\?id=p\d+&hl=\d+-\d+$/);
  await last.click();
  await w.page.waitForFunction(() => location.hash.includes('04-huizong') && document.querySelector('.markdown-section [data-focus]'));
  await w.page.waitForFunction(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit');
    const r = h ? [...h][0] : undefined;
    const rect = r?.getBoundingClientRect();
    return !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight && window.scrollY > 300;
  });
  assert.deepEqual(await highlighted(w.page), { text: '察哥', inView: true });

  // The next navigation clears it.
  await w.page.goto(`${t.site.url}#/chapters/02-yuanyou`);
  await waitForRender(w.page);
  await w.page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('search-hit'));
  assert.deepEqual(w.consoleErrors, []);
  assert.deepEqual(w.failedRequests, []);
  await w.page.close();
});

for (const query of ['1088', '元祐三年']) {
  test(`a reign year by ${query === '1088' ? 'the Gregorian count' : 'its era'} (${query}) leads to the 元祐三年 entry`, async () => {
    const w = await watchedPage(t.context, t.origin);
    await w.page.goto(t.site.url);
    await waitForRender(w.page);
    await searchFor(w.page, query);
    const year = w.page.locator('.search-results .search-year a').first();
    assert.match(await year.innerText(), /元祐三年（1088）/);
    await year.click();
    await w.page.waitForFunction(() => location.hash === '#/chapters/02-yuanyou?id=y1088');
    await w.page.waitForFunction(() => document.querySelector('#y1088.is-target'));
    assert.deepEqual(w.consoleErrors, []);
    await w.page.close();
  });
}

test('a glossary entry opens at its own place on the glossary page', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(t.site.url);
  await waitForRender(w.page);
  await searchFor(w.page, '察哥');
  const term = w.page.locator('.search-results .search-term a').first();
  assert.match(await term.innerText(), /注释 · 人物\s*察哥：/);
  const id = entryAnchor('察哥');
  assert.equal(await term.getAttribute('href'), `#/glossary?id=${id}`);
  await term.click();
  await w.page.waitForFunction((anchor) => {
    const el = document.getElementById(anchor);
    if (!el?.classList.contains('is-target')) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && window.scrollY > 300;
  }, id);
  assert.deepEqual(w.consoleErrors, []);
  await w.page.close();
});

test('the interface speaks Chinese; nothing found says so; keyboard: / focuses the box, arrows walk the results', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/chapters/02-yuanyou`);
  await waitForRender(w.page);
  await w.page.getByRole('searchbox', { name: '搜索全文' }).waitFor();
  await w.page.keyboard.press('/');
  assert.equal(await w.page.evaluate(() => document.activeElement?.id), 'reader-search-input');
  await w.page.keyboard.type('无此人名');
  await w.page.waitForFunction(() => document.querySelector('#reader-search-status')?.textContent === '没有找到「无此人名」');
  await w.page.getByRole('searchbox', { name: '搜索全文' }).fill('夏国');
  await w.page.waitForFunction(() => document.querySelectorAll('.search-results a').length > 2);
  await w.page.keyboard.press('ArrowDown');
  await w.page.keyboard.press('ArrowDown');
  const focused = await w.page.evaluate(() => {
    const links = [...document.querySelectorAll('.search-results a')];
    return links.indexOf(document.activeElement as Element);
  });
  assert.equal(focused, 1);
  await w.page.keyboard.press('Escape');
  assert.equal(await w.page.evaluate(() => document.activeElement?.id), 'reader-search-input');
  await w.page.close();
});

test('no style needs unsafe-inline: the page runs under style-src self with no violation; no search plugin is loaded', async () => {
  const w = await watchedPage(t.context, t.origin);
  const requests: string[] = [];
  w.page.on('request', (r) => requests.push(r.url()));
  await w.page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await w.page.goto(`${t.site.url}#/chapters/04-huizong`);
  await waitForRender(w.page);
  await searchFor(w.page, '刘法');
  const csp = await w.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp!, /style-src 'self';/);
  assert.deepEqual(await w.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), []);
  assert.ok(!requests.some((u) => u.includes('plugins/search')), 'Docsify search plugin is not loaded');
  assert.deepEqual(w.consoleErrors, []);
  await w.page.close();
});
