/**
 * On a phone (390 px, touch): every 校 marker after its whole word, never at a line start, with a 24×24 px target;
 * the bottom bar's 目录 and 年份 by role and name; axe-core, light and dark. (The keyboard: keys.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions } from 'playwright-core';
import { readChapters } from '../../scripts/lib/repo.ts';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const t = useSite();
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const CHAPTERS = readChapters().map((c) => c.route);

/** Opens a chapter and waits until every feature has run on it, the glossary's data included. */
async function open(w: Watched, route: string): Promise<void> {
  await w.page.goto(`${t.site.url}#/${route}`);
  await waitForRender(w.page, route);
  // tsx names the functions a test hands the page with a helper the page does not have.
  await w.page.evaluate('globalThis.__name = (f) => f');
}

function clean(w: Watched): void {
  assert.deepEqual(w.consoleErrors, [], 'no console error');
  assert.deepEqual(w.failedRequests, [], 'no failed request');
}

test('校: after the whole word, never at a line start, a 24×24 target on a phone that opens by touch', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await watchedPage(context, t.origin);
  const { page } = w;
  let total = 0;
  for (const route of CHAPTERS) {
    await open(w, route);
    const found = await page.evaluate(() => {
      const out: { where: string; inMark: boolean; box: { w: number; h: number }; hits: number; lineStarts: number[] }[] = [];
      /** Whether the marker is the first thing on its line: the text before it ends on another line. */
      const startsLine = (m: HTMLElement): boolean => {
        const r = m.getBoundingClientRect();
        const walker = document.createTreeWalker(m.closest('p')!, NodeFilter.SHOW_TEXT);
        let last: Text | null = null;
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          if (m.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) break;
          if (n.data.length) last = n;
        }
        if (!last) return true;
        const range = document.createRange();
        range.setStart(last, last.data.length - 1);
        range.setEnd(last, last.data.length);
        const c = range.getBoundingClientRect();
        // Beside the character before it: its left edge is at the character's right, on the same line.
        return !(Math.abs(r.left - c.right) < 4 && r.top < c.bottom && r.bottom > c.top - 8);
      };
      for (const m of document.querySelectorAll<HTMLElement>('.markdown-section > p .tn-marker')) {
        m.scrollIntoView({ block: 'center' });
        const r = m.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        let hits = 0;
        for (const [dx, dy] of [[-11, -11], [11, -11], [-11, 11], [11, 11], [0, 0]] as const) {
          if (document.elementFromPoint(cx + dx, cy + dy)?.closest('.tn-marker') === m) hits++;
        }
        // The paragraph narrowed a pixel at a time across more than a character's width: wherever the line breaks,
        // the marker stays with the character before it.
        const p = m.closest('p')!;
        const lineStarts: number[] = [];
        const width = p.getBoundingClientRect().width;
        for (let d = 0; d <= 40; d++) {
          p.style.width = `${width - d}px`;
          if (startsLine(m)) lineStarts.push(width - d);
        }
        p.style.width = '';
        out.push({
          where: `${m.dataset['for']} after ${(m.previousSibling?.textContent ?? '').slice(-4)}`,
          inMark: m.parentElement !== p,
          box: { w: Math.round(r.width), h: Math.round(r.height) },
          hits,
          lineStarts,
        });
      }
      // The hit area widens nothing: without it, every character and marker of the text is where it was.
      const layout = (): string =>
        [...document.querySelectorAll('.markdown-section > p .tn-marker, .markdown-section > p .tn')].map((e) => JSON.stringify(e.getBoundingClientRect())).join();
      const withArea = layout();
      // Through the CSSOM, which the page's Content-Security-Policy leaves alone (a <style> it might not).
      const sheet = [...document.styleSheets].find((x) => x.href?.endsWith('assets/site.css'))!;
      const rule = sheet.insertRule('.markdown-section .tn-marker::before { display: none; }', sheet.cssRules.length);
      const without = layout();
      sheet.deleteRule(rule);
      return { out, same: withArea === without };
    });
    assert.ok(found.same, `${route}: the markers' hit areas move nothing in the text`);
    total += found.out.length;
    for (const f of found.out) {
      assert.equal(f.inMark, false, `${route} ${f.where}: the marker stands after the term or year, not inside it`);
      assert.equal(f.hits, 5, `${route} ${f.where}: the whole 24×24 px around the marker is its target`);
      assert.deepEqual(f.lineStarts, [], `${route} ${f.where}: the marker begins a line at these widths`);
    }
  }
  assert.ok(total >= 20, `every 校 in the text was checked (${total})`);

  // A tap 10 px off the label's centre opens the note.
  await open(w, 'chapters/03-shaosheng-yuanfu');
  const marker = page.locator('.tn-marker').first();
  await marker.scrollIntoViewIfNeeded();
  const r = (await marker.boundingBox())!;
  await page.touchscreen.tap(r.x + r.width / 2 + 10, r.y + r.height / 2 - 10);
  await page.getByRole('tooltip').waitFor();
  assert.equal(await marker.getAttribute('aria-describedby'), 'reader-tip');
  clean(w);
  await context.close();
});

test('phone: a bottom bar with 目录 and 年份 opens the table of contents and the year list, by touch, in reach of the thumb', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await watchedPage(context, t.origin);
  const { page } = w;
  await open(w, 'chapters/04-huizong');
  const toc = page.getByRole('button', { name: '目录' });
  const years = page.getByRole('button', { name: '年份导航', exact: true });
  for (const b of [toc, years]) {
    const box = (await b.boundingBox())!;
    assert.ok(box.height >= 44 && box.width >= 44, `a 44 px target (${box.width}×${box.height})`);
    assert.ok(box.y > 844 * 0.8, `at the bottom of the screen (y ${box.y})`);
  }
  assert.equal(await toc.getAttribute('aria-expanded'), 'false');
  await toc.tap();
  await page.waitForFunction(() => document.querySelector('.sidebar')?.classList.contains('show'));
  assert.equal(await toc.getAttribute('aria-expanded'), 'true');
  // On screen once Docsify's slide-in is over.
  await page.waitForFunction(() => {
    const r = document.querySelector('.sidebar-nav a[href*="02-yuanyou"]')?.getBoundingClientRect();
    return !!r && r.left >= 0 && r.right <= 390 && document.getAnimations().length === 0;
  });
  await toc.tap();
  await page.waitForFunction(() => !document.querySelector('.sidebar')?.classList.contains('show'));
  assert.equal(await toc.getAttribute('aria-expanded'), 'false');

  // 年份 opens the navigator's list where the reader is, and closes it.
  await page.evaluate(() => window.scrollTo(0, 1000));
  const y = await page.evaluate(() => window.scrollY);
  await years.tap();
  await page.locator('#year-panel').waitFor({ state: 'visible' });
  assert.equal(await years.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => window.scrollY), y, 'the page stays where it was');
  await years.tap();
  await page.locator('#year-panel').waitFor({ state: 'hidden' });
  assert.equal(await years.getAttribute('aria-expanded'), 'false');
  // A year chosen from the list goes there.
  await years.tap();
  await page.locator('#year-panel a[href*="y1119"]').tap();
  await page.waitForFunction(() => location.hash.includes('y1119'));
  clean(w);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): a phone page with the bar, a 校 note open as a dialog, the table of contents open`, async () => {
    const context = await t.browser.newContext({ ...PHONE, colorScheme });
    const w = await watchedPage(context, t.origin);
    await open(w, 'chapters/02-yuanyou');
    await w.page.getByRole('button', { name: /^校勘记/ }).first().focus();
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('dialog').waitFor();
    assert.deepEqual(await axeViolations(w.page, t.origin), [], 'phone, a 校 note as a dialog');
    await w.page.keyboard.press('Escape');
    await w.page.getByRole('button', { name: '目录' }).tap();
    // Checked once Docsify's slide-in is over: its sidebar's visibility is a transition from hidden, so a check in
    // the frame the sidebar opens finds the sidebar's heading (the page's one h1 while the content is inert) hidden.
    await w.page.waitForFunction(() => document.querySelector('.sidebar')?.classList.contains('show') && document.getAnimations().length === 0);
    // Docsify makes the content (its role="main" article) inert while its sidebar is open on a phone: that one
    // finding is Docsify's own, and only here.
    const open_ = (await axeViolations(w.page, t.origin)).filter((v) => v.id !== 'landmark-one-main');
    assert.deepEqual(open_, [], 'phone, the table of contents open');
    await context.close();
  });
}
