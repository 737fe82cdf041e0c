/**
 * A download that failed once is tried again: the glossary data and the features chunk each fail their first
 * request (the text still shows), and the next route change fetches them again and decorates the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

for (const [name, pattern, mark] of [
  ['the glossary data', '**/data/glossary.json', '.markdown-section .gl'],
  ['the features chunk', '**/assets/chunks/features-*.js*', '.markdown-section .y-entry'],
] as const) {
  test(`${name}, failing once, is fetched again on the next route change`, async () => {
    const w = await watchedPage(t.context, t.origin);
    let failed = 0;
    await w.page.route(pattern, (r) => {
      if (failed++ === 0) return r.abort('internetdisconnected');
      return r.continue();
    });
    await w.page.goto(`${t.site.url}#/chapters/02-yuanyou`);
    await waitForRender(w.page, 'chapters/02-yuanyou');
    assert.equal(failed, 1, 'the first request failed');
    assert.equal(await w.page.locator(mark).count(), 0, 'without it, the text alone');
    assert.ok((await w.page.locator('.markdown-section > p').count()) > 3);
    await w.page.evaluate(() => (location.hash = '#/chapters/03-shaosheng-yuanfu'));
    await waitForRender(w.page, 'chapters/03-shaosheng-yuanfu');
    assert.ok(failed >= 2, 'asked again');
    assert.ok((await w.page.locator(mark).count()) > 0, 'and the page is decorated');
    const errors = w.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));
    assert.deepEqual(errors, []);
    await w.page.close();
  });
}
