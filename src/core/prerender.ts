/**
 * A chapter paragraph as HTML with the decorations the features add to it in the page (year marks, textual notes,
 * glossary terms), built at build time from the same marks: the first script paints it before Docsify has run
 * (src/site/prerender/), so it must lay out exactly as the decorated page will. The markup here is the features'
 * (notes.ts, years/year-marks.ts, glossary.ts) without their behaviour (no ids, no popover triggers); a browser test
 * holds the two to the same structure (tests/browser/prerender.test.ts).
 */
import { markerOffset } from './jiaokan-view.ts';
import type { TermOverride } from './text.ts';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A range of a paragraph's text and the markup around it; `rank` orders marks over the same range, outer first. */
export interface HtmlMark {
  start: number;
  end: number;
  open: string;
  close: string;
  rank: number;
  /**
   * Markup that follows the mark in the page not where it ends but after the outermost mark around its place (a
   * textual note's marker: notes.ts puts it after the whole term or year expression, at `markerOffset`).
   */
  after?: string;
}

/*
 * Ranks follow the page: the features wrap in the order notes, years, glossary, and a later wrap over the same text
 * goes outside an earlier one (dom-text.ts wraps an element whole); the chapter's own term spans are innermost.
 */
const RANK = { term: 0, year: 1, note: 2, override: 3 } as const;

export interface YearMarkInput {
  start: number;
  end: number;
  year: number;
  /** The entry's anchor, or null for a reference. */
  anchor: string | null;
  summary?: boolean;
}

/**
 * The cite feature's decorations as the prerendered copy carries them (src/site/cite/cite.ts builds the live ones):
 * an entry's 「引」 right after the entry (`withEntryCite`), a paragraph's at its end, and its ¶ number first (the first script drops
 * the number unless the reader shows numbers, and all three in 白文: src/site/cite/settings.ts `followCite`).
 */
export const CITE_ENTRY_HTML = '<button class="cite-btn cite-entry" data-decoration="" type="button" tabindex="-1" aria-hidden="true"></button>';
export const CITE_PARAGRAPH_HTML = '<button class="cite-btn cite-para" data-decoration="" type="button" tabindex="-1" aria-hidden="true"></button>';

export function paragraphNumberHtml(route: string, n: number): string {
  return `<a class="cite-pn" data-decoration="" data-n="${n}" href="#/${escapeHtml(route)}?id=p${n}" tabindex="-1" aria-hidden="true"></a>`;
}

/** An entry's mark with the cite feature's button after it (not inside it: the entry is the years feature's). */
export function withEntryCite(m: HtmlMark): HtmlMark {
  return { ...m, close: m.close + CITE_ENTRY_HTML };
}

/** A chapter paragraph's inner HTML with its ¶ number first and its 「引」 last. */
export function citedParagraphHtml(route: string, n: number, inner: string): string {
  return `${paragraphNumberHtml(route, n)}${inner}${CITE_PARAGRAPH_HTML}`;
}

export function yearHtmlMark(m: YearMarkInput): HtmlMark {
  const greg = `<span class="y-greg" data-decoration="" data-year="${m.year}"></span>`;
  if (m.anchor) {
    return {
      start: m.start,
      end: m.end,
      rank: RANK.year,
      open: `<span class="y y-entry" data-anchor="${escapeHtml(m.anchor)}" data-year="${m.year}"><span class="y-expr">`,
      close: `</span>${greg}<button class="y-copy" data-decoration="" type="button" tabindex="-1" aria-hidden="true"></button></span>`,
    };
  }
  return {
    start: m.start,
    end: m.end,
    rank: RANK.year,
    open: `<span class="y y-ref${m.summary ? ' y-summary' : ''}"><span class="y-expr">`,
    close: `</span>${greg}</span>`,
  };
}

export function noteHtmlMark(m: { start: number; end: number; anchor: string }): HtmlMark {
  return {
    start: m.start,
    end: m.end,
    rank: RANK.note,
    open: `<span class="tn" data-anchor="${escapeHtml(m.anchor)}">`,
    close: '</span>',
    // The live marker is a span with the button role (notes.ts: a <button> may begin a line); the copy is inert.
    after: '<span class="tn-marker" data-decoration="" aria-hidden="true"></span>',
  };
}

export function termHtmlMark(m: { start: number; end: number; kind: string; anchor: string }): HtmlMark {
  return {
    start: m.start,
    end: m.end,
    rank: RANK.term,
    open: `<span class="gl gl-${escapeHtml(m.kind)}" data-anchor="${escapeHtml(m.anchor)}">`,
    close: '</span>',
  };
}

/** The chapter's own `<span data-term="…">`, as the markdown has it (Docsify renders it as it is). */
export function overrideHtmlMark(o: TermOverride): HtmlMark {
  return { start: o.start, end: o.end, rank: RANK.override, open: `<span data-term="${escapeHtml(o.term ?? '')}">`, close: '</span>' };
}

/**
 * The paragraph's text with every mark's markup around its range. Marks nest (the core never gives crossing marks:
 * notes are single characters, years and terms never overlap); a crossing pair is a fault of the data and throws.
 */
export function decoratedHtml(text: string, marks: readonly HtmlMark[]): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  // Where each `after` goes: past the outermost mark around its place, as the page moves it there.
  const points = marks
    .filter((m) => m.after !== undefined)
    .map((m) => {
      const at = markerOffset(text, m.start, m.end);
      const around = marks.filter((o) => o.start < at && o.end >= at);
      return { at: Math.max(at, ...around.map((o) => o.end)), html: m.after! };
    })
    .sort((a, b) => a.at - b.at);
  const stack: HtmlMark[] = [];
  let out = '';
  let pos = 0;
  const textTo = (x: number): void => {
    out += escapeHtml(text.slice(pos, x));
    pos = x;
  };
  const closeTo = (x: number): void => {
    while (stack.length && stack[stack.length - 1]!.end <= x) {
      const m = stack.pop()!;
      textTo(m.end);
      out += m.close;
    }
  };
  const placePoints = (upTo: number): void => {
    while (points.length && points[0]!.at <= upTo) {
      const p = points.shift()!;
      closeTo(p.at);
      textTo(p.at);
      out += p.html;
    }
  };
  for (const m of sorted) {
    placePoints(m.start);
    if (m.end <= m.start || m.start < 0 || m.end > text.length) throw new Error(`mark ${m.start}–${m.end} outside the paragraph (${text.length})`);
    closeTo(m.start);
    const outer = stack[stack.length - 1];
    if (outer && outer.end < m.end) throw new Error(`marks ${outer.start}–${outer.end} and ${m.start}–${m.end} cross`);
    textTo(m.start);
    out += m.open;
    stack.push(m);
  }
  placePoints(text.length);
  closeTo(Number.POSITIVE_INFINITY);
  textTo(text.length);
  return out;
}
