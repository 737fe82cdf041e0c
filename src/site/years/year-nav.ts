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

const PANEL_ID = 'year-panel';
/** The reading line, as a share of the viewport's height from its top. */
const READING_LINE = 0.33;
/** After a jump to an entry, the current year stays the target's until the reader scrolls on their own. */
const PIN_MS = 700;

interface Cell {
  year: number;
  label: string;
  entry: YearEntry | null;
  el: HTMLElement;
}

let nav: HTMLElement | null = null;
let toggle: HTMLButtonElement | null = null;
let panel: HTMLElement | null = null;
let prevLink: HTMLAnchorElement | null = null;
let nextLink: HTMLAnchorElement | null = null;
const cells = new Map<number, Cell>();
let current: number | null = null;

let observer: IntersectionObserver | null = null;
let edgeObserver: IntersectionObserver | null = null;
let entries: HTMLElement[] = [];
let atTop = false;
let atEnd = false;
let pinned: { year: number; since: number } | null = null;

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
  return `${songYearName(table, year)}${old ? `（${old}）` : ''}，${year}年`;
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
    const spoken = `（${songYearName(table, y)}${old ? `，${old}` : ''}${entry ? '' : '，无纪事'}）`;
    cell.append(numeral, el('span', 'year-cell-g', String(y)), el('span', 'year-vh', spoken));
    const li = el('li', '');
    li.append(cell);
    eraList.append(li);
    cells.set(y, { year: y, label, entry, el: cell });
  }
  return box;
}

function stepLink(rel: 'prev' | 'next'): HTMLAnchorElement {
  const a = el('a', `year-step year-${rel}`);
  a.rel = rel;
  a.append(el('span', 'year-vh', rel === 'prev' ? '上一年：' : '下一年：'), el('span', 'year-step-g'), el('span', 'year-vh year-step-era'));
  return a;
}

/** Builds the navigator once, above the content (it lives outside the part Docsify re-renders). */
export function mountNav(): void {
  if (nav) return;
  const table = eraTable();
  nav = el('nav', 'year-nav');
  nav.setAttribute('aria-label', '年份导航');
  const bar = el('div', 'year-bar');
  prevLink = stepLink('prev');
  nextLink = stepLink('next');
  toggle = el('button', 'year-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', PANEL_ID);
  toggle.setAttribute('aria-keyshortcuts', 'y');
  toggle.append(el('span', 'year-vh', '年份导航，当前：'), el('span', 'year-toggle-era'), ' ', el('span', 'year-toggle-g'));
  bar.append(prevLink, toggle, nextLink);
  panel = buildPanel(table);
  nav.append(bar, panel);
  const content = document.querySelector('.content') ?? document.body;
  content.prepend(nav);

  toggle.addEventListener('click', () => setOpen(panel!.hidden));
  nav.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && panel && !panel.hidden) {
      e.stopPropagation();
      setOpen(false);
      toggle?.focus();
    }
  });
  panel.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a[href]')) setOpen(false);
  });
  document.addEventListener('click', (e) => {
    if (panel && !panel.hidden && e.target instanceof Node && !nav!.contains(e.target)) setOpen(false);
  });
  document.addEventListener('focusin', (e) => {
    if (panel && !panel.hidden && e.target instanceof Node && !nav!.contains(e.target)) setOpen(false);
  });
  window.addEventListener('hashchange', () => setOpen(false));
  window.addEventListener('scroll', onScroll, { passive: true });
  render();
}

export function isOpen(): boolean {
  return !!panel && !panel.hidden;
}

/** Opens or closes the list; opened from the keyboard, focus goes to the current year (or the first). */
export function setOpen(open: boolean, focus = false): void {
  if (!panel || !toggle) return;
  panel.hidden = !open;
  toggle.setAttribute('aria-expanded', String(open));
  nav?.classList.toggle('is-open', open);
  if (open) {
    const target = (current !== null ? cells.get(current)?.el : null) ?? panel.querySelector<HTMLElement>('a.year-cell');
    target?.scrollIntoView({ block: 'nearest' });
    if (focus) (panel.querySelector<HTMLElement>('a.year-cell[aria-current]') ?? panel.querySelector<HTMLElement>('a.year-cell'))?.focus();
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
    a.title = `${word}（${key}）`;
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
  if (!toggle || !prevLink || !nextLink) return;
  const table = eraTable();
  const era = toggle.querySelector('.year-toggle-era')!;
  const g = toggle.querySelector('.year-toggle-g')!;
  if (current === null) {
    era.textContent = '按年份';
    g.textContent = `${chronicleSpan().first}—${chronicleSpan().last}`;
  } else {
    era.textContent = songYearName(table, current);
    g.textContent = String(current);
  }
  setStep(prevLink, current === null ? null : stepFrom(current, -1), '上一年', '[');
  setStep(nextLink, stepFrom(current, 1), '下一年', ']');
  for (const c of cells.values()) {
    if (c.year === current) c.el.setAttribute('aria-current', 'location');
    else c.el.removeAttribute('aria-current');
  }
}

export function currentYear(): number | null {
  return current;
}

export function setCurrent(year: number | null): void {
  if (year === current) return;
  current = year;
  render();
}

// ── following the reading position ──────────────────────────────────────────────────────────────────────────

function recompute(): void {
  if (entries.length === 0) return;
  if (pinned) return;
  let cur: HTMLElement | undefined;
  if (atTop) cur = entries[0];
  else if (atEnd) {
    // The page cannot scroll further: the last entry on screen is as far as the reader can get.
    const h = window.innerHeight;
    cur = entries.filter((e) => e.getBoundingClientRect().top < h).at(-1) ?? entries[0];
  } else {
    const line = window.innerHeight * READING_LINE;
    cur = entries.filter((e) => e.getBoundingClientRect().top <= line).at(-1) ?? entries[0];
  }
  setCurrent(Number(cur!.dataset['year']));
}

let scrollFrame = 0;

function onScroll(): void {
  if (scrollFrame) return;
  scrollFrame = requestAnimationFrame(() => {
    scrollFrame = 0;
    const el = document.scrollingElement ?? document.documentElement;
    const end = el.scrollTop > 0 && el.scrollTop + window.innerHeight >= el.scrollHeight - 2;
    let changed = end !== atEnd;
    atEnd = end;
    if (pinned && performance.now() - pinned.since > PIN_MS) {
      pinned = null;
      changed = true;
    }
    if (changed) recompute();
  });
}

/**
 * Follows a freshly rendered chapter: its entries are watched crossing the reading line; while the chapter title is
 * on screen the current year is the chapter's first; at the page's end, the last one on screen.
 */
export function followChapter(section: HTMLElement, chapterEntries: HTMLElement[], target: string | null): void {
  observer?.disconnect();
  edgeObserver?.disconnect();
  entries = chapterEntries;
  atTop = false;
  atEnd = false;
  pinned = null;
  if (entries.length === 0) return;
  const targetEl = target ? entries.find((e) => e.id === target) : undefined;
  if (targetEl) {
    pinned = { year: Number(targetEl.dataset['year']), since: performance.now() };
    setCurrent(pinned.year);
  } else {
    setCurrent(Number(entries[0]!.dataset['year']));
  }
  observer = new IntersectionObserver(recompute, { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px` });
  for (const e of entries) observer.observe(e);
  const title = section.querySelector('h1');
  edgeObserver = new IntersectionObserver((records) => {
    for (const r of records) atTop = r.isIntersecting;
    recompute();
  });
  if (title) edgeObserver.observe(title);
}

/** A jump to an entry on the page already shown (Docsify does not re-render): the current year follows it. */
export function pinTo(anchor: string): void {
  const e = entries.find((x) => x.id === anchor);
  if (!e) return;
  pinned = { year: Number(e.dataset['year']), since: performance.now() };
  setCurrent(pinned.year);
}

/** Not a chapter: nothing to follow. */
export function stopFollowing(year: number | null): void {
  observer?.disconnect();
  edgeObserver?.disconnect();
  entries = [];
  pinned = null;
  setCurrent(year);
}
