/**
 * The reader keeps their place: opening and closing the year navigator leaves the page where it was (by mouse,
 * by key, on a phone); after any link with `?id=` the sidebar still marks the chapter; glossary links land on
 * their entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { entryAnchor } from '../../src/core/glossary-view.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** A click where a finger or mouse would press: Playwright's own click first scrolls its target into view. */
async function press(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function scrolledChapter(context: BrowserContext, y: number): Promise<Page> {
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}#/chapters/04-huizong`);
  await waitForRender(w.page);
  await w.page.locator('.year-toggle').waitFor();
  await w.page.evaluate((to) => window.scrollTo(0, to), y);
  await w.page.waitForFunction((to) => Math.abs(window.scrollY - to) < 1, y);
  return w.page;
}

async function assertNavigatorKeepsPlace(page: Page, y: number): Promise<void> {
  await press(page, '.year-toggle');
  await page.locator('.year-panel').waitFor({ state: 'visible' });
  assert.ok(Math.abs((await scrollY(page)) - y) <= 2, `opening by click: ${await scrollY(page)} ≠ ${y}`);
  await press(page, '.year-toggle');
  await page.locator('.year-panel').waitFor({ state: 'hidden' });
  assert.ok(Math.abs((await scrollY(page)) - y) <= 2, `closing by click: ${await scrollY(page)} ≠ ${y}`);
  await page.locator('body').focus();
  await page.keyboard.press('y');
  await page.locator('.year-panel').waitFor({ state: 'visible' });
  assert.ok(Math.abs((await scrollY(page)) - y) <= 2, `opening with y: ${await scrollY(page)} ≠ ${y}`);
  await page.keyboard.press('Escape');
  await page.locator('.year-panel').waitFor({ state: 'hidden' });
  assert.ok(Math.abs((await scrollY(page)) - y) <= 2, `closing with Esc: ${await scrollY(page)} ≠ ${y}`);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'year-toggle', 'focus returns to the toggle');
}

test('desktop: opening and closing the year navigator leaves the page exactly where it was', async () => {
  const page = await scrolledChapter(t.context, 952);
  await assertNavigatorKeepsPlace(page, 952);
  await page.close();
});

test('phone: the same, with the list taller than the screen', async () => {
  const ctx = await t.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await scrolledChapter(ctx, 1000);
  await assertNavigatorKeepsPlace(page, 1000);
  await ctx.close();
});

test('after a link with ?id= (a year, a search hit, a glossary occurrence) the sidebar marks the chapter', async () => {
  const w = await watchedPage(t.context, t.origin);
  for (const [hash, chapter] of [
    ['#/chapters/02-yuanyou?id=y1088', 'chapters/02-yuanyou'],
    ['#/year/1101', 'chapters/04-huizong'],
    ['#/chapters/03-shaosheng-yuanfu?id=p2', 'chapters/03-shaosheng-yuanfu'],
  ] as const) {
    await w.page.goto(`${t.site.url}${hash}`);
    await waitForRender(w.page);
    await w.page.waitForFunction(
      (c) => document.querySelector('.sidebar-nav li.active > a')?.getAttribute('href')?.endsWith(`#/${c}`),
      chapter,
    );
    assert.equal(await w.page.locator('.sidebar-nav li.active').count(), 1, hash);
    assert.equal(await w.page.locator('.sidebar-nav li.active').getAttribute('aria-current'), 'page');
  }
  await w.page.close();
});

test('every glossary entry has an anchor and 「共 N 处」 and search land on it', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/glossary?id=${entryAnchor('童贯')}`);
  await waitForRender(w.page);
  await w.page.waitForFunction((id) => {
    const el = document.getElementById(id);
    const r = el?.getBoundingClientRect();
    return !!r && el!.classList.contains('is-target') && r.top >= 0 && r.bottom <= window.innerHeight && window.scrollY > 0;
  }, entryAnchor('童贯'));
  const ids = await w.page.$$eval('.markdown-section li > span[id^="g-"]', (s) => s.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'anchors are unique');
  assert.ok(ids.length > 250, `every entry has one (${ids.length})`);
  assert.deepEqual(w.consoleErrors, []);
  await w.page.close();
});
