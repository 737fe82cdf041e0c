/**
 * The reader as a visitor meets it: the built t.site under a sub-path, served the way GitHub Pages would, in the
 * system Chromium.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import chapters from '../../src/generated/chapters.json' with { type: 'json' };
import { readChapters } from '../../scripts/lib/repo.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();

test('the t.site is served under a sub-path and Pages would hide _ files without .nojekyll', async () => {
  assert.match(t.site.url, /\/song-shi-xia-guo-zhuan\/$/);
  const res = await fetch(`${t.site.url}_sidebar.md`);
  assert.equal(res.status, 200, '.nojekyll is published, so _sidebar.md is served');
});

test('the home page is the readers’ (home.md), not the repository’s read-me, with no failed request or console error', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(t.site.url);
  await waitForRender(w.page);
  const text = await w.page.locator('.markdown-section').innerText();
  assert.match(text, /宋史/);
  assert.match(text, /1086/);
  assert.doesNotMatch(text, /npm test/);
  assert.match(await (await fetch(`${t.site.url}README.md`)).text(), /npm test/, 'README.md stays the read-me');
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await w.page.close();
});

for (const [i, { route, chapter }] of readChapters().entries()) {
  test(`chapter ${route}: its text is visible, with notes, chapter links, no failed request, no console error`, async () => {
    const w = await watchedPage(t.context, t.origin);
    await w.page.goto(`${t.site.url}#/${route}`);
    await waitForRender(w.page);
    assert.equal(await w.page.locator('.markdown-section h1').innerText(), chapter.title);
    const rendered = await w.page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(rendered, chapter.paragraphs.map((p) => p.text), 'every paragraph, exactly, in order');
    const last = chapter.paragraphs.at(-1)!.text;
    assert.ok(await w.page.getByText(last.slice(2, 12)).first().isVisible());
    const nav = w.page.locator('.chapter-nav a');
    const rels = await nav.evaluateAll((as) => as.map((a) => a.getAttribute('rel')));
    assert.deepEqual(rels, [...(i > 0 ? ['prev'] : []), ...(i < chapters.length - 1 ? ['next'] : [])]);
    assert.deepEqual(w.failedRequests, []);
    assert.deepEqual(w.consoleErrors, []);
    await w.page.close();
  });
}

test('a textual note opens from its marker and tells what the seed had', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/chapters/02-yuanyou`);
  await waitForRender(w.page);
  const marker = w.page.locator('.tn-marker').first();
  await marker.click();
  const tip = w.page.locator('#reader-tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /底本作 U\+E22B（私用区字符），今改「楙」/);
  assert.equal(await marker.getAttribute('aria-describedby'), 'reader-tip');
  await w.page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  await w.page.close();
});

test('no character of the page is a private-use or stray character; 𠼪 has a font that draws it', async () => {
  const w = await watchedPage(t.context, t.origin);
  for (const { route } of chapters) {
    await w.page.goto(`${t.site.url}#/${route}`);
    await waitForRender(w.page);
    const text = await w.page.locator('body').innerText();
    assert.doesNotMatch(text, /[\uE000-\uF8FF\u3069\u03C1]/u, route);
  }
  await w.page.goto(`${t.site.url}#/chapters/04-huizong`);
  await waitForRender(w.page);
  const drawn = await w.page.evaluate(async () => {
    await document.fonts.load('18px "Reader Ext"', '𠼪');
    return document.fonts.check('18px "Reader Ext"', '𠼪') && [...document.fonts].some((f) => f.family.includes('Reader Ext') && f.status === 'loaded');
  });
  assert.ok(drawn, 'the bundled glyph for U+20F2A loads');
  await w.page.close();
});

test('a route that does not exist shows the not-found page with a way back', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/chapters/no-such-chapter`);
  await waitForRender(w.page);
  assert.match(await w.page.locator('.markdown-section h1').innerText(), /此页不存在/);
  const back = w.page.locator('.markdown-section a', { hasText: '回到首页' });
  assert.equal(await back.count(), 1);
  await back.click();
  await w.page.waitForFunction(() => document.querySelector('.markdown-section h1')?.textContent?.includes('宋史'));
  // The missing file's own 404 is the only failure: the fault the page reports, nothing else.
  assert.deepEqual(w.failedRequests.map((r) => r.replace(t.origin, '')), ['/song-shi-xia-guo-zhuan/chapters/no-such-chapter.md 404']);
  await w.page.close();
});
