/**
 * A chapter whose file cannot be fetched (offline before it was cached, a 404, a 431 for an address too long to ask
 * for): Docsify alone shows 「0 -」 and the features added an empty legend and chapter links. The page says in
 * Chinese what failed and which route it read, links home, and carries no decoration; the next route is whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const ROUTE = 'chapters/03-shaosheng-yuanfu';

async function failurePage(page: Page): Promise<{ h1: string; text: string; decorations: number; home: number; title: string }> {
  return page.evaluate(() => {
    const s = document.querySelector<HTMLElement>('.markdown-section')!;
    return {
      h1: s.querySelector('h1')?.textContent ?? '',
      text: s.innerText,
      decorations: s.querySelectorAll('[data-decoration], .gl, .y, .tn, .chapter-nav, .gl-legend, .print-notes').length,
      home: s.querySelectorAll('a[href="#/"]').length,
      title: document.title,
    };
  });
}

const CASES: [name: string, fail: 'abort' | number, route: string, expect: RegExp, title: RegExp][] = [
  ['offline', 'abort', ROUTE, /未能取得「chapters\/03-shaosheng-yuanfu」：网络连接中断/, /此页未能载入/],
  ['a 404', 404, ROUTE, /本书没有「chapters\/03-shaosheng-yuanfu」这一页（服务器答复 404）/, /此页不存在/],
  ['a 431', 431, ROUTE, /地址「chapters\/03-shaosheng-yuanfu」太长，服务器拒绝了这一请求（答复 431）/, /此页未能载入/],
  // The real thing: a 100 KB route, which the server refuses by itself.
  ['a 100 KB route', 0, `chapters/${'a'.repeat(100_000)}`, /地址「chapters\/a+…」太长|未能取得「chapters\/a+…」/, /此页未能载入/],
];

for (const mode of ['fresh load', 'hash change'] as const) {
  test(`a failed chapter fetch (${mode}) says what failed and adds nothing`, async () => {
    const w = await watchedPage(t.context, t.origin);
    for (const [name, fail, route, expect, title] of CASES) {
      await w.page.unrouteAll();
      if (fail !== 0) {
        await w.page.route(`**/${ROUTE}.md`, (r) => (fail === 'abort' ? r.abort('internetdisconnected') : r.fulfill({ status: fail, body: '' })));
      }
      if (mode === 'fresh load') {
        await w.page.goto('about:blank');
        await w.page.goto(`${t.site.url}#/${route}`);
      } else {
        await w.page.goto(`${t.site.url}#/chapters/02-yuanyou`);
        await waitForRender(w.page, 'chapters/02-yuanyou');
        await w.page.evaluate((h) => (location.hash = h), `#/${route}`);
      }
      await waitForRender(w.page, route);
      const page = await failurePage(w.page);
      assert.match(page.text, expect, name);
      assert.match(page.h1, title, name);
      assert.match(page.title, title, name);
      assert.equal(page.decorations, 0, `${name}: no decoration`);
      assert.equal(page.home, 1, `${name}: a link home`);
      assert.doesNotMatch(page.text, /^0 -|Request Header/m, name);
    }
    // The next route is whole again.
    await w.page.unrouteAll();
    await w.page.evaluate(() => (location.hash = '#/chapters/04-huizong'));
    await waitForRender(w.page, 'chapters/04-huizong');
    assert.ok((await w.page.locator('.markdown-section .y-entry').count()) > 0);
    const errors = w.consoleErrors.filter((e) => !e.startsWith('Failed to load resource'));
    assert.deepEqual(errors, [], 'nothing but the failed requests themselves');
    await w.page.close();
  });
}

test('in the traditional reader the message is in its script', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.route(`**/t/${ROUTE}.md`, (r) => r.abort('internetdisconnected'));
  await w.page.goto(`${t.site.url}?script=t#/${ROUTE}`);
  await waitForRender(w.page, ROUTE);
  const page = await failurePage(w.page);
  assert.match(page.h1, /此頁未能載入/);
  assert.match(page.text, /網絡連接中斷/);
  assert.equal(page.decorations, 0);
  await w.page.close();
});
