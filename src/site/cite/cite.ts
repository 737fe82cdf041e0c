/**
 * Cite this passage. Every dated entry and every paragraph of a chapter gets a 「引」 button that copies a ready
 * citation (core/cite.ts formats it: GB/T 7714 or Chicago, chosen in the sidebar, with the reader's selection
 * quoted first when it lies in that paragraph) and says so in a live region; ¶ numbers stand in the margin on
 * demand, each a link to its paragraph (`?id=p3`).
 *
 *   <p id="p2">
 *     <a class="cite-pn" data-decoration href="#/chapters/02-yuanyou?id=p2" aria-label="第2段（¶2）"></a>  ← ¶2, CSS
 *     　　<span class="y y-entry" id="y1088">…</span>
 *     <button class="cite-btn cite-entry" data-decoration aria-label="引用元祐三年条"></button>             ← 引, CSS
 *     …
 *     <button class="cite-btn cite-para" data-decoration aria-label="引用此段（¶2）"></button>
 *   </p>
 *
 * How it sits beside the years feature's copy-link without touching it: by the entry's anchor, a public contract
 * (ARCHITECTURE.md "Anchors"): the entry's button goes right after the element whose id is the anchor, as a
 * sibling in the paragraph, in this feature's `ready` (after the notes have moved their markers past the outermost
 * mark, so the place is the prerendered copy's: core/prerender.ts `citeEntryHtml`). The years feature's classes are
 * never read or written.
 *
 * Every button and link here joins the paragraph's roving tab stop (shell/roving.ts). Decorations carry no text:
 * the labels are CSS content and aria-label, print hides them. 白文 adds nothing to the text, so in 白文 none of this
 * is in the DOM; a 白文 reader (or anyone) cites with the `c` key — the selection if there is one, else the
 * paragraph that has focus, else the first paragraph on screen — or with the sidebar's 「引用所选或当前段」 button,
 * which remembers the selection as the finger or pointer goes down on it.
 */
import { entryInForce, formatCitation, localDate, placeUrl, type CiteForm, type Locus } from '../../core/cite.ts';
import { fill } from '../../core/words.ts';
import { songYearName } from '../../core/year-format.ts';
import { decoration, isTyping } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { joinRoving } from '../shell/roving.ts';
import { placeSettings, settingGroup, settingOption } from '../shell/setting-group.ts';
import { mode } from '../modes/settings.ts';
import { script, withScript } from '../script/script.ts';
import { words } from '../script/words.ts';
import { eraTable, yearIndex } from '../years/year-data.ts';
import { citeForm, setCiteForm, setShowsNumbers, showsNumbers } from './settings.ts';
import { copyText } from '../shell/clipboard.ts';
import { liveRegion, type LiveRegion } from '../shell/live.ts';

const state = {
  render: null as RenderContext | null,
  /** Says what a copy did: the whole citation, or that it failed. */
  live: null as LiveRegion | null,
  /** The selection as it was when a pointer went down on a cite control (a tap may clear it before the click). */
  held: null as Quote | null,
};

interface Quote {
  text: string;
  paragraph: number;
  offset: number;
}

function isChapter(route: string): boolean {
  return yearIndex.chapters.some((c) => c.chapter === route);
}

function decorates(ctx: RenderContext): boolean {
  return !ctx.failed && mode() !== 'plain' && isChapter(ctx.route);
}

/** The reader's address of a place, in the reader's script (`?script=t` before the `#`), from this page's own base. */
function urlOf(route: string, id: string): string {
  return withScript(placeUrl(`${location.origin}${location.pathname}`, route, id), script());
}

function yearName(year: number): string {
  return songYearName(eraTable(), year);
}

// ── what is cited ─────────────────────────────────────────────────────────────────────────────────────────────────

function paragraphIndex(ctx: RenderContext, node: Node | null): number {
  const p = node ? (node instanceof Element ? node : node.parentElement)?.closest('.markdown-section > p') : null;
  return p ? ctx.paragraphs.indexOf(p as HTMLParagraphElement) : -1;
}

/** The reader's selection in the chronicle's text: its text, the paragraph and offset it starts at. */
function currentQuote(): Quote | null {
  const ctx = state.render;
  const sel = document.getSelection();
  if (!ctx?.section.isConnected || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const n = paragraphIndex(ctx, range.startContainer);
  const text = sel.toString();
  if (n < 0 || !text.trim()) return null;
  const before = document.createRange();
  before.setStart(ctx.paragraphs[n]!, 0);
  before.setEnd(range.startContainer, range.startOffset);
  // Decorations carry no text, so this is an offset into the paragraph's textContent (ARCHITECTURE.md).
  const offset = before.toString().length;
  before.detach();
  return { text, paragraph: n, offset };
}

function leading(ctx: RenderContext, n: number): number {
  const text = ctx.paragraphs[n]?.textContent ?? '';
  return text.length - text.trimStart().length;
}

/** A paragraph's locus: the entry in force where it (or the quotation in it) begins, and its number. */
function paragraphLocus(ctx: RenderContext, n: number, offset: number): Locus {
  const e = entryInForce(yearIndex, ctx.route, n, offset);
  return { entry: e ? { year: e.year, anchor: e.anchor } : null, paragraph: n };
}

function citation(locus: Locus, url: string, quote?: string, form: CiteForm = citeForm()): string {
  return formatCitation({ form, locus, yearName, url, accessed: localDate(new Date()), quote, words: words() });
}

/** What a 「引」 button copies: its entry or paragraph, or the selection in its paragraph. */
function citationFor(button: HTMLElement, held: Quote | null): string | null {
  const ctx = state.render;
  const n = Number(button.dataset['p']);
  if (!ctx || !Number.isInteger(n)) return null;
  const quote = held && held.paragraph === n ? held : null;
  if (quote) return citation(paragraphLocus(ctx, n, quote.offset), urlOf(ctx.route, `p${n}`), quote.text);
  const anchor = button.dataset['anchor'];
  const entry = anchor ? yearIndex.chapters.find((c) => c.chapter === ctx.route)?.entries.find((e) => e.anchor === anchor) : undefined;
  if (entry) return citation({ entry: { year: entry.year, anchor: entry.anchor }, paragraph: null }, urlOf(ctx.route, entry.anchor));
  return citation(paragraphLocus(ctx, n, leading(ctx, n)), urlOf(ctx.route, `p${n}`));
}

/** The `c` key and the sidebar's button: the selection, else the focused paragraph, else the first one on screen. */
function citationOfReading(held: Quote | null): string | null {
  const ctx = state.render;
  if (!ctx?.section.isConnected || !isChapter(ctx.route) || ctx.paragraphs.length === 0) return null;
  if (held) return citation(paragraphLocus(ctx, held.paragraph, held.offset), urlOf(ctx.route, `p${held.paragraph}`), held.text);
  let n = paragraphIndex(ctx, document.activeElement);
  if (n < 0) {
    const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    n = ctx.paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > top);
    if (n < 0) n = 0;
  }
  return citation(paragraphLocus(ctx, n, leading(ctx, n)), urlOf(ctx.route, `p${n}`));
}

// ── copying and saying so ─────────────────────────────────────────────────────────────────────────────────────────

/** Copies, says so (the whole citation, so a reader without a clipboard hears and can read it), marks the button. */
function deliver(text: string, button: HTMLElement | null): void {
  const w = words();
  void copyText(text).then((ok) => {
    state.live?.say(fill(ok ? w.citeCopied : w.citeFailed, { citation: text }));
    if (!button) return;
    button.dataset['state'] = ok ? 'copied' : 'failed';
    button.dataset['said'] = ok ? w.citeCopiedShort : '';
    window.setTimeout(() => {
      delete button.dataset['state'];
      delete button.dataset['said'];
    }, 2000);
  });
}

function takeHeld(): Quote | null {
  const held = state.held ?? currentQuote();
  state.held = null;
  return held;
}

function onClick(e: MouseEvent): void {
  const t = e.target instanceof Element ? e.target : null;
  const button = t?.closest<HTMLButtonElement>('button.cite-btn');
  if (button && state.render?.section.contains(button)) {
    e.preventDefault();
    const text = citationFor(button, takeHeld());
    if (text) deliver(text, button);
  }
}

function onPointerDown(e: PointerEvent): void {
  const t = e.target instanceof Element ? e.target : null;
  state.held = t?.closest('button.cite-btn, button.cite-current') ? currentQuote() : null;
}

function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  if (e.key !== 'c' && e.key !== 'C') return;
  const text = citationOfReading(currentQuote());
  if (!text) return;
  e.preventDefault();
  deliver(text, null);
}

// ── the decorations ─────────────────────────────────────────────────────────────────────────────────────────────

function citeButton(cls: string, label: string, n: number): HTMLButtonElement {
  const b = decoration('button', `cite-btn ${cls}`);
  b.type = 'button';
  b.dataset['p'] = String(n);
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

function numberLink(route: string, n: number): HTMLAnchorElement {
  const a = decoration('a', 'cite-pn');
  // A relative address keeps the page's own `?script=t`: the same script, the same paragraph.
  a.href = `#/${route}?id=p${n}`;
  a.dataset['n'] = String(n);
  a.setAttribute('aria-label', fill(words().citeNumberLink, { n }));
  return a;
}

function addNumbers(ctx: RenderContext): void {
  ctx.paragraphs.forEach((p, n) => {
    if (p.querySelector(':scope > .cite-pn')) return;
    const a = numberLink(ctx.route, n);
    p.prepend(a);
    joinRoving(a);
  });
}

function removeNumbers(ctx: RenderContext): void {
  for (const p of ctx.paragraphs) {
    const a = p.querySelector<HTMLElement>(':scope > .cite-pn');
    if (!a) continue;
    const wasStop = a.tabIndex === 0;
    a.remove();
    // The paragraph keeps one stop: another of its items is settled in the number's place.
    const other = p.querySelector<HTMLElement>('[data-tip], button, a[href]');
    if (wasStop && other) joinRoving(other);
  }
}

function decorateParagraphs(ctx: RenderContext): void {
  const w = words();
  for (const e of ctx.section.querySelectorAll('.markdown-section > p > .cite-btn, .markdown-section > p > .cite-pn')) e.remove();
  ctx.paragraphs.forEach((p, n) => {
    const b = citeButton('cite-para', fill(w.citeParagraphButton, { n }), n);
    p.append(b);
    joinRoving(b);
  });
  if (showsNumbers()) addNumbers(ctx);
}

/** Each entry's button, right after the entry's anchor element (see the module comment). */
function decorateEntries(ctx: RenderContext): void {
  const chapter = yearIndex.chapters.find((c) => c.chapter === ctx.route);
  const w = words();
  for (const e of chapter?.entries ?? []) {
    const anchor = document.getElementById(e.anchor);
    const p = ctx.paragraphs[e.paragraph];
    if (!anchor || !p || anchor.parentElement !== p) continue;
    if (anchor.nextElementSibling?.matches(`.cite-entry[data-anchor="${e.anchor}"]`)) continue;
    const b = citeButton('cite-entry', fill(w.citeEntryButton, { name: yearName(e.year) }), e.paragraph);
    b.dataset['anchor'] = e.anchor;
    anchor.after(b);
    joinRoving(b);
  }
}

// ── the sidebar ─────────────────────────────────────────────────────────────────────────────────────────────────

function sync(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.cite-form button')) b.setAttribute('aria-pressed', String(b.dataset['form'] === citeForm()));
  for (const b of document.querySelectorAll<HTMLButtonElement>('.cite-numbers button'))
    b.setAttribute('aria-pressed', String((b.dataset['numbers'] === 'on') === showsNumbers()));
}

function chooseNumbers(on: boolean): void {
  setShowsNumbers(on);
  sync();
  const ctx = state.render;
  if (!ctx?.section.isConnected || !decorates(ctx)) return;
  if (on) addNumbers(ctx);
  else removeNumbers(ctx);
}

function mount(): void {
  if (!state.live) {
    state.live = liveRegion('cite-live');
    document.body.append(state.live.element);
  }
  document.addEventListener('click', onClick);
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKey);
  const sidebar = document.querySelector('.sidebar');
  if (!sidebar || sidebar.querySelector('.cite-form')) return;
  const w = words();
  const forms = settingGroup('cite-form', w.citeFormGroup);
  for (const [form, label] of [
    ['gbt', w.citeFormGbt],
    ['chicago', w.citeFormChicago],
  ] as const) {
    const b = settingOption(label, () => {
      setCiteForm(form);
      sync();
    });
    b.dataset['form'] = form;
    forms.append(b);
  }
  const numbers = settingGroup('cite-numbers', w.citeNumbersGroup);
  for (const [on, label] of [
    [true, w.citeNumbersShow],
    [false, w.citeNumbersHide],
  ] as const) {
    const b = settingOption(label, () => chooseNumbers(on));
    b.dataset['numbers'] = on ? 'on' : 'off';
    numbers.append(b);
  }
  const action = settingGroup('cite-action', w.citeCurrent);
  const current = settingOption(w.citeCurrent, () => {
    const text = citationOfReading(takeHeld());
    if (text) deliver(text, null);
  });
  current.classList.add('cite-current');
  current.title = w.citeCurrentHint;
  current.setAttribute('aria-keyshortcuts', 'C');
  action.append(current);
  placeSettings(sidebar, forms, numbers, action);
  sync();
}

export const cite: Feature = {
  name: 'cite',
  mounted: mount,
  doneEach(ctx: RenderContext) {
    state.render = ctx;
    if (decorates(ctx)) decorateParagraphs(ctx);
  },
  ready(ctx: RenderContext) {
    if (state.render === ctx && decorates(ctx)) decorateEntries(ctx);
  },
};
