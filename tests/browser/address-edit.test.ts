/**
 * A reader who edits the address from a scrolled page: Docsify scrolls to the top only after a click (a typed
 * address is a "history" navigation to it), so the new chapter used to open at the old scroll position. A new
 * chapter without `?id=` opens at its top; with `?id=` it lands on the target; Back is left to the browser's own
 * restoring (never forced to the top). Exact positions, ±2 px.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { nextFrames, useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

async function scrollTo(page: Page, y: number): Promise<number> {
  await page.evaluate((y) => window.scrollTo(0, y), y);
  await nextFrames(page);
  return page.evaluate(() => window.scrollY);
}

/** Types a new address, as a reader does in the address bar (a new history entry, no click). */
async function editAddress(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await waitForRender(page, hash.slice(2).split('?')[0]);
  await nextFrames(page);
}

for (const viewport of [
  { width: 1200, height: 900 },
  { width: 390, height: 800 },
]) {
  test(`editing the address (${viewport.width} px): a new chapter opens at its top, an ?id= on its target`, async () => {
    const context = await t.browser.newContext({ viewport });
    const w = await watchedPage(context, t.origin);
    await w.page.goto(`${t.site.url}#/chapters/04-huizong`);
    await waitForRender(w.page);
    const scrolled = await scrollTo(w.page, 2000);
    assert.ok(scrolled > 500, `the page scrolled (${scrolled})`);

    await editAddress(w.page, '#/chapters/03-shaosheng-yuanfu');
    const top = await w.page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(top) <= 2, `the new chapter opens at its top (scrollY ${top})`);

    assert.ok((await scrollTo(w.page, 1200)) > 300);
    await editAddress(w.page, '#/chapters/04-huizong?id=y1115');
    const placed = await w.page.evaluate(() => {
      const r = document.getElementById('y1115')!.getBoundingClientRect();
      // Centred in the part of the window between the sticky year bar (scroll-padding-top) and, on a phone, the
      // bottom bar (scroll-padding-bottom).
      const style = getComputedStyle(document.documentElement);
      const top = Number.parseFloat(style.scrollPaddingTop) || 0;
      const bottom = Number.parseFloat(style.scrollPaddingBottom) || 0;
      return { centre: r.top + r.height / 2, middle: (top + window.innerHeight - bottom) / 2, y: window.scrollY };
    });
    assert.ok(placed.y > 0, `the target lies below the first screen (${JSON.stringify(placed)})`);
    assert.ok(Math.abs(placed.centre - placed.middle) <= 2, `the target is centred (${JSON.stringify(placed)})`);

    // Back to the top-opened chapter, then back again to the target: the browser restores, nothing is forced to 0.
    await w.page.goBack();
    await waitForRender(w.page, 'chapters/03-shaosheng-yuanfu');
    await nextFrames(w.page);
    const back = await w.page.evaluate(() => window.scrollY);
    assert.ok(back > 100, `Back is not sent to the top (scrollY ${back})`);
    await w.page.goForward();
    await waitForRender(w.page, 'chapters/04-huizong');
    assert.deepEqual(w.consoleErrors, []);
    await context.close();
  });
}
