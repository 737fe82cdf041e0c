/**
 * Reading modes: 全注 / 简注 / 白文 by role and name, with the mouse, the keyboard (and the m key) and by touch;
 * remembered across a reload; 白文 leaves nothing in the DOM but the text; the filters of 全注; print follows the
 * mode; axe-core in each mode, light and dark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { readChapters } from '../../scripts/lib/repo.ts';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const ROUTE = 'chapters/04-huizong';
const chapter = readChapters().find((c) => c.route === ROUTE)!.chapter;

/** Opens the chapter and waits until every feature has run, the glossary's data included. */
async function open(page: Page, hash = `#/${ROUTE}`): Promise<void> {
  const glossary = page.waitForResponse((r) => r.url().endsWith('data/glossary.json'));
  await page.goto(`${t.site.url}${hash}`);
  await waitForRender(page);
  await glossary;
  await page.waitForSelector('.markdown-section .chapter-nav');
  await page.waitForSelector('.mode-switch', { state: 'attached' });
}

async function bare(page: Page): Promise<void> {
  // A mode change decorates the render again; it is complete when the page says so (data-ready).
  await waitForRender(page);
  const state = await page.evaluate(() => {
    const section = document.querySelector('.markdown-section')!;
    const ps = [...section.querySelectorAll(':scope > p')];
    return {
      texts: ps.map((p) => p.textContent),
      elements: ps.reduce((n, p) => n + p.querySelectorAll('*').length, 0),
      decorations: [...section.querySelectorAll('[data-decoration], .gl, .tn, .y, .gl-legend, .print-notes')].map((e) => e.outerHTML.slice(0, 80)),
      userSelect: getComputedStyle(ps[0]!).userSelect,
    };
  });
  assert.deepEqual(state.texts, chapter.paragraphs.map((p) => p.text), 'the text, exactly');
  assert.equal(state.elements, 0, 'no element inside any paragraph');
  assert.deepEqual(state.decorations, [], 'no decoration in the section');
  assert.notEqual(state.userSelect, 'none');
}

type Counts = { person: number; place: number; era: number; notes: number; entries: number; greg: number };

async function counts(page: Page): Promise<Counts> {
  await waitForRender(page);
  const selectors = { person: '.gl-person', place: '.gl-place', era: '.gl-era', notes: '.tn-marker', entries: '.y-entry', greg: '.y-greg' };
  return page.evaluate(
    (sel) => Object.fromEntries(Object.entries(sel).map(([k, s]) => [k, document.querySelectorAll(`.markdown-section ${s}`).length])),
    selectors,
  ) as Promise<Counts>;
}

async function pressed(page: Page, name: string): Promise<string | null> {
  return page.getByRole('group', { name: '阅读模式' }).getByRole('button', { name }).getAttribute('aria-pressed');
}

test('白文 by mouse leaves the bare text, is remembered across a reload, and 全注 brings everything back', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const full = await counts(w.page);
  assert.ok(full.person > 0 && full.notes > 0 && full.entries > 0, JSON.stringify(full));
  assert.equal(await pressed(w.page, '全注'), 'true');
  await w.page.getByRole('group', { name: '阅读模式' }).getByRole('button', { name: '白文' }).click();
  assert.equal(await pressed(w.page, '白文'), 'true');
  await bare(w.page);
  await w.page.reload();
  await open(w.page);
  assert.equal(await pressed(w.page, '白文'), 'true');
  await bare(w.page);
  // A link to an entry still brings it into view: its paragraph.
  await w.page.goto(`${t.site.url}#/${ROUTE}?id=y1119`);
  await w.page.waitForFunction(() => window.scrollY > 200);
  await bare(w.page);
  await w.page.getByRole('button', { name: '全注' }).click();
  assert.deepEqual(await counts(w.page), full);
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('the keyboard: Tab to a mode and Enter, and the m key steps 全注 → 简注 → 白文 → 全注', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const full = await counts(w.page);
  await w.page.keyboard.press('m');
  assert.equal(await pressed(w.page, '简注'), 'true');
  assert.equal(await w.page.locator('html').getAttribute('data-mode'), 'light');
  // 简注: years and 校 stay; terms stay, not underlined until focused.
  const light = await counts(w.page);
  assert.equal(light.entries, full.entries);
  assert.equal(light.notes, full.notes);
  assert.equal(light.person, full.person);
  const term = w.page.locator('.markdown-section .gl').first();
  assert.equal(await term.evaluate((e) => getComputedStyle(e).textDecorationLine), 'none');
  await term.focus();
  assert.match(await term.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/);
  await w.page.locator('.markdown-section h1').click();
  await w.page.keyboard.press('m');
  assert.equal(await pressed(w.page, '白文'), 'true');
  await bare(w.page);
  await w.page.keyboard.press('m');
  assert.equal(await pressed(w.page, '全注'), 'true');
  assert.deepEqual(await counts(w.page), full);
  // The buttons themselves, by Tab and Enter.
  const button = w.page.getByRole('button', { name: '白文' });
  await button.focus();
  await w.page.keyboard.press('Enter');
  await bare(w.page);
  await w.page.keyboard.press('Shift+Tab');
  await w.page.keyboard.press(' ');
  assert.equal(await pressed(w.page, '简注'), 'true');
  // Typing in the search box types.
  await w.page.getByRole('searchbox', { name: '搜索全文' }).focus();
  await w.page.keyboard.type('m');
  assert.equal(await pressed(w.page, '简注'), 'true');
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('the filters of 全注 take one kind out of the DOM each, and are remembered', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  const full = await counts(w.page);
  assert.ok(full.place > 0 && full.entries > 0, JSON.stringify(full));
  const filters = w.page.getByRole('group', { name: '全注显示' });
  assert.ok(await filters.isVisible());
  for (const name of ['人物', '地名', '官职', '名物', '年份', '校勘']) assert.equal(await filters.getByRole('button', { name }).getAttribute('aria-pressed'), 'true', name);
  await filters.getByRole('button', { name: '人物' }).click();
  assert.equal(await filters.getByRole('button', { name: '人物' }).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await counts(w.page), { ...full, person: 0 });
  await filters.getByRole('button', { name: '年份' }).click();
  await filters.getByRole('button', { name: '校勘' }).click();
  assert.deepEqual(await counts(w.page), { ...full, person: 0, era: 0, entries: 0, greg: 0, notes: 0 });
  await w.page.reload();
  await open(w.page);
  assert.deepEqual(await counts(w.page), { ...full, person: 0, era: 0, entries: 0, greg: 0, notes: 0 });
  // Only 全注 has filters.
  await w.page.getByRole('button', { name: '简注' }).click();
  assert.equal(await filters.isVisible(), false);
  assert.equal((await counts(w.page)).person, full.person);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('by touch on a phone: 白文 from the sidebar', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  await w.page.locator('.sidebar-toggle').tap();
  const plain = w.page.getByRole('button', { name: '白文' });
  await plain.waitFor({ state: 'visible' });
  await plain.tap();
  await bare(w.page);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('print follows the mode: 简注 prints 校 without the glossary, 白文 prints the text alone', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await open(w.page);
  // The printed notes are what print shows (90-print.css); the mode is chosen on screen, then printed.
  const printed = async () => {
    await waitForRender(w.page);
    await w.page.emulateMedia({ media: 'print' });
    const items = await w.page.locator('.print-notes li').evaluateAll((ls) => ls.filter((l) => getComputedStyle(l.parentElement!).display !== 'none').length);
    await w.page.emulateMedia({ media: 'screen' });
    return items;
  };
  const full = await printed();
  const tn = (await counts(w.page)).notes;
  assert.ok(full > tn, `${full} printed notes, ${tn} textual`);
  await w.page.getByRole('button', { name: '简注' }).click();
  assert.equal(await printed(), tn);
  await w.page.getByRole('button', { name: '白文' }).click();
  assert.equal(await printed(), 0);
  await bare(w.page);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}) in each mode`, async () => {
    const context = await t.browser.newContext({ ...DESKTOP, colorScheme });
    const w = await watchedPage(context, t.origin);
    await open(w.page);
    for (const name of ['全注', '简注', '白文']) {
      await w.page.getByRole('button', { name }).click();
      assert.deepEqual(await axeViolations(w.page, t.origin), [], name);
    }
    await context.close();
  });
}
