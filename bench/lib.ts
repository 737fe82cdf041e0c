/** Helpers the page benchmarks share: a throttled, cache-less Chromium page and a timing of "text visible". */
import type { Browser, Page } from 'playwright-core';

export const THROTTLE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 };

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A fresh context per load, so nothing is cached between runs; the network is throttled through CDP. */
export async function throttledPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  return { page, close: () => context.close() };
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
