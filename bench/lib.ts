/** Helpers the page benchmarks share: a throttled, cache-less Chromium page and a timing of "text visible". */
import type { Browser, Page } from 'playwright-core';

export const THROTTLE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Throttles one page's network through CDP; with `cache`, the browser's HTTP cache stays on (a repeat visit). */
export async function throttle(page: Page, cache = false): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
}

/** A fresh context per load, so nothing is cached between runs; the network is throttled through CDP. */
export async function throttledPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await throttle(page);
  return { page, close: () => context.close() };
}

/**
 * The Cumulative Layout Shift of the page's life so far, as Chromium reports it (PerformanceObserver
 * 'layout-shift', shifts without recent input): install before the page loads, read with `readLayoutShift`.
 */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    })();`,
  });
}

export function readLayoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

/** Bytes transferred so far (the document and every resource, headers included), and those that had arrived by `t`. */
export function transferred(page: Page, t: number): Promise<{ total: number; before: number }> {
  return page.evaluate((t) => {
    const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    let total = 0;
    let before = 0;
    for (const e of all) {
      total += e.transferSize;
      if (e.responseEnd <= t) before += e.transferSize;
    }
    return { total, before };
  }, t);
}

/**
 * Milliseconds from navigation start until a paragraph containing `phrase` is in the document and a frame has
 * been painted after it: the same measure for any page, whoever builds its DOM.
 */
export async function timeToText(page: Page, url: string, phrase: string): Promise<number> {
  // A string, not a function: tsx compiles functions with helpers (__name) that do not exist in the page.
  await page.addInitScript({
    content: `(() => {
      const needle = ${JSON.stringify(phrase)};
      const obs = new MutationObserver(() => {
        for (const p of document.querySelectorAll('p')) {
          if (p.textContent && p.textContent.includes(needle)) {
            obs.disconnect();
            requestAnimationFrame(() => requestAnimationFrame(() => (window.__textVisible = performance.now())));
            return;
          }
        }
      });
      obs.observe(document, { childList: true, subtree: true, characterData: true });
    })();`,
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __textVisible?: number }).__textVisible, null, {
    timeout: 60000,
    polling: 50,
  });
  return page.evaluate(() => (window as unknown as { __textVisible: number }).__textVisible);
}
