/**
 * Cite this passage (src/site/cite/): the 「引」 controls by role and name, with the keyboard and by touch; the
 * citation on the clipboard with the right entry, year, address and date; a selection quoted; the traditional page
 * citing in traditional characters; Chicago chosen in the sidebar; ¶ numbers shown on demand, remembered, each a
 * link; a citation's address landing on its passage; 白文 without any of it but still citing with the c key;
 * axe-core in each mode, light and dark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

// The tests read the clipboard: see useSite.
const t = useSite({ ownBrowser: true });
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const ROUTE = 'chapters/02-yuanyou';

async function context(options: BrowserContextOptions = DESKTOP): Promise<BrowserContext> {
  const ctx = await t.browser.newContext(options);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  return ctx;
}

async function open(ctx: BrowserContext, hash = `#/${ROUTE}`, query = ''): Promise<Watched> {
  const w = await watchedPage(ctx, t.origin);
  await w.page.goto(`${t.site.url}${query}${hash}`);
  await waitForRender(w.page);
  await w.page.waitForSelector('.cite-form', { state: 'attached' });
  return w;
}

/** The date the page reads today, as each form writes it. */
async function today(page: Page): Promise<{ iso: string; chicago: string }> {
  return page.evaluate(() => {
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return { iso, chicago: d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }) };
  });
}

/** Empties the clipboard, so a test reads what this step copied and not what an earlier one did. */
async function clearClipboard(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
}

async function clipboard(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.clipboard.readText().then((s) => s !== ''));
  return page.evaluate(() => navigator.clipboard.readText());
}

async function said(page: Page, text: string): Promise<void> {
  await page.waitForFunction((text) => document.querySelector('.cite-live')?.textContent === text, text);
}

function clean(w: Watched): void {
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
}

test('keyboard: an entry’s 「引」 is in its paragraph’s roving stop, and Enter copies the GB/T 7714 citation', async () => {
  const ctx = await context();
  const w = await open(ctx);
  const { iso } = await today(w.page);
  const button = w.page.getByRole('button', { name: '引用元祐三年条' });
  assert.equal(await button.count(), 1);
  assert.equal(await button.evaluate((b) => b.closest('p')?.id), 'p2');
  // Beside the copy link: the entry's next sibling, holding no text.
  assert.equal(await button.evaluate((b) => b.previousElementSibling?.id), 'y1088');
  assert.equal(await button.evaluate((b) => b.textContent), '');
  assert.equal(await button.getAttribute('tabindex'), '-1', 'one tab stop a paragraph: the button is reached with the arrows');
  // From the paragraph's stop, the arrows reach it.
  await w.page.locator('#p2 [tabindex="0"]').focus();
  for (let i = 0; i < 6 && !(await button.evaluate((b) => b === document.activeElement)); i++) await w.page.keyboard.press('ArrowRight');
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'the arrows reach 「引」');
  assert.equal(await w.page.locator('#p2 [tabindex="0"]').count(), 1, 'still one stop');
  await clearClipboard(w.page);
  await w.page.keyboard.press('Enter');
  const url = `${t.site.url}#/${ROUTE}?id=y1088`;
  const expected = `脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. 元祐三年（1088）条[${iso}]. ${url}.`;
  assert.equal(await clipboard(w.page), expected);
  await said(w.page, `已复制引文：${expected}`);
  clean(w);
  await ctx.close();
});

test('Chicago chosen in the sidebar is remembered; a paragraph’s own 「引」 names its entry and ¶', async () => {
  const ctx = await context();
  const w = await open(ctx);
  const { chicago } = await today(w.page);
  const forms = w.page.getByRole('group', { name: '引用格式' });
  assert.equal(await forms.getByRole('button', { name: 'GB/T 7714' }).getAttribute('aria-pressed'), 'true');
  await forms.getByRole('button', { name: 'Chicago' }).click();
  await w.page.reload();
  await waitForRender(w.page);
  assert.equal(await forms.getByRole('button', { name: 'Chicago' }).getAttribute('aria-pressed'), 'true');
  await clearClipboard(w.page);
  // ¶4 holds 元祐五年 (1090) and 六年 (1091): the paragraph is cited under the entry it opens with.
  await w.page.getByRole('button', { name: '引用此段（¶4）' }).click();
  assert.equal(
    await clipboard(w.page),
    `脱脱等. 《宋史》卷四百八十六《外国二·夏国下》, 元祐五年（1090）条，¶4. Accessed ${chicago}. ${t.site.url}#/${ROUTE}?id=p4.`,
  );
  // ¶0 opens before the chapter's first entry: it is still 元祐元年, chapter 1's entry.
  await clearClipboard(w.page);
  await w.page.getByRole('button', { name: '引用此段（¶0）' }).click();
  assert.match(await clipboard(w.page), /, 元祐元年（1086）条，¶0\. Accessed /);
  await w.page.evaluate(() => localStorage.clear());
  clean(w);
  await ctx.close();
});

test('a selection in the paragraph is quoted first, cited where it begins', async () => {
  const ctx = await context();
  const w = await open(ctx);
  const { iso } = await today(w.page);
  // Select the second sentence of ¶4, after 六年 (1091) began: the quotation's entry is 1091's.
  // A string, not a function: the bundler's helpers for named inner functions do not exist in the page.
  const quote = await w.page.evaluate<string>(`(() => {
    const p = document.getElementById('p4');
    const text = p.textContent;
    const start = text.indexOf('六年') + 2;
    const end = text.indexOf('。', start) + 1;
    const at = (offset) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (offset <= seen + n.data.length) return [n, offset - seen];
        seen += n.data.length;
      }
      throw new Error('outside');
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(end));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  })()`);
  assert.ok(quote.length > 4, quote);
  await clearClipboard(w.page);
  await w.page.getByRole('button', { name: '引用此段（¶4）' }).click();
  assert.equal(
    await clipboard(w.page),
    `「${quote}」脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. 元祐六年（1091）条，¶4[${iso}]. ${t.site.url}#/${ROUTE}?id=p4.`,
  );
  // The c key cites the same selection.
  await clearClipboard(w.page);
  await w.page.keyboard.press('c');
  assert.match(await clipboard(w.page), new RegExp(`^「${quote}」脱脱`));
  clean(w);
  await ctx.close();
});

test('touch: a tap on 「引」 copies on a phone; the sidebar’s button cites the selection and the paragraph on screen', async () => {
  const ctx = await context(PHONE);
  const w = await open(ctx, `#/${ROUTE}?id=y1090`);
  await clearClipboard(w.page);
  const entry = w.page.getByRole('button', { name: '引用元祐五年条' });
  const box = await entry.evaluate((b) => {
    const hit = getComputedStyle(b, '::before');
    return { w: parseFloat(hit.width), h: parseFloat(hit.height) };
  });
  assert.ok(box.w >= 24 && box.h >= 24, `a 24×24 target: ${JSON.stringify(box)}`);
  await entry.tap();
  assert.match(await clipboard(w.page), /元祐五年（1090）条\[[\d-]+\]\. .*#\/chapters\/02-yuanyou\?id=y1090\.$/);
  await said(w.page, `已复制引文：${await clipboard(w.page)}`);
  // The sidebar's button: the paragraph at the top of the screen (the link scrolled 1090's entry into view).
  await clearClipboard(w.page);
  await w.page.locator('.sidebar-toggle').tap();
  const current = w.page.getByRole('button', { name: '引用所选或当前段' });
  await current.waitFor({ state: 'visible' });
  await current.tap();
  assert.match(await clipboard(w.page), /条，¶\d\[[\d-]+\]\. .*\?id=p\d\.$/);
  clean(w);
  await ctx.close();
});

test('traditional: the controls, the live region and the citation in traditional characters, the address keeping script=t', async () => {
  const ctx = await context();
  const w = await open(ctx, `#/${ROUTE}`, '?script=t');
  const { iso } = await today(w.page);
  assert.equal(await w.page.getByRole('group', { name: '引用格式' }).count(), 1);
  assert.equal(await w.page.getByRole('group', { name: '段落編號' }).getByRole('button', { name: '顯示段號' }).count(), 1);
  assert.equal(await w.page.getByRole('button', { name: '引用所選或當前段' }).count(), 1);
  assert.equal(await w.page.getByRole('button', { name: '引用此段（¶2）' }).count(), 1);
  await clearClipboard(w.page);
  await w.page.getByRole('button', { name: '引用元祐三年條' }).click();
  const expected = `脫脫，等. 宋史：卷四百八十六 外國二·夏國下[M/OL]. 元祐三年（1088）條[${iso}]. ${t.site.url}?script=t#/${ROUTE}?id=y1088.`;
  assert.equal(await clipboard(w.page), expected);
  await said(w.page, `已複製引文：${expected}`);
  // Every word the feature wrote into the page is traditional: no simplified form of its words is left.
  const names = await w.page.evaluate(() =>
    [...document.querySelectorAll('.cite-btn, .cite-pn, .cite-form, .cite-numbers, .cite-action, .cite-action button, .cite-numbers button')]
      .map((e) => `${e.getAttribute('aria-label') ?? ''}${e.getAttribute('title') ?? ''}${e.textContent ?? ''}`)
      .join(''),
  );
  assert.doesNotMatch(names, /[条编号显选当复制]/);
  // The copied address lands on the same passage, in the same script.
  await w.page.evaluate(() => localStorage.clear());
  const fresh = await open(ctx, '', '');
  await fresh.page.goto(`${t.site.url}?script=t#/${ROUTE}?id=y1088`);
  await waitForRender(fresh.page, ROUTE);
  await fresh.page.waitForSelector('#y1088.is-target');
  assert.equal(await fresh.page.locator('html').getAttribute('lang'), 'zh-Hant');
  clean(w);
  clean(fresh);
  await ctx.close();
});

test('¶ numbers: shown from the settings, remembered across a reload, each a link to its paragraph; its address lands there', async () => {
  const ctx = await context();
  const w = await open(ctx, '#/chapters/04-huizong');
  assert.equal(await w.page.locator('.cite-pn').count(), 0, 'off by default');
  const numbers = w.page.getByRole('group', { name: '段落编号' });
  await numbers.getByRole('button', { name: '显示段号' }).focus();
  await w.page.keyboard.press('Enter');
  assert.equal(await numbers.getByRole('button', { name: '显示段号' }).getAttribute('aria-pressed'), 'true');
  const count = await w.page.locator('.markdown-section > p').count();
  assert.equal(await w.page.locator('.markdown-section > p > .cite-pn').count(), count);
  // The numbers are the anchors' (ARCHITECTURE.md: numbered from 0), in the margin, outside the text.
  const five = w.page.getByRole('link', { name: '第5段（¶5）' });
  assert.equal(await five.getAttribute('href'), '#/chapters/04-huizong?id=p5');
  assert.equal(await five.getAttribute('data-n'), '5');
  assert.equal(await five.evaluate((a) => getComputedStyle(a, '::after').content), '"¶5"');
  const place = await five.evaluate((a) => ({ a: a.getBoundingClientRect().right, p: a.parentElement!.getBoundingClientRect().left }));
  assert.ok(place.a <= place.p, `in the margin: ${JSON.stringify(place)}`);
  assert.equal(await w.page.locator('#p5').evaluate((p) => p.textContent?.startsWith('　　')), true, 'the text is untouched');
  // Still one tab stop a paragraph.
  assert.deepEqual(
    await w.page.$$eval('.markdown-section > p', (ps) => ps.filter((p) => p.querySelectorAll('[tabindex="0"]').length !== 1).map((p) => p.id)),
    [],
  );
  await w.page.reload();
  await waitForRender(w.page);
  assert.equal(await w.page.locator('.markdown-section > p > .cite-pn').count(), count, 'remembered');
  await five.click();
  await w.page.waitForSelector('#p5.is-target');
  assert.equal(await w.page.evaluate(() => location.hash), '#/chapters/04-huizong?id=p5');
  // A citation's address pasted into a new tab lands on its paragraph.
  const pasted = await open(ctx, '#/chapters/04-huizong?id=p6');
  await pasted.page.waitForSelector('#p6.is-target');
  const r = await pasted.page.locator('#p6').boundingBox();
  assert.ok(r && r.y < 900 && r.y + r.height > 0, `the paragraph is on screen: ${JSON.stringify(r)}`);
  await numbers.getByRole('button', { name: '不显示' }).click();
  assert.equal(await w.page.locator('.cite-pn').count(), 0);
  assert.deepEqual(
    await w.page.$$eval('.markdown-section > p', (ps) => ps.filter((p) => p.querySelectorAll('[tabindex="0"]').length !== 1).map((p) => p.id)),
    [],
  );
  await w.page.evaluate(() => localStorage.clear());
  clean(w);
  clean(pasted);
  await ctx.close();
});

test('白文: no 「引」 and no ¶ in the DOM, even with numbers on; the c key cites the paragraph with focus or on screen', async () => {
  const ctx = await context();
  await ctx.addInitScript({
    content: `localStorage.setItem('song-shi-xia-guo-zhuan:mode', 'plain'); localStorage.setItem('song-shi-xia-guo-zhuan:paragraph-numbers', 'on');`,
  });
  const w = await open(ctx, `#/${ROUTE}?id=y1092`);
  assert.equal(await w.page.locator('.markdown-section :is(.cite-btn, .cite-pn, [data-decoration])').count(), 0);
  await clearClipboard(w.page);
  await w.page.keyboard.press('c');
  const text = await clipboard(w.page);
  assert.match(text, /条，¶\d\[[\d-]+\]\. .*#\/chapters\/02-yuanyou\?id=p\d\.$/);
  clean(w);
  await ctx.close();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const mode of ['full', 'light', 'plain'] as const) {
    test(`axe-core: ${mode}, ${scheme}, ¶ numbers shown`, async () => {
      const ctx = await context({ ...DESKTOP, colorScheme: scheme });
      await ctx.addInitScript({
        content: `localStorage.setItem('song-shi-xia-guo-zhuan:mode', '${mode}'); localStorage.setItem('song-shi-xia-guo-zhuan:paragraph-numbers', 'on');`,
      });
      const w = await open(ctx);
      if (mode !== 'plain') await w.page.waitForSelector('.markdown-section .cite-entry');
      assert.deepEqual(await axeViolations(w.page, t.origin), []);
      await ctx.close();
    });
  }
}
