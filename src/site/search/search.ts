/**
 * Search: a box at the top of the sidebar that finds every occurrence in the text (with its chapter, year and the
 * clause around it), a reign year (1088, 元祐三年) and glossary entries, and opens a hit scrolled into view with the
 * match highlighted. The index (data/search.json, scripts/steps/search.ts) is fetched the first time the reader
 * uses the box, so search costs the first text nothing.
 *
 * Replaces Docsify's search plugin: it is 152 KB minified (Dexie inside), indexes by heading only (a chapter gave
 * one result however often a name occurs in it), opened a chapter at its top, and spoke English; it also had to be
 * installed late through Docsify's private plugin list, since Docsify installs plugins only at start.
 */
import { hitHash, parseHighlight, search, type SearchAnswer, type SearchIndex, type SearchResult } from '../../core/search.ts';
import { songYearName } from '../../core/year-format.ts';
import { readDerived, SearchIndexSchema } from '../../core/derived.ts';
import { scriptBase } from '../script/script.ts';
import { eraTable, yearIndex } from '../years/year-data.ts';
import { el, isTyping, rangeAt } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { onRouteChange } from '../shell/router.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';

// The reader's script's index (the traditional one is the traditional chapters' text: scripts/lib/traditional-site.ts).
const indexUrl = (): string => `${scriptBase()}data/search.json`;
/** The name under which the match is painted (CSS `::highlight(search-hit)`). */
const HIGHLIGHT = 'search-hit';

interface SearchState {
  index: Promise<SearchIndex> | null;
  box: HTMLElement | null;
  input: HTMLInputElement | null;
  status: HTMLElement | null;
  list: HTMLElement | null;
  /** The highlighted paragraph and its observer, so the highlight follows later decorations and is cleared. */
  shown: { paragraph: HTMLElement; observer: MutationObserver } | null;
}

const state: SearchState = { index: null, box: null, input: null, status: null, list: null, shown: null };

function loadIndex(): Promise<SearchIndex> {
  const url = indexUrl();
  state.index ??= fetch(url).then(async (r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return readDerived(SearchIndexSchema, await r.json(), url);
  });
  // A failed fetch is forgotten, so the next keystroke tries again (offline for a moment, a flaky line).
  state.index.catch(() => (state.index = null));
  return state.index;
}

function snippetNode(s: { before: string; match: string; after: string }): HTMLElement {
  const span = el('span', 'search-snippet');
  span.append(s.before, el('mark', '', s.match), s.after);
  return span;
}

function resultItem(r: SearchResult): HTMLElement {
  const li = el('li', `search-result search-${r.kind}`);
  if (r.kind === 'year-message') {
    li.textContent = r.text;
    return li;
  }
  const a = el('a', '');
  if (r.kind === 'year') {
    a.href = r.hash;
    a.append(el('span', 'search-where', words().searchWhereYear), r.label);
  } else if (r.kind === 'text') {
    a.href = hitHash(r);
    a.append(el('span', 'search-where', r.year ? `${r.title} · ${r.year}` : r.title), snippetNode(r.snippet));
  } else {
    a.href = `#/glossary?id=${r.anchor}`;
    a.append(el('span', 'search-where', fill(words().searchWhereTerm, { kind: r.kindName })), el('strong', '', r.term), `：${r.gloss}`);
  }
  li.append(a);
  return li;
}

function show(answer: SearchAnswer): void {
  const { status, list } = state;
  if (!status || !list) return;
  list.replaceChildren(...answer.results.map(resultItem));
  if (answer.query === '') {
    status.textContent = '';
    return;
  }
  const terms = answer.results.filter((r) => r.kind === 'term').length;
  const years = answer.results.filter((r) => r.kind === 'year').length;
  const w = words();
  const parts = [
    years ? fill(w.searchCountYears, { n: years }) : '',
    answer.textHits ? fill(w.searchCountText, { n: answer.textHits }) : '',
    terms ? fill(w.searchCountTerms, { n: terms }) : '',
  ].filter(Boolean);
  const shown = answer.results.filter((r) => r.kind === 'text').length;
  const listed = shown < answer.textHits ? fill(w.searchListed, { n: shown }) : '';
  status.textContent = parts.length
    ? fill(w.searchFound, { query: answer.query, counts: parts.join(w.searchCountSeparator) }) + listed
    : fill(w.searchNone, { query: answer.query });
}

async function run(): Promise<void> {
  const query = state.input?.value ?? '';
  if (query.trim() === '') {
    show({ query: '', results: [], textHits: 0 });
    return;
  }
  let index: SearchIndex;
  try {
    index = await loadIndex();
  } catch (e) {
    console.warn('reader: search index unavailable', e);
    if (state.status) state.status.textContent = words().searchUnavailable;
    return;
  }
  // A slow fetch must not overwrite the answer to what the reader has typed since.
  if ((state.input?.value ?? '') !== query) return;
  const table = eraTable();
  show(search(index, query, { index: yearIndex, eras: () => table, label: (y) => `${songYearName(table, y)}（${y}）`, words: words() }));
}

function mountBox(): void {
  const sidebar = document.querySelector('aside.sidebar');
  if (!sidebar || state.box) return;
  const box = el('div', 'reader-search');
  box.setAttribute('role', 'search');
  const w = words();
  const label = el('label', 'visually-hidden', w.searchLabel);
  const input = el('input', '');
  input.type = 'search';
  input.id = 'reader-search-input';
  label.htmlFor = input.id;
  input.placeholder = w.searchPlaceholder;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('aria-keyshortcuts', '/');
  const status = el('p', 'search-status');
  status.id = 'reader-search-status';
  status.setAttribute('role', 'status');
  const list = el('ol', 'search-results');
  list.setAttribute('aria-label', w.searchResults);
  box.append(label, input, status, list);
  sidebar.prepend(box);
  Object.assign(state, { box, input, status, list });

  input.addEventListener('focus', () => void loadIndex().catch(() => {}), { once: true });
  // IME composition: search once the characters are chosen, not on each pinyin letter.
  input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) void run();
  });
  input.addEventListener('compositionend', () => void run());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && input.value !== '') {
      e.stopPropagation();
      input.value = '';
      void run();
    } else if (e.key === 'ArrowDown') {
      const first = list.querySelector<HTMLAnchorElement>('a');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  // Arrow keys walk the results (a list of links: Tab works too); Escape goes back to the box.
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = e.key === 'ArrowDown' ? i + 1 : i - 1;
      (to < 0 ? input : links[Math.min(to, links.length - 1)]!).focus();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      input.focus();
    }
  });
}

function onKey(e: KeyboardEvent): void {
  if (e.key !== '/' || e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  e.preventDefault();
  state.input?.focus();
}

// ── the highlight ─────────────────────────────────────────────────────────────────────────────────────────────

type Highlights = { set(name: string, h: unknown): void; delete(name: string): void };
function highlights(): Highlights | null {
  const css = (globalThis as { CSS?: { highlights?: Highlights } }).CSS;
  const H = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  return css?.highlights && H ? css.highlights : null;
}

function clearHighlight(): void {
  if (state.shown) {
    state.shown.observer.disconnect();
    delete state.shown.paragraph.dataset['focus'];
    state.shown = null;
  }
  highlights()?.delete(HIGHLIGHT);
}

/**
 * Paints [start, end) of the paragraph without touching the DOM, so no feature's marks are disturbed; the
 * features that decorate later (the glossary, when its data arrives) move text nodes, so the range is drawn again
 * after each of their changes.
 */
function highlight(p: HTMLElement, start: number, end: number): boolean {
  const paint = (): Range | null => {
    const r = rangeAt(p, start, end);
    const H = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
    if (r && H) highlights()?.set(HIGHLIGHT, new H(r));
    return r;
  };
  const r = paint();
  if (!r) return false;
  // The paragraph is the target (?id=p12); this tells the shell's target to bring the match, not the paragraph's
  // top, into view (shell/target.ts).
  p.dataset['focus'] = `${start}-${end}`;
  const observer = new MutationObserver(() => void paint());
  observer.observe(p, { childList: true, subtree: true });
  state.shown = { paragraph: p, observer };
  return true;
}

function apply(ctx: RenderContext, hl: string | null): void {
  clearHighlight();
  const at = parseHighlight(hl);
  const m = /^p(\d+)$/.exec(ctx.id ?? '');
  if (!at || !m) return;
  const p = ctx.paragraphs[Number(m[1])];
  if (p && highlight(p, at.start, at.end)) {
    // A screen reader hears the passage it was sent to, not the top of the page.
    p.tabIndex = -1;
    p.focus({ preventScroll: true });
  }
}

let rendered: RenderContext | null = null;

export const searchFeature: Feature = {
  name: 'search',
  mounted() {
    mountBox();
    document.addEventListener('keydown', onKey);
    // A jump within the chapter on screen is not a new render (shell/target.ts): the highlight follows the address.
    onRouteChange(() => {
      if (!rendered?.section.isConnected) return clearHighlight();
      const q = new URLSearchParams(location.hash.split('?')[1] ?? '');
      apply({ ...rendered, id: q.get('id') }, q.get('hl'));
    });
  },
  doneEach(ctx: RenderContext) {
    rendered = ctx;
    apply(ctx, new URLSearchParams(location.hash.split('?')[1] ?? '').get('hl'));
  },
};
