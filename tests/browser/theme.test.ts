/**
 * Type size and appearance: by role and name, keyboard and touch, remembered across a reload; the column's measure
 * on desktop; "system" follows the system as it changes; axe-core with the manual themes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const ROUTE = '#/chapters/02-yuanyou';

async function open(page: Page): Promise<void> {
  await page.goto(`${t.site.url}${ROUTE}`);
  await waitForRender(page);
  await page.waitForSelector('.theme-switch', { state: 'attached' });
}

/** Font size of the text and characters a line (the paragraph's width in em). */
async function type(page: Page): Promise<{ size: number; perLine: number }> {
  return page.evaluate(() => {
    const p = document.querySelector<HTMLElement>('.markdown-section > p')!;
    const size = parseFloat(getComputedStyle(p).fontSize);
    return { size, perLine: p.clientWidth / size };
  });
}

async function dark(page: Page): Promise<{ theme: string | null; media: string | null; bg: string }> {
  return page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    media: document.querySelector('link[href$="core-dark.min.css"]')!.getAttribute('media'),
    bg: getComputedStyle(document.documentElement).getPropertyValue('--color-bg').trim(),
  }));
}

test('type size: three steps by mouse, remembered across a reload; the measure stays 30–40 characters', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const sizes = w.page.getByRole('group', { name: '字号' });
  assert.equal(await sizes.getByRole('button', { name: '中字' }).getAttribute('aria-pressed'), 'true');
  const middle = await type(w.page);
  assert.ok(middle.perLine >= 30 && middle.perLine <= 40, `${middle.perLine} a line`);
  await sizes.getByRole('button', { name: '大字' }).click();
  const large = await type(w.page);
  assert.ok(large.size > middle.size, `${large.size} > ${middle.size}`);
  assert.ok(large.perLine >= 30 && large.perLine <= 40, `${large.perLine} a line`);
  await sizes.getByRole('button', { name: '小字' }).click();
  assert.ok((await type(w.page)).size < middle.size);
  await w.page.reload();
  await open(w.page);
  assert.equal(await sizes.getByRole('button', { name: '小字' }).getAttribute('aria-pressed'), 'true');
  assert.ok((await type(w.page)).size < middle.size);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('appearance by keyboard: 深色 on a light system, remembered; 跟随系统 follows the system as it changes', async () => {
  const context = await t.browser.newContext({ ...DESKTOP, colorScheme: 'light' });
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const light = await dark(w.page);
  assert.deepEqual([light.theme, light.media], ['light', 'not all']);
  await w.page.getByRole('group', { name: '外观' }).getByRole('button', { name: '深色' }).focus();
  await w.page.keyboard.press('Enter');
  const d = await dark(w.page);
  assert.deepEqual([d.theme, d.media], ['dark', 'all']);
  assert.notEqual(d.bg, light.bg);
  assert.equal(await w.page.getByRole('button', { name: '深色' }).getAttribute('aria-pressed'), 'true');
  await w.page.reload();
  await open(w.page);
  assert.equal((await dark(w.page)).theme, 'dark');
  await w.page.getByRole('button', { name: '跟随系统' }).focus();
  await w.page.keyboard.press(' ');
  assert.equal((await dark(w.page)).theme, 'light');
  await w.page.emulateMedia({ colorScheme: 'dark' });
  await w.page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
  await w.page.getByRole('button', { name: '浅色' }).focus();
  await w.page.keyboard.press('Enter');
  assert.deepEqual((await dark(w.page)).media, 'not all');
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('on a phone (390 px): at least 18 characters a line at the middle size, the prerendered copy the same; 大字 by touch', async () => {
  const context = await t.browser.newContext(PHONE);
  // The copy Docsify replaces, measured before Docsify runs (it never arrives on this page).
  const held = await context.newPage();
  await held.route('**/vendor/docsify/docsify.min.js', (r) => r.abort());
  await held.goto(`${t.site.url}${ROUTE}`);
  const copy = await held.locator('.prerender article > p').first().evaluate((p) => p.clientWidth / parseFloat(getComputedStyle(p).fontSize));
  await held.close();
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const middle = await type(w.page);
  assert.ok(middle.perLine >= 18 && middle.perLine < 30, `${middle.perLine} a line on a 390 px phone`);
  assert.equal(copy, middle.perLine, 'the prerendered copy has the live measure');
  await w.page.locator('.sidebar-toggle').tap();
  const large = w.page.getByRole('button', { name: '大字' });
  await large.waitFor({ state: 'visible' });
  await large.tap();
  assert.ok((await type(w.page)).size > middle.size);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

for (const [system, choice] of [['light', '深色'], ['dark', '浅色']] as const) {
  test(`axe-core: ${choice} chosen on a ${system} system`, async () => {
    const context = await t.browser.newContext({ ...DESKTOP, colorScheme: system });
    const w = await watchedPage(context, t.origin);
    await open(w.page);
    await w.page.getByRole('button', { name: choice }).click();
    await w.page.waitForSelector('.markdown-section .gl');
    assert.deepEqual(await axeViolations(w.page, t.origin), []);
    await context.close();
  });
}
