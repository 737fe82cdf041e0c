/**
 * Glossary notes as a reader meets them: the one shared bubble opened by hover, keyboard and touch, closed by Esc
 * and by a tap elsewhere, placed inside the viewport and never over its term; onward links between a person's
 * places; where terms may and may not be annotated; the glossary page; printing; accessibility (axe-core).
 *
 * The expected text always comes from the built data (site/data/glossary.json), never from the page itself.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { KIND_ORDER, kindTitle, termAnchor, type GlossaryIndex } from '../../src/core/glossary-index.ts';
import { placeLabel } from '../../src/core/glossary-view.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { eraTable } from '../../scripts/lib/chronicle.ts';
import yearIndexJson from '../../src/generated/year-index.json' with { type: 'json' };
import type { GlossaryEntryData } from '../../src/core/glossary.ts';
import { sourcesLine } from '../../src/core/citation.ts';
import { readChapters } from '../../scripts/lib/repo.ts';
import notesData from '../../src/generated/notes.json' with { type: 'json' };
import { axeViolations } from './axe.ts';
import { SITE, useSite, waitForRender, watchedPage, type Watched } from './harness.ts';

const t = useSite();
let index: GlossaryIndex;
const yearName = (y: number): string => songYearName(eraTable(), y);

const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
};
/** popover.ts opens on hover after OPEN_DELAY (a close after its delay is waited on as data-closing). */
const OPEN_DELAY = 250;

before(() => {
  index = JSON.parse(readFileSync(join(SITE, 'data/glossary.json'), 'utf8')) as GlossaryIndex;
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers. Functions handed to the page are anonymous and declare no named functions: tsx (esbuild keepNames)
// would wrap named ones in a `__name` helper that does not exist in the page.

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface TipState {
  /** Every element that points aria-describedby somewhere: its id and what it points to. */
  described: { id: string; ref: string }[];
  /** The element the (single) aria-describedby points to: its role and whether it is shown. */
  refRole: string | null;
  /** How many role="tooltip" elements are displayed. */
  shown: number;
  head: string | null;
  gloss: string | null;
  note: string | null;
  modern: string | null;
  source: string | null;
  places: { text: string; href: string }[];
}

async function tipState(page: Page): Promise<TipState> {
  return page.evaluate(() => {
    const described = [...document.querySelectorAll('[aria-describedby]')].map((e) => ({
      id: e.id,
      ref: e.getAttribute('aria-describedby') ?? '',
    }));
    const tip = described.length === 1 ? document.getElementById(described[0]!.ref) : null;
    const [head, gloss, note, modern, source] = ['.popover-head > span:first-child', '.gloss', '.note', '.modern', '.source'].map(
      (sel) => tip?.querySelector(sel)?.textContent ?? null,
    );
    return {
      described,
      refRole: tip?.getAttribute('role') ?? null,
      shown: [...document.querySelectorAll('[role="tooltip"]')].filter((t) => t.checkVisibility()).length,
      head: head ?? null,
      gloss: gloss ?? null,
      note: note ?? null,
      modern: modern ?? null,
      source: source ?? null,
      places: [...(tip?.querySelectorAll<HTMLAnchorElement>('.places a') ?? [])].map((a) => ({
        text: a.textContent ?? '',
        href: a.getAttribute('href') ?? '',
      })),
    };
  });
}

/** Waits until the trigger with this id is described by a displayed tooltip. */
async function waitOpen(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const ref = document.getElementById(id)?.getAttribute('aria-describedby');
      const tip = ref ? document.getElementById(ref) : null;
      return !!tip && tip.getAttribute('role') === 'tooltip' && tip.checkVisibility();
    },
    id,
    { timeout: 5000 },
  );
}

async function waitClosed(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-describedby]').length === 0 && [...document.querySelectorAll('[role="tooltip"]')].every((t) => !t.checkVisibility()),
    null,
    { timeout: 5000 },
  );
}

/** The glossary entry a trigger opens, read from its data-tip. */
async function entryOf(page: Page, id: string): Promise<{ i: number; entry: GlossaryEntryData; text: string }> {
  const [tip, text] = await page.$eval(`#${id}`, (e) => [e.getAttribute('data-tip') ?? '', e.textContent ?? '']);
  const m = /^term:(\d+)$/.exec(tip);
  assert.ok(m, `#${id} has data-tip="term:<n>" (got ${tip})`);
  const i = Number(m[1]);
  const entry = index.entries[i];
  assert.ok(entry, `entry ${i} exists`);
  return { i, entry, text };
}

/** One note is open, for this trigger, with this entry's text; aria-describedby points to the tooltip. */
async function assertOpenFor(page: Page, id: string): Promise<TipState> {
  await waitOpen(page, id);
  const { entry, text } = await entryOf(page, id);
  const forms = [entry.term, ...(entry.aliases ?? []), ...(entry.short ?? [])];
  assert.ok(forms.includes(text), `#${id} reads 「${text}」, a form of ${entry.term}`);
  const s = await tipState(page);
  assert.deepEqual(s.described, [{ id, ref: s.described[0]?.ref ?? '' }], 'only this trigger is described');
  assert.equal(s.refRole, 'tooltip', 'aria-describedby points to the role="tooltip" element');
  assert.equal(s.shown, 1, 'one note is shown');
  assert.equal(s.head, entry.term);
  assert.equal(s.gloss, entry.gloss);
  assert.equal(s.note, entry.note ?? null);
  assert.equal(s.source, `据：${sourcesLine(entry.sources)}`);
  return s;
}

async function openChapter(context: BrowserContext, route: string, id?: string): Promise<Watched> {
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}#/${route}${id ? `?id=${id}` : ''}`);
  await waitForRender(w.page);
  // The glossary data arrives after the first render; its terms are then wrapped.
  await w.page.waitForSelector('.markdown-section > p .gl[data-tip]', { timeout: 10000 });
  return w;
}

async function assertClean(w: Watched): Promise<void> {
  assert.deepEqual(w.failedRequests, [], 'no failed request');
  assert.deepEqual(w.consoleErrors, [], 'no console error');
}

async function box(page: Page, selector: string): Promise<Box> {
  return page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** Waits until the bubble has been placed and has not moved for a few frames (Floating UI places asynchronously). */
async function settledTip(page: Page): Promise<Box> {
  return page.evaluate(async () => {
    const tip = document.querySelector<HTMLElement>('[role="tooltip"]')!;
    let last = '';
    let same = 0;
    for (let frames = 0; frames < 600 && same < 3; frames++) {
      await new Promise((r) => requestAnimationFrame(r));
      const r = tip.getBoundingClientRect();
      const k = `${r.x},${r.y},${r.width},${r.height}`;
      same = k === last && tip.style.left !== '' ? same + 1 : 0;
      last = k;
    }
    const r = tip.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The bubble is fully inside the viewport (its layout size, without scrollbars) and does not cover its term. */
async function assertPlaced(page: Page, id: string, label: string): Promise<{ tip: Box; term: Box }> {
  const tip = await settledTip(page);
  const term = await box(page, `#${id}`);
  const vp = await page.evaluate(() => ({ w: document.documentElement.clientWidth, h: document.documentElement.clientHeight }));
  assert.ok(tip.width > 0 && tip.height > 0, `${label}: the bubble has a size`);
  assert.ok(tip.x >= 0 && tip.y >= 0, `${label}: bubble ${JSON.stringify(tip)} starts inside the viewport`);
  assert.ok(tip.x + tip.width <= vp.w + 0.5, `${label}: bubble right ${tip.x + tip.width} <= viewport ${vp.w}`);
  assert.ok(tip.y + tip.height <= vp.h + 0.5, `${label}: bubble bottom ${tip.y + tip.height} <= viewport ${vp.h}`);
  assert.ok(!intersects(tip, term), `${label}: bubble ${JSON.stringify(tip)} does not cover the term ${JSON.stringify(term)}`);
  return { tip, term };
}

/**
 * A point of the text that is nothing but text (the ideographic spaces that begin a paragraph), inside the
 * viewport and outside the bubble: where "a tap elsewhere" lands.
 */
async function quietPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const tip = document.querySelector('[role="tooltip"]');
    const t = tip?.checkVisibility() ? tip.getBoundingClientRect() : null;
    // The indentation first; else any character that stands in the paragraph itself, outside every mark (on a
    // phone the bubble and the bottom bar can cover every paragraph's start).
    const spots: [Text, number][] = [];
    for (const para of document.querySelectorAll('.markdown-section > p')) {
      const first = para.firstChild;
      if (first instanceof Text && first.data.startsWith('\u3000')) spots.push([first, 0]);
    }
    for (const para of document.querySelectorAll('.markdown-section > p')) {
      for (const n of para.childNodes) if (n instanceof Text) for (let i = 0; i < n.data.length; i += 3) spots.push([n, i]);
    }
    for (const [node, i] of spots) {
      const para = node.parentElement!;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (y < 10 || y > innerHeight - 10 || x < 0 || x > innerWidth) continue;
      if (t && x >= t.left && x <= t.right && y >= t.top && y <= t.bottom) continue;
      // A finger's tap is moved to a control within its touch area (Chromium's touch adjustment): a quiet spot has
      // none around it, not only none under it.
      const around = [
        [0, 0],
        [-14, 0],
        [14, 0],
        [0, -14],
        [0, 14],
        [-14, -14],
        [14, -14],
        [-14, 14],
        [14, 14],
      ];
      if (!around.every(([dx, dy]) => document.elementFromPoint(x + dx!, y + dy!) === para)) continue;
      return { x, y };
    }
    return null;
  });
  assert.ok(p, 'a plain spot of text is on screen');
  return p;
}

/** A term on screen, other than `except`, that nothing covers: what a finger or pointer can reach now. */
async function uncoveredTerm(page: Page, except: string): Promise<string> {
  const id = await page.evaluate((except) => {
    for (const e of document.querySelectorAll('.markdown-section > p .gl[data-tip]')) {
      if (e.id === except) continue;
      const r = e.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (r.height > 40 || y < 0 || y > innerHeight || x < 0 || x > innerWidth) continue;
      if (document.elementFromPoint(x, y)?.closest('.gl') === e) return e.id;
    }
    return null;
  }, except);
  assert.ok(id, 'another term is on screen and not under the note');
  return id;
}

/** The first of these terms that lies below the first screen (one on the first screen cannot be scrolled down). */
async function belowFirstScreen(page: Page, ids: string[]): Promise<string> {
  const id = await page.evaluate(
    (ids) =>
      ids.find((id) => {
        const r = document.getElementById(id)?.getBoundingClientRect();
        return !!r && r.top + scrollY > innerHeight && r.height < 40;
      }),
    ids,
  );
  assert.ok(id, 'a term below the first screen');
  return id;
}

/** Puts the element's box at `fromBottom` px above the bottom of the viewport (or, if negative, below the top). */
async function scrollTermTo(page: Page, id: string, where: 'bottom' | 'middle', margin = 24): Promise<void> {
  await page.evaluate(
    ([id, where, margin]) => {
      const r = document.getElementById(id as string)!.getBoundingClientRect();
      const to = where === 'bottom' ? innerHeight - (margin as number) - r.height : innerHeight / 2 - r.height / 2;
      window.scrollBy(0, r.top - to);
    },
    [id, where, margin] as const,
  );
  // Scrolling is synchronous, but wait for a frame so layout and listeners have seen it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
}

/** A chapter's annotated terms (id and entry), in reading order. */
function termsOf(route: string): { id: string; entry: GlossaryEntryData; i: number }[] {
  return (index.marks[route] ?? []).map(([e, p, s]) => ({ id: termAnchor(p, s), entry: index.entries[e]!, i: e }));
}

function noteLength(e: GlossaryEntryData): number {
  return e.gloss.length + (e.note?.length ?? 0) + sourcesLine(e.sources).length;
}

// ---------------------------------------------------------------------------------------------------------------
// Opening and closing

test('hover opens the right note after a short delay; leaving closes it; the bubble can be entered; one at a time', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await openChapter(context, 'chapters/02-yuanyou');
  const { page } = w;
  const a = await page.$eval('.markdown-section > p .gl[data-tip]', (e) => e.id);

  // Time the open from the page's own clock: the hover delay is a condition, not a guess.
  await page.evaluate(() => {
    const t: Record<string, number> = {};
    (window as unknown as { __times: Record<string, number> }).__times = t;
    document.addEventListener('mouseover', (e) => {
      if (e.target instanceof Element && e.target.closest('.gl')) t['over'] ??= performance.now();
    });
    new MutationObserver(() => {
      if (document.querySelector('[aria-describedby]')) t['open'] ??= performance.now();
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-describedby'] });
  });
  await page.locator(`#${a}`).hover();
  await assertOpenFor(page, a);
  const times = await page.evaluate(() => (window as unknown as { __times: Record<string, number> }).__times);
  assert.ok(times['over'] !== undefined && times['open'] !== undefined);
  assert.ok(times['open']! - times['over']! >= OPEN_DELAY - 20, `opened ${times['open']! - times['over']!} ms after the hover, not at once`);

  // The bubble can be entered (its links must be reachable with the mouse): it stays open.
  const tip = await settledTip(page);
  await page.mouse.move(tip.x + tip.width / 2, tip.y + Math.min(tip.height / 2, 20), { steps: 4 });
  // The close the term's mouseout scheduled is cancelled by entering the bubble (popover.ts shows it pending as
  // data-closing); with none pending, nothing closes the note.
  await page.waitForFunction(() => {
    const tip = document.getElementById('reader-tip');
    return !!tip && !tip.hidden && !tip.hasAttribute('data-closing');
  });
  await assertOpenFor(page, a);

  // A second term (one the bubble does not cover), straight from the bubble: its note replaces the first.
  const b = await uncoveredTerm(page, a);
  await page.locator(`#${b}`).hover();
  await assertOpenFor(page, b);
  assert.equal(await page.$eval(`#${a}`, (e) => e.hasAttribute('aria-describedby')), false);

  // Leaving the term for plain text closes the note and removes aria-describedby, even when the pointer passes
  // over another term on its way (it does not stay there long enough to open that one).
  const c = await uncoveredTerm(page, b);
  const cBox = await box(page, `#${c}`);
  const q = await quietPoint(page);
  await page.mouse.move(cBox.x + cBox.width / 2, cBox.y + cBox.height / 2);
  await page.mouse.move(q.x, q.y);
  await waitClosed(page);
  assert.equal((await tipState(page)).described.length, 0);

  // Esc closes a hovered note.
  await page.locator(`#${a}`).hover();
  await assertOpenFor(page, a);
  await page.keyboard.press('Escape');
  await waitClosed(page);
  await assertClean(w);
  await context.close();
});

test('keyboard: Tab to a paragraph, → to a term opens its note; → to the next switches; Esc closes, focus stays', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await openChapter(context, 'chapters/04-huizong');
  const { page } = w;
  // Start the focus order at the text: a click on the first paragraph's indentation (plain text, no trigger).
  const q = await quietPoint(page);
  await page.mouse.click(q.x, q.y);
  await waitClosed(page);

  const focusedTerm = async () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return a instanceof HTMLElement && a.matches('.gl[data-tip]') ? a.id : null;
    });
  const inText = async () => page.evaluate(() => !!document.activeElement?.closest('.markdown-section > p'));
  // One tab stop a paragraph (keys.test.ts): Tab reaches the paragraph, → steps from item to item in it.
  for (let i = 0; i < 10 && !(await inText()); i++) await page.keyboard.press('Tab');
  assert.ok(await inText(), 'Tab reaches the text');
  let first: string | null = await focusedTerm();
  for (let i = 0; i < 30 && !first; i++) {
    await page.keyboard.press('ArrowRight');
    first = await focusedTerm();
  }
  assert.ok(first, '→ reaches an annotated term');
  await assertOpenFor(page, first);
  assert.ok(await page.$eval(`#${first}`, (e) => e.matches(':focus-visible')), 'the focused term shows a focus ring');

  let second: string | null = null;
  for (let i = 0; i < 10 && !second; i++) {
    await page.keyboard.press('ArrowRight');
    second = await focusedTerm();
  }
  assert.ok(second && second !== first, '→ reaches the next term');
  await assertOpenFor(page, second);

  await page.keyboard.press('Escape');
  await waitClosed(page);
  assert.equal(await focusedTerm(), second, 'Esc closes the note and leaves focus on the term');

  // Enter reopens it, as a dialog (keys.test.ts follows it in); ← back opens the first again, as a tooltip.
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  assert.equal(await page.getAttribute(`#${second}`, 'aria-describedby'), 'reader-tip');
  for (let i = 0; i < 10 && (await focusedTerm()) !== first; i++) await page.keyboard.press('ArrowLeft');
  await assertOpenFor(page, first);

  // A click elsewhere in the text closes it too.
  const elsewhere = await quietPoint(page);
  await page.mouse.click(elsewhere.x, elsewhere.y);
  await waitClosed(page);
  await assertClean(w);
  await context.close();
});

test('touch: a tap opens the right note, a tap on another term switches, a tap elsewhere closes, Esc closes', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await openChapter(context, 'chapters/03-shaosheng-yuanfu');
  const { page } = w;
  // A term low on the first screen: its note opens above it, leaving the terms below it (above the phone's bottom
  // bar) in reach.
  const a = await page.$$eval('.markdown-section > p .gl[data-tip]', (all) => {
    const low = all.find((e) => {
      const r = e.getBoundingClientRect();
      return r.top > innerHeight * 0.5 && r.bottom < innerHeight * 0.7 && r.height < 40;
    });
    return (low ?? all[0]!).id;
  });

  await page.locator(`#${a}`).tap();
  await assertOpenFor(page, a);
  await assertPlaced(page, a, 'phone, a term low on the screen');
  // Another term on screen that the open note does not cover (a finger cannot reach what is under the bubble).
  const b = await uncoveredTerm(page, a);

  await page.locator(`#${b}`).tap();
  await assertOpenFor(page, b);
  assert.equal(await page.$eval(`#${a}`, (e) => e.hasAttribute('aria-describedby')), false);

  const q = await quietPoint(page);
  await page.touchscreen.tap(q.x, q.y);
  await waitClosed(page);

  // A tap inside the bubble does not close it.
  await page.locator(`#${a}`).tap();
  await assertOpenFor(page, a);
  const tip = await settledTip(page);
  await page.touchscreen.tap(tip.x + 4, tip.y + 4);
  await assertOpenFor(page, a);

  // Esc closes it, and focus, which the tap put on the bubble, goes back to the term (without reopening it).
  await page.keyboard.press('Escape');
  await waitClosed(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), a);
  await assertClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Placement

test('a note near the right edge and one near the bottom stay inside the viewport and off their term', async () => {
  // 800 px wide: the text column reaches the right edge of the window.
  const context = await t.browser.newContext({ viewport: { width: 800, height: 600 } });
  const w = await openChapter(context, 'chapters/04-huizong');
  const { page } = w;
  const byLength = termsOf('chapters/04-huizong').sort((x, y) => noteLength(y.entry) - noteLength(x.entry));

  // Right edge: of the long notes, the term that ends furthest right.
  const rightmost = await page.evaluate(
    (ids) => {
      let best: { id: string; right: number } | null = null;
      for (const id of ids) {
        const r = document.getElementById(id)?.getBoundingClientRect();
        // One line only, so its box is the term itself.
        if (!r || r.height > 40) continue;
        if (!best || r.right > best.right) best = { id, right: r.right };
      }
      return best;
    },
    byLength.slice(0, 40).map((t) => t.id),
  );
  assert.ok(rightmost, 'a term to place');
  await scrollTermTo(page, rightmost.id, 'middle');
  const r = await box(page, `#${rightmost.id}`);
  const vw = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(r.x + r.width > vw - 80, `the term ends near the right edge (${r.x + r.width} of ${vw})`);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await assertOpenFor(page, rightmost.id);
  const right = await assertPlaced(page, rightmost.id, 'right edge');
  assert.ok(right.term.x + right.term.width / 2 + right.tip.width / 2 > vw, 'centred under its term the bubble would have crossed the edge: the case is real');
  await page.keyboard.press('Escape');
  await waitClosed(page);

  // Bottom: the term with the longest note, moved to the last line of the window.
  const low = await belowFirstScreen(
    page,
    byLength.map((t) => t.id),
  );
  await scrollTermTo(page, low, 'bottom');
  const l = await box(page, `#${low}`);
  assert.ok(l.y + l.height > 600 - 60, 'the term is at the bottom of the window');
  await page.mouse.move(l.x + Math.min(l.width / 2, 8), l.y + l.height / 2);
  await assertOpenFor(page, low);
  const bottom = await assertPlaced(page, low, 'bottom');
  assert.ok(bottom.tip.y + bottom.tip.height <= bottom.term.y, 'the bubble is above its term');
  await assertClean(w);
  await context.close();
});

test('phone (390×844): the longest note, near the bottom and mid-screen, fits the screen and leaves its term visible', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await openChapter(context, 'chapters/04-huizong');
  const { page } = w;
  const byLength = termsOf('chapters/04-huizong').sort((x, y) => noteLength(y.entry) - noteLength(x.entry));
  const longest = {
    id: await belowFirstScreen(
      page,
      byLength.map((t) => t.id),
    ),
  };

  await scrollTermTo(page, longest.id, 'bottom', 16);
  await page.locator(`#${longest.id}`).tap();
  await assertOpenFor(page, longest.id);
  await assertPlaced(page, longest.id, 'phone, bottom');

  // Then the same note opened from the middle of the screen, where neither side has room for all of it.
  await page.keyboard.press('Escape');
  await waitClosed(page);
  await scrollTermTo(page, longest.id, 'middle');
  await page.locator(`#${longest.id}`).tap();
  await assertOpenFor(page, longest.id);
  const { tip } = await assertPlaced(page, longest.id, 'phone, middle');
  // What does not fit scrolls inside the bubble instead of leaving the screen.
  const scrolls = await page.$eval('[role="tooltip"]', (t) => t.scrollHeight > t.clientHeight);
  if (scrolls) assert.ok(tip.height > 80, 'a bubble that scrolls still shows a useful part of the note');
  await assertClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// What a note says and where it leads

test("a person's note links to the person's other places; following one scrolls to and highlights it", async () => {
  const context = await t.browser.newContext(DESKTOP);
  const route = 'chapters/04-huizong';
  const liuFa = index.entries.findIndex((e) => e.term === '刘法');
  assert.ok(liuFa >= 0, '刘法 is in the glossary');
  const occ = index.occurrences[liuFa]!;
  const [r0, p0, s0] = occ[0]!;
  assert.equal(index.routes[r0], route);
  const w = await openChapter(context, route);
  const { page } = w;
  const first = termAnchor(p0, s0);

  await page.locator(`#${first}`).click();
  const s = await assertOpenFor(page, first);
  assert.equal(await page.locator('[role="tooltip"] .kind-label').innerText(), kindTitle('person'));
  const expected = occ
    .slice(1, 13)
    .map(([r, p, st, context, year]) => ({ text: `${placeLabel(r, year, yearName)}：${context}`, href: `#/${index.routes[r]}?id=${termAnchor(p, st)}` }));
  assert.deepEqual(s.places, expected, 'every other place, in order, as #/chapters/…?id=t… links');

  // Follow the last one (far down the same chapter).
  const target = expected.at(-1)!;
  const targetId = target.href.split('?id=')[1]!;
  await page.locator('[role="tooltip"] .places a', { hasText: target.text }).click();
  await page.waitForFunction((h) => decodeURIComponent(location.hash) === h, target.href);
  await page.waitForSelector(`#${targetId}.is-target`, { timeout: 5000 });
  await page.waitForFunction(
    (id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    },
    targetId,
    { timeout: 5000 },
  );
  assert.deepEqual(await page.$$eval('.is-target', (es) => es.map((e) => e.id)), [targetId], 'only the occurrence followed is highlighted');
  assert.equal((await entryOf(page, targetId)).i, liuFa, 'the highlighted term is 刘法 again');

  // And from there back to the first place: the highlight moves.
  await page.locator(`#${targetId}`).click();
  await waitOpen(page, targetId);
  const back = `#/${route}?id=${first}`;
  await page.locator(`[role="tooltip"] .places a[href="${back}"]`).click();
  await page.waitForSelector(`#${first}.is-target`, { timeout: 5000 });
  assert.deepEqual(await page.$$eval('.is-target', (es) => es.map((e) => e.id)), [first]);
  await assertClean(w);
  await context.close();
});

test('又见: each place says its chapter and year, and quotes whole clauses of the text', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const route = 'chapters/04-huizong';
  const liuFa = index.entries.findIndex((e) => e.term === '刘法');
  const [, p0, s0] = index.occurrences[liuFa]![0]!;
  const w = await openChapter(context, route);
  const { page } = w;
  await page.locator(`#${termAnchor(p0, s0)}`).click();
  await waitOpen(page, termAnchor(p0, s0));
  const places = await page.$$eval('[role="tooltip"] .places li a', (as) =>
    as.map((a) => ({
      where: a.querySelector('.place-where')?.textContent ?? '',
      text: a.querySelector('.place-text')?.textContent ?? '',
      href: a.getAttribute('href') ?? '',
    })),
  );
  assert.ok(places.length >= 5, `刘法 has several other places (${places.length})`);
  const chapters = readChapters();
  const numerals = '一二三四五六七八九';
  const clauseMark = /[，。；：！？、「」『』]/;
  for (const pl of places) {
    const m = /^#\/(.+)\?id=t(\d+)-(\d+)$/.exec(pl.href)!;
    const [r, p, st] = [m[1]!, Number(m[2]), Number(m[3])];
    const ci = chapters.findIndex((c) => c.route === r);
    // The year of the dated entry the place stands in: the last entry at or before it, from the year index.
    const entries = yearIndexJson.chapters.find((c) => c.chapter === r)!.entries.filter((e) => e.paragraph < p || (e.paragraph === p && e.offset <= st));
    const year = entries.at(-1)?.year;
    assert.equal(pl.where, `第${numerals[ci]}章${year ? ` · ${songYearName(eraTable(), year)}（${year}）` : ''}：`, pl.href);
    // The quotation is a stretch of the paragraph around the place that begins and ends at clause marks (or at the
    // paragraph's edges), marked … where a very long clause had to be shortened.
    const text = chapters[ci]!.chapter.paragraphs[p]!.text;
    const body = pl.text.replace(/^…/, '').replace(/…$/, '');
    const at = text.lastIndexOf(body, st);
    assert.ok(at >= 0 && at <= st && at + body.length > st, `${pl.href}: 「${pl.text}」 is the text around the place`);
    const before = text.slice(0, at).replace(/^[\s\u3000]+/, '');
    assert.ok(pl.text.startsWith('…') || before === '' || clauseMark.test(before.at(-1)!), `${pl.href}: 「${pl.text}」 starts a clause`);
    const end = at + body.length;
    assert.ok(pl.text.endsWith('…') || end === text.length || clauseMark.test(text[end - 1]!), `${pl.href}: 「${pl.text}」 ends a clause`);
  }
  await assertClean(w);
  await context.close();
});

test("a note's link to another chapter opens that chapter at the occurrence, highlighted", async () => {
  const context = await t.browser.newContext(DESKTOP);
  // A person found in more than one chapter.
  const i = index.entries.findIndex(
    (e, i) => e.kind === 'person' && new Set(index.occurrences[i]!.map(([r]) => r)).size > 1 && index.occurrences[i]!.length <= 13,
  );
  assert.ok(i >= 0, 'some person appears in two chapters');
  const occ = index.occurrences[i]!;
  const [r0, p0, s0] = occ[0]!;
  const elsewhere = occ.find(([r]) => r !== r0)!;
  const w = await openChapter(context, index.routes[r0]!);
  const { page } = w;
  const first = termAnchor(p0, s0);
  await page.locator(`#${first}`).click();
  await assertOpenFor(page, first);
  const href = `#/${index.routes[elsewhere[0]]}?id=${termAnchor(elsewhere[1], elsewhere[2])}`;
  await page.locator(`[role="tooltip"] .places a[href="${href}"]`).click();
  const id = termAnchor(elsewhere[1], elsewhere[2]);
  await page.waitForFunction((route) => document.querySelector<HTMLElement>('.markdown-section')?.dataset['route'] === route, index.routes[elsewhere[0]]);
  await page.waitForSelector(`#${id}.is-target`, { timeout: 5000 });
  await page.waitForFunction(
    (id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    },
    id,
    { timeout: 5000 },
  );
  assert.equal((await entryOf(page, id)).i, i);
  await assertClean(w);
  await context.close();
});

test("a place's note tells its modern location", async () => {
  const context = await t.browser.newContext(DESKTOP);
  const i = index.entries.findIndex((e) => e.term === '鄜延');
  const entry = index.entries[i]!;
  assert.ok(entry.modern, '鄜延 has a modern location in the data');
  const [r, p, s] = index.occurrences[i]![0]!;
  const w = await openChapter(context, index.routes[r]!);
  const id = termAnchor(p, s);
  await w.page.locator(`#${id}`).click();
  const st = await assertOpenFor(w.page, id);
  assert.equal(st.modern, `今地：${entry.modern}`);
  assert.equal(await w.page.locator('[role="tooltip"] .kind-label').innerText(), kindTitle('place'));
  await assertClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Where terms are annotated

// One load of each chapter answers both: a chapter's cold load is most of what these checks cost.
test('every chapter: each glossary mark is wrapped once, at its text, never inside a link, code, heading or another term; a textual note at the edge of a term stays whole, inside the term (its id once, its text in it)', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const chapters = new Map(readChapters().map((c) => [c.route, c.chapter]));
  const marks = (notesData as { marks: Record<string, { id: string }[]> }).marks;
  for (const route of index.routes) {
    const w = await openChapter(context, route);
    const found = await w.page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return {
        nested: [...document.querySelectorAll('.gl')]
          .filter((e) => e.parentElement?.closest('a, h1, h2, h3, h4, h5, h6, code, pre, .gl'))
          .map((e) => e.outerHTML.slice(0, 120)),
        terms: [...document.querySelectorAll<HTMLElement>('.markdown-section .gl[data-tip]')].map((e) => ({
          id: e.id,
          text: e.textContent ?? '',
          inParagraph: e.closest('.markdown-section > p') !== null,
        })),
        duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
        emptyNotes: [...document.querySelectorAll('.markdown-section .tn')].filter((e) => !e.textContent).map((e) => e.id),
        notes: document.querySelectorAll('.markdown-section .tn').length,
        // Precedence (ARCHITECTURE.md, "Marks"): the one-character note nests inside the term, never around it.
        termsInNotes: [...document.querySelectorAll('.markdown-section .tn .gl')].map((e) => e.id),
      };
    });
    assert.deepEqual(found.nested, [], `${route}: no annotation inside a link, code, heading or annotation`);
    const chapter = chapters.get(route)!;
    const expected = index.marks[route]!.map(([, p, s, e]) => ({ id: termAnchor(p, s), text: chapter.paragraphs[p]!.text.slice(s, e), inParagraph: true }));
    assert.deepEqual(found.terms, expected, `${route}: every mark, in order, on its own text`);
    assert.deepEqual(found.termsInNotes, [], `${route}: no term inside a textual note`);
    assert.deepEqual(found.duplicateIds, [], `${route}: every id once`);
    assert.deepEqual(found.emptyNotes, [], `${route}: no note without its character`);
    assert.equal(found.notes, (marks[route] ?? []).length, `${route}: one element a textual note`);
    await assertClean(w);
    await w.page.close();
  }
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// The glossary page

test('the glossary page lists every entry by kind, with occurrence links that lead to the term', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  const { page } = w;
  await page.goto(`${t.site.url}#/glossary`);
  await waitForRender(page);
  assert.equal(await page.locator('.markdown-section h1').innerText(), '注释索引');
  const listed = await page.evaluate(() =>
    [...document.querySelectorAll('.markdown-section h2')].map((h) => {
      const ul = h.nextElementSibling;
      return {
        kind: h.textContent ?? '',
        items: [...(ul?.matches('ul') ? ul.querySelectorAll(':scope > li') : [])].map((li) => ({
          term: li.querySelector('strong')?.textContent ?? '',
          links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
        })),
      };
    }),
  );
  assert.equal(await page.locator('.markdown-section li').count(), index.entries.length, 'one list item an entry');
  const expected = KIND_ORDER.flatMap((kind) => {
    const items = index.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.kind === kind)
      .map(({ e, i }) => ({ term: e.term, links: index.occurrences[i]!.map(([r, p, s]) => `#/${index.routes[r]}?id=${termAnchor(p, s)}`) }));
    return items.length ? [{ kind: kindTitle(kind), items }] : [];
  });
  assert.deepEqual(listed, expected, 'by kind, every entry, every occurrence as a #/chapters/…?id=t… link');

  // Follow a few links: the first person's first place, a place deep in a long chapter, the last entry's last place.
  const all = expected.flatMap((k) => k.items.flatMap((it) => it.links));
  const picks = [expected.find((k) => k.kind === kindTitle('person'))!.items[0]!.links[0]!, all[Math.floor(all.length / 2)]!, all.at(-1)!];
  for (const href of picks) {
    await page.goto(`${t.site.url}#/glossary`);
    await waitForRender(page);
    await page.waitForFunction(() => document.querySelector('.markdown-section h1')?.textContent === '注释索引');
    await page.locator(`.markdown-section a[href="${href}"]`).first().click();
    const id = href.split('?id=')[1]!;
    await page.waitForSelector(`#${id}.is-target`, { timeout: 10000 });
    await page.waitForFunction(
      (id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      },
      id,
      { timeout: 5000 },
    );
    assert.deepEqual(await page.$$eval('.is-target', (es) => es.map((e) => e.id)), [id], href);
  }
  await assertClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Print

test('print: no sidebar, numbered footnotes at the chapter end, a number on the first occurrence of each term; a PDF', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const route = 'chapters/04-huizong';
  const w = await openChapter(context, route);
  const { page } = w;
  // Open a note first: a bubble must not reach the paper.
  const firstTerm = await page.$eval('.markdown-section > p .gl[data-tip]', (e) => e.id);
  await page.locator(`#${firstTerm}`).click();
  await waitOpen(page, firstTerm);
  await page.emulateMedia({ media: 'print' });

  assert.equal(await page.locator('.sidebar').isVisible(), false, 'the sidebar is not printed');
  assert.equal(await page.locator('[role="tooltip"]').isVisible(), false, 'no bubble on paper');
  assert.equal(await page.locator('.chapter-nav').isVisible(), false);
  const list = page.locator('.markdown-section > ol.print-notes');
  assert.equal(await list.count(), 1);
  assert.ok(await list.isVisible(), 'the footnotes are printed');
  const printed = await page.evaluate(() => {
    const ol = document.querySelector('.print-notes')!;
    const section = document.querySelector('.markdown-section')!;
    return {
      last: [section.querySelector(':scope > p:last-of-type'), section.querySelector('.chapter-nav')].every(
        (e) => !e || (e.compareDocumentPosition(ol) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      ),
      listStyle: getComputedStyle(ol).listStyleType,
      items: [...ol.querySelectorAll('li')].map((li) => li.textContent ?? ''),
      // In the order the numbers are printed: each after its element's text, so a note nested in a term (a
      // corrected character in a name) prints its number before the term's.
      numbered: [...document.querySelectorAll<HTMLElement>('.markdown-section [data-fn]')]
        .sort((a, b) => (a.contains(b) ? 1 : b.contains(a) ? -1 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
        .map((e) => ({
          fn: e.dataset['fn'] ?? '',
          note: e.dataset['printNote'] ?? '',
          after: getComputedStyle(e, '::after').content,
          // Right after another number (a note at a term's end): set off by a comma (print.test.ts).
          run: e.hasAttribute('data-fn-run'),
        })),
      nested: [...document.querySelectorAll<HTMLElement>('.markdown-section [data-fn] [data-fn]')].map((inner) => [
        Number(inner.dataset['fn']),
        Number(inner.parentElement!.closest<HTMLElement>('[data-fn]')!.dataset['fn']),
      ]),
      terms: [...document.querySelectorAll<HTMLElement>('.markdown-section > p .gl[data-tip]')].map((e) => ({
        key: e.dataset['printKey'] ?? '',
        fn: e.dataset['fn'] ?? null,
      })),
    };
  });
  assert.ok(printed.last, 'the footnotes end the chapter');
  assert.equal(printed.listStyle, 'decimal', 'the footnotes are numbered');
  assert.ok(printed.items.length > 10);
  assert.deepEqual(
    printed.numbered.map((n) => n.fn),
    printed.items.map((_, k) => String(k + 1)),
    'numbers 1…n in the order they are printed, one per footnote',
  );
  assert.ok(printed.nested.length > 0, 'the chapter has a note inside a term (李讹𠼪)');
  for (const [inner, outer] of printed.nested) assert.ok(inner! < outer!, `nested note ${inner} is printed before its term's ${outer}`);
  assert.deepEqual(
    printed.numbered.map((n) => n.note),
    printed.items,
    'footnote n is the note of the text numbered n',
  );
  assert.deepEqual(
    printed.numbered.map((n) => n.after),
    printed.numbered.map((n) => (n.run ? `",${n.fn}"` : `"${n.fn}"`)),
    'the number is printed',
  );
  // A term: a number at its first place in the chapter only.
  const seen = new Set<string>();
  for (const t of printed.terms) {
    assert.equal(t.fn !== null, !seen.has(t.key), `${t.key}: numbered at its first place only`);
    seen.add(t.key);
  }
  const entriesHere = new Set(index.marks[route]!.map(([e]) => index.entries[e]!.term));
  assert.deepEqual(seen, entriesHere);
  for (const [e] of index.marks[route]!) {
    const entry = index.entries[e]!;
    assert.ok(printed.items.includes(`${entry.term}：${entry.gloss}`), `${entry.term} has its footnote`);
  }

  const pdfPath = '/tmp/glossary-print-04-huizong.pdf';
  const pdf = await page.pdf({ path: pdfPath, format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(statSync(pdfPath).size > 20000);
  // A look at the first and last pages, for a person to check, when poppler is installed.
  if (existsSync('/usr/bin/pdftoppm')) {
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? '1';
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', '-singlefile', '-f', '1', '-l', '1', pdfPath, '/tmp/print-first']);
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', '-singlefile', '-f', pages, '-l', pages, pdfPath, '/tmp/print-last']);
  }
  await page.emulateMedia({ media: 'screen' });
  await assertClean(w);
  await context.close();
});

// ---------------------------------------------------------------------------------------------------------------
// Accessibility

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): no violations on a chapter with a person's note open, nor on the glossary page`, async () => {
    const context = await t.browser.newContext({ ...DESKTOP, colorScheme });
    const w = await openChapter(context, 'chapters/04-huizong');
    const { page } = w;
    // A person's note: the fullest kind (note, onward links, source).
    const liuFa = index.entries.findIndex((e) => e.term === '刘法');
    const [, p, s] = index.occurrences[liuFa]![0]!;
    const id = termAnchor(p, s);
    await page.locator(`#${id}`).focus();
    await assertOpenFor(page, id);
    await settledTip(page);
    const violations = await axeViolations(page, t.origin);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    // axe saw the note: it stayed open while axe ran.
    await assertOpenFor(page, id);

    await page.goto(`${t.site.url}#/glossary`);
    await page.waitForFunction(() => document.querySelector('.markdown-section h1')?.textContent === '注释索引');
    const onIndex = await axeViolations(page, t.origin);
    assert.deepEqual(onIndex, [], JSON.stringify(onIndex, null, 2));
    await assertClean(w);
    await context.close();
  });
}
