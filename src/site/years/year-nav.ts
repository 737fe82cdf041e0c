/**
 * The year navigator: a slim bar above the text (previous year · the current era year, which opens the list ·
 * next year) and a panel with every year of the chronicle, 1086–1127, under its Song emperor and era. Years with
 * entries are links to their first entry; years without are shown as gaps. The current year follows the reading
 * position (IntersectionObserver on the entry anchors).
 *
 * A change-year is listed once, under the era in force at its end (1094 under 绍圣, labelled 绍圣元年 with 元祐九年
 * in its accessible name), as the parser files sexagenary and relative years; so each year has one place, one
 * "current" and one neighbour on each side.
 */
import { formatEraYear, type EraTable } from '../../core/eras.ts';
import { chronicleSpan, eraTable, yearIndex } from './year-data.ts';
import { songEraOf, songOldYearName, songYearName } from '../../core/year-format.ts';
import { entryHash, type YearEntry } from '../../core/year-link.ts';
import { el } from '../shell/dom-text.ts';
import { onRouteChange } from '../shell/router.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';

const PANEL_ID = 'year-panel';
/** The reading line, as a share of the viewport's height from its top. */
const READING_LINE = 0.33;
/**
 * After a jump to an entry, the current year stays the target's until the reader scrolls on their own: these
 * events are the reader's, where a scroll event cannot tell the reader's scroll from the jump's (which comes a
 * frame or more later, however slow the device; a time limit on the pin lost that race under load).
 */
const READER_INPUT = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
/** The keys that scroll the page (a key that opens the navigator or steps a year is no scroll of the reader's). */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

interface Cell {
  year: number;
  label: string;
  entry: YearEntry | null;
  el: HTMLElement;
}

/** The navigator's state, all of it: its elements, the current year, and what follows the reading position. */
const state = {
  nav: null as HTMLElement | null,
  toggle: null as HTMLButtonElement | null,
  panel: null as HTMLElement | null,
  prevLink: null as HTMLAnchorElement | null,
  nextLink: null as HTMLAnchorElement | null,
  /** The link to the timeline page, which marks the current year there. */
  timelineLink: null as HTMLAnchorElement | null,
  cells: new Map<number, Cell>(),
  current: null as number | null,
  observer: null as IntersectionObserver | null,
  edgeObserver: null as IntersectionObserver | null,
  entries: [] as HTMLElement[],
  atTop: false,
  atEnd: false,
  pinned: null as { year: number } | null,
  /** The reader's own input ended a pin: the next scroll settles the current year again. */
  released: false,
  scrollFrame: 0,
  /** Other controls that open the list (the phone's bottom bar): inside the navigator for "a click outside". */
  openers: [] as HTMLElement[],
};

function outside(t: EventTarget | null): boolean {
  return t instanceof Node && !state.nav!.contains(t) && !state.openers.some((o) => o.contains(t));
}

function firstEntry(year: number): YearEntry | null {
  const row = yearIndex.years.find((y) => y.year === year);
  return row ? { year, chapter: row.chapter, anchor: row.anchor } : null;
}

/** The nearest year with entries before (-1) or after (+1) a year; from no year, +1 is the first. */
export function stepFrom(year: number | null, dir: -1 | 1): YearEntry | null {
  const rows = yearIndex.years;
  let row: (typeof rows)[number] | undefined;
  if (year === null) row = dir > 0 ? rows[0] : undefined;
  else if (dir > 0) row = rows.find((r) => r.year > year);
  else for (const r of rows) if (r.year < year) row = r;
  return row ? { year: row.year, chapter: row.chapter, anchor: row.anchor } : null;
}

function yearLabel(table: EraTable, year: number): string {
  const old = songOldYearName(table, year);
  const name = songYearName(table, year);
  return old ? fill(words().navYearLabelOld, { name, old, year }) : fill(words().navYearLabel, { name, year });
}

function buildPanel(table: EraTable): HTMLElement {
  const box = el('div', 'year-panel');
  box.id = PANEL_ID;
  box.hidden = true;
  const { first, last } = chronicleSpan();
  let reignBox: HTMLElement | null = null;
  let reign = '';
  let eraList: HTMLElement | null = null;
  let eraKey = '';
  for (let y = first; y <= last; y++) {
    const era = songEraOf(table, y);
    if (!era) continue;
    if (era.rulerTemple !== reign || !reignBox) {
      reign = era.rulerTemple;
      reignBox = el('div', 'year-reign');
      const id = `year-reign-${y}`;
      const title = el('p', 'year-reign-name', reign);
      title.id = id;
      reignBox.setAttribute('role', 'group');
      reignBox.setAttribute('aria-labelledby', id);
      reignBox.append(title);
      box.append(reignBox);
    }
    if (`${era.name}${era.first}` !== eraKey || !eraList) {
      eraKey = `${era.name}${era.first}`;
      const row = el('div', 'year-era');
      const name = el('span', 'year-era-name', era.name);
      name.id = `year-era-${y}`;
      eraList = el('ol', 'year-list');
      eraList.setAttribute('aria-labelledby', name.id);
      row.append(name, eraList);
      reignBox.append(row);
    }
    const n = y - era.first + 1;
    const entry = firstEntry(y);
    const label = yearLabel(table, y);
    let cell: HTMLElement;
    if (entry) {
      const a = el('a', 'year-cell');
      a.href = entryHash(entry);
      cell = a;
    } else {
      cell = el('span', 'year-cell year-gap');
    }
    cell.title = label.replace(/，/, ' · ');
    // The name is the text itself (no aria-label to drift from it): "1088（元祐三年）"; the numeral is for the eye.
    const numeral = el('span', 'year-cell-n', formatEraYear(era, n).slice(era.name.length, -1));
    numeral.setAttribute('aria-hidden', 'true');
    const old = songOldYearName(table, y);
    const spoken = `（${[songYearName(table, y), old, entry ? null : words().navNoEntry].filter(Boolean).join('，')}）`;
    cell.append(numeral, el('span', 'year-cell-g', String(y)), el('span', 'visually-hidden', spoken));
    const li = el('li', '');
    li.append(cell);
    eraList.append(li);
    state.cells.set(y, { year: y, label, entry, el: cell });
  }
  return box;
}

function stepLink(rel: 'prev' | 'next'): HTMLAnchorElement {
  const a = el('a', `year-step year-${rel}`);
  a.rel = rel;
  a.append(el('span', 'visually-hidden', rel === 'prev' ? words().navPrevSpoken : words().navNextSpoken), el('span', 'year-step-g'), el('span', 'visually-hidden year-step-era'));
  return a;
}

/** Builds the navigator once, above the content (it lives outside the part Docsify re-renders). */
export function mountNav(): void {
  if (state.nav) return;
  const table = eraTable();
  state.nav = el('nav', 'year-nav');
  const w = words();
  state.nav.setAttribute('aria-label', w.navLabel);
  const bar = el('div', 'year-bar');
  state.prevLink = stepLink('prev');
  state.nextLink = stepLink('next');
  state.toggle = el('button', 'year-toggle');
  state.toggle.type = 'button';
  state.toggle.setAttribute('aria-expanded', 'false');
  state.toggle.setAttribute('aria-controls', PANEL_ID);
  state.toggle.setAttribute('aria-keyshortcuts', 'y');
  state.toggle.append(el('span', 'visually-hidden', w.navCurrent), el('span', 'year-toggle-era'), ' ', el('span', 'year-toggle-g'));
  bar.append(state.prevLink, state.toggle, state.nextLink);
  state.panel = buildPanel(table);
  state.timelineLink = el('a', 'year-timeline', w.navTimeline);
  state.timelineLink.href = '#/timeline';
  const toTimeline = el('p', 'year-panel-timeline');
  toTimeline.append(state.timelineLink);
  state.panel.prepend(toTimeline);
  state.nav.append(bar, state.panel);
  const content = document.querySelector('.content') ?? document.body;
  content.prepend(state.nav);

  state.toggle.addEventListener('click', () => setOpen(state.panel!.hidden));
  state.nav.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.panel && !state.panel.hidden) {
      e.stopPropagation();
      setOpen(false);
      state.toggle?.focus({ preventScroll: true });
    }
  });
  state.panel.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a[href]')) setOpen(false);
  });
  document.addEventListener('click', (e) => {
    if (state.panel && !state.panel.hidden && outside(e.target)) setOpen(false);
  });
  document.addEventListener('focusin', (e) => {
    if (state.panel && !state.panel.hidden && outside(e.target)) setOpen(false);
  });
  onRouteChange(() => setOpen(false));
  window.addEventListener('scroll', onScroll, { passive: true });
  for (const type of READER_INPUT) {
    window.addEventListener(
      type,
      (e) => {
        if (!state.pinned || (e instanceof KeyboardEvent && !SCROLL_KEYS.has(e.key))) return;
        state.pinned = null;
        state.released = true;
      },
      { passive: true, capture: true },
    );
  }
  render();
}

/**
 * A control elsewhere on the page that opens and closes the list (the phone's bottom bar): it is told the list's
 * state (aria-expanded), and a click or focus on it is not "outside" the navigator.
 */
export function addOpener(button: HTMLButtonElement): void {
  state.openers.push(button);
  button.setAttribute('aria-controls', PANEL_ID);
  button.setAttribute('aria-expanded', String(isOpen()));
}

export function isOpen(): boolean {
  return !!state.panel && !state.panel.hidden;
}

/** Opens or closes the list; opened from the keyboard, focus goes to the current year (or the first). */
export function setOpen(open: boolean, focus = false): void {
  if (!state.panel || !state.toggle) return;
  state.panel.hidden = !open;
  state.toggle.setAttribute('aria-expanded', String(open));
  for (const o of state.openers) o.setAttribute('aria-expanded', String(open));
  state.nav?.classList.toggle('is-open', open);
  if (open) {
    const target =
      (state.current !== null ? state.cells.get(state.current)?.el : null) ?? state.panel.querySelector<HTMLElement>('a.year-cell');
    // The list scrolls to the current year by itself: scrollIntoView would scroll the page too, and opening the
    // navigator must leave the reader where they were.
    if (target) {
      const box = state.panel.getBoundingClientRect();
      const r = target.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) state.panel.scrollTop += r.top - box.top - (box.height - r.height) / 2;
    }
    if (focus) {
      (state.panel.querySelector<HTMLElement>('a.year-cell[aria-current]') ?? state.panel.querySelector<HTMLElement>('a.year-cell'))?.focus({
        preventScroll: true,
      });
    }
  }
}

function setStep(a: HTMLAnchorElement, target: YearEntry | null, word: string, key: string): void {
  const g = a.querySelector('.year-step-g')!;
  const era = a.querySelector('.year-step-era')!;
  if (target) {
    a.href = entryHash(target);
    a.removeAttribute('aria-disabled');
    g.textContent = String(target.year);
    era.textContent = `（${songYearName(eraTable(), target.year)}）`;
    a.title = fill(words().navStepTitle, { word, key });
  } else {
    // Hidden (CSS), and so out of the accessibility tree too.
    a.removeAttribute('href');
    a.setAttribute('aria-disabled', 'true');
    g.textContent = '';
    era.textContent = '';
    a.removeAttribute('title');
  }
}

function render(): void {
  if (!state.toggle || !state.prevLink || !state.nextLink) return;
  const table = eraTable();
  const era = state.toggle.querySelector('.year-toggle-era')!;
  const g = state.toggle.querySelector('.year-toggle-g')!;
  if (state.current === null) {
    era.textContent = words().navAll;
    g.textContent = `${chronicleSpan().first}—${chronicleSpan().last}`;
  } else {
    era.textContent = songYearName(table, state.current);
    g.textContent = String(state.current);
  }
  if (state.timelineLink) state.timelineLink.href = state.current === null ? '#/timeline' : `#/timeline?year=${state.current}`;
  setStep(state.prevLink, state.current === null ? null : stepFrom(state.current, -1), words().navPrev, '[');
  setStep(state.nextLink, stepFrom(state.current, 1), words().navNext, ']');
  for (const c of state.cells.values()) {
    if (c.year === state.current) c.el.setAttribute('aria-current', 'location');
    else c.el.removeAttribute('aria-current');
  }
}

export function currentYear(): number | null {
  return state.current;
}

/**
 * The one public signal of the reader's year: `reader:year` on document, `detail: { year }` (null off a chapter),
 * whenever the current year changes. Other features (the timeline) listen to it instead of reading this DOM.
 */
export const YEAR_EVENT = 'reader:year';

export function setCurrent(year: number | null): void {
  if (year === state.current) return;
  state.current = year;
  render();
  document.dispatchEvent(new CustomEvent(YEAR_EVENT, { detail: { year } }));
}

// ── following the reading position ──────────────────────────────────────────────────────────────────────────

function recompute(): void {
  if (state.entries.length === 0) return;
  if (state.pinned) return;
  let cur: HTMLElement | undefined;
  if (state.atTop) cur = state.entries[0];
  else if (state.atEnd) {
    // The page cannot scroll further: the last entry on screen is as far as the reader can get.
    const h = window.innerHeight;
    cur = state.entries.filter((e) => e.getBoundingClientRect().top < h).at(-1) ?? state.entries[0];
  } else {
    const line = window.innerHeight * READING_LINE;
    cur = state.entries.filter((e) => e.getBoundingClientRect().top <= line).at(-1) ?? state.entries[0];
  }
  setCurrent(Number(cur!.dataset['year']));
}

function onScroll(): void {
  if (state.scrollFrame) return;
  state.scrollFrame = requestAnimationFrame(() => {
    state.scrollFrame = 0;
    const el = document.scrollingElement ?? document.documentElement;
    const end = el.scrollTop > 0 && el.scrollTop + window.innerHeight >= el.scrollHeight - 2;
    const changed = end !== state.atEnd || state.released;
    state.atEnd = end;
    state.released = false;
    if (changed) recompute();
  });
}

/**
 * Follows a freshly rendered chapter: its entries are watched crossing the reading line; while the chapter title is
 * on screen the current year is the chapter's first; at the page's end, the last one on screen.
 */
export function followChapter(section: HTMLElement, chapterEntries: HTMLElement[], target: string | null): void {
  state.observer?.disconnect();
  state.edgeObserver?.disconnect();
  state.entries = chapterEntries;
  state.atTop = false;
  state.atEnd = false;
  state.pinned = null;
  if (state.entries.length === 0) return;
  const targetEl = target ? state.entries.find((e) => e.id === target) : undefined;
  if (targetEl) {
    state.pinned = { year: Number(targetEl.dataset['year']) };
    setCurrent(state.pinned.year);
  } else {
    setCurrent(Number(state.entries[0]!.dataset['year']));
  }
  state.observer = new IntersectionObserver(recompute, { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px` });
  for (const e of state.entries) state.observer.observe(e);
  const title = section.querySelector('h1');
  state.edgeObserver = new IntersectionObserver((records) => {
    for (const r of records) state.atTop = r.isIntersecting;
    recompute();
  });
  if (title) state.edgeObserver.observe(title);
}

/** A jump to an entry on the page already shown (Docsify does not re-render): the current year follows it. */
export function pinTo(anchor: string): void {
  const e = state.entries.find((x) => x.id === anchor);
  if (!e) return;
  state.pinned = { year: Number(e.dataset['year']) };
  setCurrent(state.pinned.year);
}

/** Not a chapter: nothing to follow. */
export function stopFollowing(year: number | null): void {
  state.observer?.disconnect();
  state.edgeObserver?.disconnect();
  state.entries = [];
  state.pinned = null;
  setCurrent(year);
}
