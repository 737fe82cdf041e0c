/**
 * Annotation tooltips: every glossary mark the build computed for this chapter becomes a quiet, focusable term
 * that opens its note. The data (entries, marks, occurrences) is fetched once, after the first render, so it is
 * never on the way of the text.
 */
import { kindTitle, KIND_ORDER, placeLabel, termAnchor, type GlossaryIndex } from '../../core/glossary-view.ts';
import { songYearName } from '../../core/year-format.ts';
import { eraTable } from '../years/year-data.ts';
import { sourcesLine } from '../../core/citation.ts';
import { GlossaryIndexSchema, readDerived } from '../../core/derived.ts';
import { fill, WORDS } from '../../core/words.ts';
import { words } from '../script/words.ts';
import { scriptBase } from '../script/script.ts';
import { printsTerms, showsKind } from '../modes/settings.ts';

/** A kind's name in the reader's script (an unknown kind shows as the data names it). */
function kindWord(kind: string): string {
  return kind in WORDS ? words()[kind as keyof typeof WORDS] : kindTitle(kind);
}
import { el, wrapRange } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { makeTrigger, registerTip } from '../shell/popover.ts';

// The reader's script's glossary: the traditional one is matched on the traditional text (under t/).
const dataUrl = (): string => `${scriptBase()}data/glossary.json`;
const MAX_PLACES = 12;

/** The glossary's state, all of it: the download (started once, again after a failure) and the index once it has arrived. */
const state = {
  data: null as Promise<GlossaryIndex | null> | null,
  loaded: null as GlossaryIndex | null,
};

function load(): Promise<GlossaryIndex | null> {
  state.data ??= fetch(dataUrl())
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${dataUrl()}: ${r.status}`))))
    .then((json: unknown) => readDerived(GlossaryIndexSchema, json, dataUrl()))
    .then((d) => (state.loaded = d))
    .catch((e: unknown) => {
      console.warn('reader: glossary unavailable', e);
      // Asked for again by the next render: a download that failed once (offline for a moment) is not final.
      state.data = null;
      return null;
    });
  return state.data;
}

/**
 * A term's gloss, once the data has arrived (null before, or for a term with no entry): the year bubble shows an
 * era's gloss, since a year expression's mark wins over the era name's own term mark.
 */
export function termGloss(term: string): string | null {
  return state.loaded?.entries.find((e) => e.term === term)?.gloss ?? null;
}

function buildNote(key: string, trigger: HTMLElement): Node | null {
  const i = Number(key);
  const entry = state.loaded?.entries[i];
  if (!state.loaded || !entry) return null;
  const box = el('div', 'term-note');
  const head = el('p', 'popover-head');
  const w = words();
  head.append(el('span', '', entry.term), el('span', `kind-label gl-${entry.kind}`, kindWord(entry.kind)));
  box.append(head, el('p', 'gloss', entry.gloss));
  if (entry.note) box.append(el('p', 'note', entry.note));
  if (entry.modern) {
    const p = el('p', 'modern', w.modern);
    const a = el('a', '', entry.modern);
    a.href = `https://www.openstreetmap.org/search?query=${encodeURIComponent(entry.modern.split(/[，；（(]/)[0]!)}`;
    a.rel = 'noopener';
    a.target = '_blank';
    a.title = w.mapTitle;
    p.append(a);
    box.append(p);
  }
  const route = trigger.dataset['route'];
  const others = state.loaded.occurrences[i]!.filter(([r, p, s]) => !(state.loaded!.routes[r] === route && termAnchor(p, s) === trigger.id));
  if (others.length) {
    // Each place says where it stands (第二章 · 元祐三年（1088）) before its clause: a list of links that only
    // quoted a few characters could not be told apart.
    const p = el('div', 'places');
    const list = el('ul', 'places-list');
    p.append(el('span', 'places-title', w.seeAlso), list);
    for (const [r, para, s, context, year] of others.slice(0, MAX_PLACES)) {
      const a = el('a', '');
      a.href = `#/${state.loaded.routes[r]}?id=${termAnchor(para, s)}`;
      a.append(el('span', 'place-where', `${placeLabel(r, year, (y) => songYearName(eraTable(), y))}：`), el('span', 'place-text', context));
      const li = el('li', '');
      li.append(a);
      list.append(li);
    }
    if (others.length > MAX_PLACES) {
      const all = el('a', '', fill(w.allPlaces, { n: others.length + 1 }));
      all.href = `#/glossary?id=${entry.anchor}`;
      p.append(all);
    }
    box.append(p);
  }
  box.append(el('p', 'source', fill(w.source, { sources: sourcesLine(entry.sources) })));
  return box;
}

function legend(present: Set<string>): HTMLElement {
  // Not a <p>: the chronicle's paragraphs are the section's <p> children (ARCHITECTURE.md, paragraph addressing).
  const box = el('div', 'gl-legend');
  box.setAttribute('data-decoration', '');
  box.append(el('span', 'gl-legend-title', words().legend));
  for (const kind of KIND_ORDER) {
    if (present.has(kind)) box.append(el('span', `gl gl-${kind}`, kindWord(kind)), ' ');
  }
  const all = el('a', '', words().legendIndex);
  all.href = '#/glossary';
  box.append(all);
  return box;
}

function decorate(ctx: RenderContext, index: GlossaryIndex): void {
  const marks = index.marks[ctx.route];
  if (!marks) return;
  // bench/years.bench.ts reads this measure: the glossary's share of a render.
  performance.mark('glossary:start');
  const present = new Set<string>();
  for (const [e, p, start, end] of marks) {
    const entry = index.entries[e];
    const para = ctx.paragraphs[p];
    if (!entry || !para || !showsKind(entry.kind)) continue;
    const span = el('span', `gl gl-${entry.kind}`);
    span.id = termAnchor(p, start);
    span.dataset['route'] = ctx.route;
    // Printed notes follow the mode: 简注 prints years and 校 only.
    if (printsTerms()) {
      span.dataset['printNote'] = `${entry.term}：${entry.gloss}`;
      span.dataset['printKey'] = entry.term;
    }
    if (!wrapRange(para, start, end, span)) continue;
    makeTrigger(span, 'term', String(e));
    present.add(entry.kind);
  }
  // After the text, so whatever other features add at the chapter's end stays after it; a redecoration (a reading
  // mode changed) replaces the legend it gave before.
  ctx.section.querySelector(':scope > .gl-legend')?.remove();
  if (present.size) ctx.paragraphs.at(-1)?.after(legend(present));
  performance.measure('glossary:decorate', 'glossary:start');
}

export const glossary: Feature = {
  name: 'glossary',
  mounted() {
    registerTip('term', buildNote);
  },
  doneEach(ctx: RenderContext) {
    // Elsewhere the data is only on its way (preloadGlossary): the render is ready once it has arrived.
    if (!/^chapters\//.test(ctx.route)) return load().then(() => undefined);
    if (state.loaded) {
      decorate(ctx, state.loaded);
      return undefined;
    }
    return load().then((index) => {
      // The reader may have moved on while the data arrived.
      // Docsify reuses the section: the render is still on screen only if its paragraphs are.
      if (index && ctx.paragraphs[0]?.isConnected) decorate(ctx, index);
    });
  },
};

/** Starts the download early but after the first text: called from the plugin's `ready`. */
export function preloadGlossary(): void {
  void load();
}
