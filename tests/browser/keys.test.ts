/**
 * The keyboard's way through a chapter (one tab stop a paragraph, arrows inside it, a skip link to the chapter
 * links, a term's note as a non-modal dialog), in every reading mode; axe-core, light and dark. Controls are found
 * by role and name, as a reader's assistive technology finds them. (The phone: phone.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const t = useSite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };

/** Opens a chapter and waits until every feature has run on it, the glossary's data included. */
async function open(w: Watched, route: string): Promise<void> {
  await w.page.goto(`${t.site.url}#/${route}`);
  await waitForRender(w.page, route);
  // tsx names the functions a test hands the page with a helper the page does not have.
  await w.page.evaluate('globalThis.__name = (f) => f');
}

function clean(w: Watched): void {
  assert.deepEqual(w.consoleErrors, [], 'no console error');
  assert.deepEqual(w.failedRequests, [], 'no failed request');
}

/** The focused element, told by what a reader hears: role-ish tag, class and text. */
async function focused(page: Page): Promise<{ tag: string; cls: string; text: string; inText: boolean; inDialog: boolean; rel: string }> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      tag: a?.tagName ?? '',
      cls: a?.className ?? '',
      text: a?.textContent ?? '',
      inText: !!a?.closest('.markdown-section > p'),
      inDialog: !!a?.closest('[role="dialog"]'),
      // The chapter links' rel (the year navigator's step links have rel prev and next too).
      rel: a instanceof HTMLAnchorElement && a.closest('.chapter-nav') ? a.rel : '',
    };
  });
}

/** Per paragraph, how many of its elements are in the Tab order, and how many can take focus at all. */
async function stops(page: Page): Promise<{ tabbable: number; items: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.markdown-section > p')].map((p) => {
      const items = [...p.querySelectorAll<HTMLElement>('[data-tip], button, a[href], [tabindex]')];
      return { tabbable: items.filter((e) => e.tabIndex >= 0).length, items: items.length };
    }),
  );
}

const SKIP = '跳到本章末：上一章、下一章';

/**
 * Tab from the chapter's first stop (its skip link) until the next-chapter link has focus: the number of presses,
 * and the paragraphs (by index) that took focus on the way, once for each landing. The page records each landing
 * itself, so the presses go ten at a time rather than each with a round trip to ask where focus is.
 */
async function tabsToNextChapter(page: Page): Promise<{ n: number; landings: number[] }> {
  type Landing = { p: number; next: boolean };
  await page.getByRole('link', { name: SKIP }).focus();
  await page.evaluate(() => {
    const w = window as unknown as { __tabs?: Landing[] };
    if (!w.__tabs) {
      document.addEventListener('focusin', (e) => {
        const a = e.target as Element;
        const p = a.closest('.markdown-section > p');
        w.__tabs!.push({
          p: p ? [...document.querySelectorAll('.markdown-section > p')].indexOf(p) : -1,
          next: a instanceof HTMLAnchorElement && !!a.closest('.chapter-nav') && a.rel === 'next',
        });
      });
    }
    w.__tabs = [];
  });
  for (let pressed = 0; pressed < 400; ) {
    for (const end = pressed + 10; pressed < end; pressed++) await page.keyboard.press('Tab');
    const tabs = await page.evaluate(() => (window as unknown as { __tabs: Landing[] }).__tabs);
    const n = tabs.findIndex((x) => x.next);
    if (n >= 0) return { n: n + 1, landings: tabs.slice(0, n).flatMap((x) => (x.p >= 0 ? [x.p] : [])) };
  }
  return { n: Infinity, landings: [] };
}

test('keyboard: one tab stop a paragraph in every reading mode, and the skip link lands on the chapter links', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  const { page } = w;
  await open(w, 'chapters/02-yuanyou');
  const modes = page.getByRole('group', { name: '阅读模式' });
  const paragraphs = (await stops(page)).length;
  for (const mode of ['全注', '简注', '白文']) {
    if ((await modes.getByRole('button', { name: mode }).getAttribute('aria-pressed')) !== 'true') {
      await modes.getByRole('button', { name: mode }).click();
      await waitForRender(page, 'chapters/02-yuanyou');
    }
    const per = await stops(page);
    for (const [i, s] of per.entries()) assert.ok(s.tabbable <= 1, `${mode}: paragraph ${i} has ${s.tabbable} tab stops`);
    if (mode !== '白文') assert.ok(per.some((s) => s.items > 1), `${mode}: there is something to step through`);
    else assert.ok(per.every((s) => s.items === 0), '白文: nothing in the text to stop on');
    const withItems = per.filter((s) => s.items > 0).length;
    // From the chapter's start, every paragraph with something to stop on takes focus exactly once on the way to
    // the next chapter: one stop a paragraph, not one a term.
    const { n, landings } = await tabsToNextChapter(page);
    assert.ok(Number.isFinite(n), `${mode}: Tab reaches the next-chapter link`);
    const expected = per.flatMap((s, i) => (s.items > 0 ? [i] : []));
    assert.deepEqual(landings, expected, `${mode}: ${n} Tab presses to the next chapter, ${landings.length} of them in the text`);
    assert.ok(withItems <= paragraphs);
  }
  await modes.getByRole('button', { name: '全注' }).click();
  await waitForRender(page, 'chapters/02-yuanyou');

  // The skip link: the first stop of the chapter, shown when focused; it moves focus past the text.
  const skip = page.getByRole('link', { name: SKIP });
  await skip.focus();
  const box = await skip.boundingBox();
  assert.ok(box && box.width > 40 && box.height > 10, 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  const f = await focused(page);
  assert.equal(f.rel, 'prev', 'focus is on the first chapter link');
  assert.match(f.text, /上一章/);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).rel, 'next');
  clean(w);
  await context.close();
});

test('keyboard: arrows step term to term inside a paragraph; Enter opens the note as a dialog that Tab enters; Esc returns', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  const { page } = w;
  await open(w, 'chapters/02-yuanyou');
  // The first paragraph's stop, reached by Tab from the skip link.
  await page.getByRole('link', { name: SKIP }).focus();
  // Past the title's own anchor link (Docsify's), the first paragraph.
  for (let i = 0; i < 3 && !(await focused(page)).inText; i++) await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.ok(first.inText, 'Tab goes from the skip link to the first paragraph');
  const firstId = await page.evaluate(() => document.activeElement!.id || document.activeElement!.getAttribute('data-tip'));
  // Focus on a term describes it: the bubble is a tooltip the term points to.
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement!.getAttribute('aria-describedby')), 'reader-tip');

  // → moves inside the paragraph, ← comes back, End goes to its last item, Home to its first.
  await page.keyboard.press('ArrowRight');
  const second = await focused(page);
  assert.ok(second.inText);
  const secondId = await page.evaluate(() => document.activeElement!.id || document.activeElement!.getAttribute('data-tip'));
  assert.notEqual(secondId, firstId, '→ moves to another item');
  assert.equal((await stops(page))[0]!.tabbable, 1, 'still one stop in the paragraph');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement!.id || document.activeElement!.getAttribute('data-tip')), firstId);
  await page.keyboard.press('ArrowRight');

  // Find an annotated term in the paragraph with a 又见 link (a person's name has several places).
  let term: string | null = null;
  for (let i = 0; i < 40 && !term; i++) {
    const id = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      return a.matches('.gl') ? a.id : null;
    });
    if (id && (await page.locator('#reader-tip .places a').count()) > 0) term = id;
    else await page.keyboard.press('ArrowRight');
  }
  assert.ok(term, 'a term with onward links is reached with →');
  // The note is named by its heading, the entry's term (the text may use another of its forms).
  const name = (await page.locator('#reader-tip .popover-head > span').first().textContent())!;

  // Enter: the same note, now a non-modal dialog named by its heading; focus stays on the term.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(name) });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement!.id), term);
  assert.equal(await page.locator('[aria-modal="true"], [inert]').count(), 0, 'nothing is made inert: not modal');
  // Tab moves into it: its first link.
  await page.keyboard.press('Tab');
  const inside = await focused(page);
  assert.ok(inside.inDialog && inside.tag === 'A', 'Tab moves to the first link in the note');
  // Esc closes it and gives focus back to the term, without opening it again.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement!.id), term);
  assert.equal(await page.getByRole('tooltip').count(), 0);

  // Enter again, then Tab through its links and on: focus leaves for the next paragraph, and the dialog closes.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  const links = await dialog.locator('a[href]').count();
  for (let i = 0; i <= links; i++) await page.keyboard.press('Tab');
  const after = await focused(page);
  assert.ok(!after.inDialog, 'Tab past the last link leaves the note');
  assert.equal(await page.getByRole('dialog').count(), 0, 'and the dialog has closed');
  assert.ok(after.inText, `Tab goes on to the next paragraph (${after.cls})`);

  // A 校 marker is a button: Enter opens its note as a dialog too, its link to the 校勘记 in the Tab order.
  const marker = page.getByRole('button', { name: /^校勘记/ }).first();
  await marker.focus();
  await page.keyboard.press('Enter');
  const noteDialog = page.getByRole('dialog', { name: /校勘记/ });
  await noteDialog.waitFor();
  assert.equal(await marker.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.match((await focused(page)).text, /^见校勘记/);
  await page.keyboard.press('Escape');
  await noteDialog.waitFor({ state: 'hidden' });
  assert.equal(await marker.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tn-marker')), true);
  clean(w);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): a term's note open as a dialog from the keyboard`, async () => {
    const desk = await t.browser.newContext({ ...DESKTOP, colorScheme });
    const d = await watchedPage(desk, t.origin);
    await open(d, 'chapters/02-yuanyou');
    await d.page.getByRole('link', { name: SKIP }).focus();
    for (let i = 0; i < 3 && !(await focused(d.page)).inText; i++) await d.page.keyboard.press('Tab');
    await d.page.keyboard.press('Enter');
    await d.page.getByRole('dialog').waitFor();
    assert.deepEqual(await axeViolations(d.page, t.origin), [], 'desktop, a term note as a dialog');
    await desk.close();
  });
}
