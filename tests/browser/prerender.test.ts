/**
 * Text before Docsify (src/site/prerender/, scripts/steps/prerender.ts): the route's prerendered page is painted
 * before Docsify runs, in the place the live page will take, with the same decorations; Docsify then takes over
 * with no layout shift and no text twice. Docsify's script is held back by the test (page.route) until the copy
 * is on screen, so the takeover is exercised on every run, whatever the machine's speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { readChapters } from '../../scripts/lib/repo.ts';
import { traditionalChapters } from '../../scripts/lib/traditional.ts';
import { useSite, waitForRender } from './harness.ts';

const t = useSite();

/** Each paragraph's element structure: tag and classes of every element, in document order, and its text. */
const SHAPES = `(root) => [...root.querySelectorAll(':scope > p')].map((p) => ({
  text: p.textContent,
  shape: [...p.querySelectorAll('*')].map((e) => e.tagName + '.' + [...e.classList].filter((c) => c !== 'is-target').sort().join('.')).join(' '),
}))`;

const RECTS = `(root) => [...root.querySelectorAll(':scope > p, :scope > h1')].map((p) => { const r = p.getBoundingClientRect(); return [r.top + scrollY, r.left, r.width, r.height]; })`;

/** Opens `hash` with Docsify's script held back; returns the page once the prerendered copy is painted, and a release. */
async function openHeld(hash: string, init?: string, context?: BrowserContext): Promise<{ page: Page; release: () => Promise<void> }> {
  const page = await (context ?? t.context).newPage();
  if (init) await page.addInitScript({ content: init });
  await page.addInitScript({
    content: `window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`,
  });
  let held: Route | null = null;
  let arrived: () => void = () => undefined;
  const requested = new Promise<void>((r) => (arrived = r));
  await page.route('**/vendor/docsify/docsify.min.js', (route) => {
    held = route;
    arrived();
  });
  await page.goto(`${t.site.url}${hash}`, { waitUntil: 'commit' });
  await page.waitForSelector('.prerender article > p');
  return {
    page,
    release: async () => {
      await requested;
      await held!.continue();
    },
  };
}

test('without Docsify, every chapter’s text is on screen from the prerendered page, exactly (and a traditional one)', async () => {
  // Every traditional page's text is checked without a browser in crawlable.test.ts.
  const scripts = [
    { query: '', chapters: readChapters() },
    { query: '?script=t', chapters: traditionalChapters().filter((c) => c.route === 'chapters/04-huizong') },
  ];
  for (const { query, chapters } of scripts) {
    // Its own context: ?script=t is remembered, and the other tests read the simplified text.
    const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 } });
    for (const { route, chapter } of chapters) {
      const page = await context.newPage();
      // Docsify never arrives: what the reader sees is the first script's doing alone.
      await page.route('**/vendor/docsify/docsify.min.js', (r) => r.abort());
      await page.goto(`${t.site.url}${query}#/${route}`);
      await page.waitForSelector('.prerender article > p');
      const texts = await page.$$eval('.prerender article > p', (ps) => ps.map((p) => p.textContent));
      assert.deepEqual(
        texts,
        chapter.paragraphs.map((p) => p.text),
        `${query}${route}`,
      );
      assert.equal(await page.locator('.prerender h1').innerText(), chapter.title);
      assert.ok(await page.locator('.prerender article > p').first().isVisible(), 'the text is visible');
      // No id in the copy: ids are the live page's (targets, anchors).
      assert.equal(await page.locator('.prerender [id]').count(), 0);
      await page.close();
    }
    await context.close();
  }
});

test('a year link paints its chapter with the entry marked, before Docsify', async () => {
  const page = await t.context.newPage();
  await page.route('**/vendor/docsify/docsify.min.js', (r) => r.abort());
  await page.goto(`${t.site.url}#/year/1104`);
  await page.waitForSelector('.prerender [data-anchor="y1104"].is-target');
  assert.equal(await page.evaluate(() => location.hash), '#/chapters/04-huizong?id=y1104');
  const box = await page.locator('.prerender [data-anchor="y1104"]').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `the entry is in view: ${JSON.stringify(box)}`);
  await page.close();
});

test('Docsify takes over each chapter without a shift: the same decorations, the same places, no text twice', async () => {
  for (const { route, chapter } of readChapters()) {
    const { page, release } = await openHeld(`#/${route}`);
    const before = await page.evaluate(`(${SHAPES})(document.querySelector('.prerender article'))`);
    const rects = await page.evaluate(`(${RECTS})(document.querySelector('.prerender article'))`);
    await release();
    await waitForRender(page, route);
    assert.equal(await page.locator('.prerender').count(), 0, 'the copy is gone');
    const after = await page.evaluate(`(${SHAPES})(document.querySelector('.markdown-section'))`);
    assert.deepEqual(after, before, `${route}: the live paragraphs have the prerendered ones' markup`);
    assert.deepEqual(await page.evaluate(`(${RECTS})(document.querySelector('.markdown-section'))`), rects, `${route}: every paragraph where it was painted`);
    const first = chapter.paragraphs[0]!.text;
    const copies = await page.evaluate(`[...document.querySelectorAll('p')].filter((p) => p.textContent === ${JSON.stringify(first)}).length`);
    assert.equal(copies, 1, 'the first paragraph once');
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    assert.ok(cls <= 0.02, `${route}: layout shift ${cls}`);
    await page.close();
  }
});

test('the copy follows the reading mode: 白文 paints the bare text, then Docsify takes over without a shift', async () => {
  const { page, release } = await openHeld('#/chapters/02-yuanyou', `localStorage.setItem('song-shi-xia-guo-zhuan:mode', 'plain');`);
  // The chapter's own term spans stay, as Docsify renders them; nothing of the features' is there.
  assert.equal(await page.locator('.prerender article p :is(.y, .gl, .tn, [data-decoration])').count(), 0, 'no decoration in 白文');
  assert.equal(await page.locator('.prerender .gl-legend').count(), 0);
  const rects = await page.evaluate(`(${RECTS})(document.querySelector('.prerender article'))`);
  await release();
  await waitForRender(page, 'chapters/02-yuanyou');
  assert.deepEqual(await page.evaluate(`(${RECTS})(document.querySelector('.markdown-section'))`), rects);
  assert.ok((await page.evaluate(() => (window as unknown as { __cls: number }).__cls)) <= 0.02);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('a route change before Docsify is ready drops the copy at once', async () => {
  const { page, release } = await openHeld('#/chapters/01-bingchang');
  await page.evaluate(() => (location.hash = '#/chapters/03-shaosheng-yuanfu'));
  await page.waitForSelector('.prerender', { state: 'detached' });
  await release();
  await waitForRender(page, 'chapters/03-shaosheng-yuanfu');
  await page.close();
});

test('on a phone the copy keeps Docsify’s closed sidebar: same places after the takeover, and the page is not zoomed out', async () => {
  const context = await t.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page, release } = await openHeld('#/chapters/04-huizong', undefined, context);
  const rects = await page.evaluate(`(${RECTS})(document.querySelector('.prerender article'))`);
  await release();
  await waitForRender(page, 'chapters/04-huizong');
  assert.deepEqual(await page.evaluate(`(${RECTS})(document.querySelector('.markdown-section'))`), rects);
  assert.equal(await page.evaluate(() => window.visualViewport?.scale), 1, 'not zoomed out');
  assert.ok((await page.evaluate(() => (window as unknown as { __cls: number }).__cls)) <= 0.02);
  await context.close();
});

test('the prerendered page is asked for once: by the early script for a route or a Gregorian year, by the first module for an era year', async () => {
  for (const [hash, file, early] of [
    ['#/chapters/04-huizong', 'prerender/chapters/04-huizong.html', true],
    ['?script=t#/chapters/02-yuanyou', 't/prerender/chapters/02-yuanyou.html', true],
    ['#/year/1101', 'prerender/chapters/04-huizong.html', true],
    [`#/year/${encodeURIComponent('建中靖国元年')}`, 'prerender/chapters/04-huizong.html', false],
  ] as const) {
    for (const withModule of [true, false]) {
      const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/prerender/')) asked.push(r.url().slice(t.site.url.length));
      });
      if (withModule) {
        await page.goto(`${t.site.url}${hash}`);
        await waitForRender(page);
        assert.deepEqual(asked, [file], `${hash}: one request`);
      } else {
        // Without the first module, what is asked for is the early script's alone.
        await page.route('**/assets/main.js', (r) => r.abort());
        // The load event waits for the async early script to have run.
        await page.goto(`${t.site.url}${hash}`);
        const slot = await page.evaluate(async () => {
          const s = (window as unknown as Record<string, { url: string; page: Promise<string | null> } | undefined>)['__readerEarlyPrerender'];
          return s ? { url: s.url, text: ((await s.page) ?? '').length } : null;
        });
        if (early) {
          assert.deepEqual(asked, [file], `${hash}: asked for by the early script`);
          assert.ok(slot && slot.url === file && slot.text > 100, `${hash}: the early answer waits for the paint`);
        } else {
          assert.deepEqual(asked, [], `${hash}: an era year's chapter is the module's to find`);
          assert.equal(slot, null);
        }
      }
      await context.close();
    }
  }
});
