/**
 * Bad ways in: addresses Docsify cannot take, ids that are not anchors, invisible characters in a year link.
 * Each opens a whole page (the features ran: data-ready) with a message in Chinese saying what was read; no page
 * error, no dialog, no request to another origin — on a fresh load and on a hash change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

const CORPUS: [hash: string, message: RegExp][] = [
  ["#/year/a'b", /「'」不能用于本书的地址/],
  ["#/chapters/02-yuanyou'", /「'」不能用于本书的地址/],
  ['#/chapters/02-yuanyou?id=1abc', /「1abc」不是本书的锚点/],
  ['#/chapters/02-yuanyou?id=a%3Cb', /「a<b」不是本书的锚点/],
  ['#/chapters/02-yuanyou?id=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /不是本书的锚点/],
  ['#/year/10%0088', /「U\+0000」.*按「1088」打开/],
  ['#/year/%E2%80%AE8801', /「U\+202E」/],
  ['#/chapters/%E5%', /编码有误/],
];

for (const mode of ['fresh load', 'hash change'] as const) {
  test(`bad addresses (${mode}): a whole page with a message, no error, no dialog, nothing off-host`, async () => {
    const w = await watchedPage(t.context, t.origin);
    const dialogs: string[] = [];
    w.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    if (mode === 'hash change') {
      await w.page.goto(`${t.site.url}#/chapters/01-bingchang`);
      await waitForRender(w.page);
    }
    for (const [hash, message] of CORPUS) {
      if (mode === 'fresh load') {
        // A new document each time: a goto that changes only the hash would be a hash change.
        await w.page.goto('about:blank');
        await w.page.goto(`${t.site.url}${hash}`);
      } else {
        await w.page.evaluate((h) => (location.hash = h), hash);
      }
      await w.page.locator('.address-notice', { hasText: message }).waitFor();
      await waitForRender(w.page);
      const text = await w.page.locator('.address-notice').innerText();
      assert.match(text, message, hash);
      assert.equal(await w.page.locator('.address-notice').count(), 1, `${hash}: one message`);
      assert.equal(await w.page.locator('.markdown-section img').count(), 0, `${hash}: nothing from the address became HTML`);
      // A direction override from the address never reaches the page: the site's own words read as written.
      const seen = await w.page.evaluate(() => document.body.innerText + document.title + location.href);
      assert.doesNotMatch(seen, /[\u202A-\u202E\u2066-\u2069]/u, `${hash}: no direction control on the page`);
      if (mode === 'hash change') {
        // Leave for a plain page, so the next bad hash is a change again.
        await w.page.evaluate(() => (location.hash = '#/chapters/01-bingchang'));
        await waitForRender(w.page, 'chapters/01-bingchang');
      }
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(
      w.consoleErrors.filter((e) => !e.startsWith('Failed to load resource')),
      [],
      'no page error (a missing page is a 404, nothing else)',
    );
    assert.deepEqual(w.failedRequests.filter((r) => r.startsWith('off-host')), []);
    await w.page.close();
  });
}
