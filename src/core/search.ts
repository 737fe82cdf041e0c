/**
 * Full-text search over the chronicle's paragraphs, the reign years and the glossary. The index is built once at
 * build time from the same paragraph texts the features decorate (so a hit's offsets are the page's offsets) and
 * searched in the page by plain substring: the text is about 4,000 characters, so a scan costs less than any
 * tokenizer would, and substring matching is what CJK search needs (no word boundaries to guess).
 * Pure: no DOM; the site shows what `search` returns.
 */
import { LINK_FIRST, LINK_LAST, resolveYearLink, type YearIndex } from './year-link.ts';
import { fill, WORDS, type Words } from './words.ts';
import type { EraTable } from './eras.ts';

export interface SearchIndex {
  version: 1;
  chapters: {
    route: string;
    title: string;
    paragraphs: string[];
    /** [paragraph, offset, label] of each year entry, in reading order: 元祐三年（1088）. */
    years: [number, number, string][];
  }[];
  glossary: { term: string; forms: string[]; gloss: string; kind: string; anchor: string }[];
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export type SearchResult =
  | { kind: 'year'; label: string; hash: string }
  | { kind: 'year-message'; text: string }
  | { kind: 'text'; route: string; title: string; paragraph: number; start: number; end: number; year: string | null; snippet: Snippet }
  | { kind: 'term'; term: string; gloss: string; kindName: string; anchor: string };

export interface SearchAnswer {
  query: string;
  results: SearchResult[];
  /** Text hits found; `results` holds at most `limit` of them. */
  textHits: number;
}

/** Clause ends: a snippet is cut at these, so it never starts or stops inside a phrase. */
const CLAUSE = /[，。；：！？、「」『』]/;
const MAX_SIDE = 24;

/** The clause around [start, end): back to the previous clause mark, on to the next one, each side at most 24. */
export function snippetAt(text: string, start: number, end: number): Snippet {
  let from = start;
  while (from > 0 && start - from < MAX_SIDE && !CLAUSE.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < MAX_SIDE && !CLAUSE.test(text[to]!)) to++;
  // Keep the clause mark that closes the clause: it tells the reader the sentence goes on or ends.
  if (to < text.length && CLAUSE.test(text[to]!)) to++;
  // Never half a character outside the BMP (𠼪 is two code units).
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1]!)) to++;
  const before = text.slice(from, start).replace(/^[\s\u3000]+/, '');
  return {
    before: (from > 0 && !CLAUSE.test(text[from - 1]!) ? '…' : '') + before,
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length && !CLAUSE.test(text[to - 1]!) ? '…' : ''),
  };
}

/** The hash that opens a text hit: the paragraph as the target, the match as `hl` (offsets in the paragraph). */
export function hitHash(r: { route: string; paragraph: number; start: number; end: number }): string {
  return `#/${r.route}?id=p${r.paragraph}&hl=${r.start}-${r.end}`;
}

/** `hl=35-37` of an address, checked: two offsets, start before end. */
export function parseHighlight(value: string | null | undefined): { start: number; end: number } | null {
  const m = /^(\d{1,6})-(\d{1,6})$/.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end ? { start, end } : null;
}

/** What the last of `rows` ([paragraph, offset, value], in reading order) at or before a place says: its year. */
export function entryAt<T>(rows: readonly (readonly [number, number, T])[], paragraph: number, offset: number): T | null {
  let value: T | null = null;
  for (const [p, o, v] of rows) {
    if (p < paragraph || (p === paragraph && o <= offset)) value = v;
    else break;
  }
  return value;
}

const yearLabelAt = entryAt<string>;

/** The words of a year's message, in the reader's script (core/words.ts). */
export type SearchWords = Pick<Words, 'searchGap' | 'searchOutside' | 'searchEraShort'>;

/**
 * Everything the query finds: a reign year it names (1088, 元祐三年, 夏天祐民安元年: the core's one year grammar),
 * every occurrence in the text in reading order, and the glossary entries one of whose forms contains it.
 */
export function search(
  index: SearchIndex,
  raw: string,
  years: { index: YearIndex; eras: () => EraTable; label: (year: number) => string; words?: SearchWords },
  limit = 200,
): SearchAnswer {
  const w = years.words ?? WORDS;
  const query = raw.normalize('NFKC').trim().slice(0, 40);
  const results: SearchResult[] = [];
  if (query === '') return { query, results, textHits: 0 };

  if (/^\d{3,4}年?$|年$/.test(query)) {
    const link = resolveYearLink(query, years.index, years.eras);
    if (link.kind === 'entry') {
      results.push({ kind: 'year', label: years.label(link.year), hash: `#/${link.target.chapter}?id=${link.target.anchor}` });
    } else if (link.kind === 'gap') {
      results.push({ kind: 'year-message', text: fill(w.searchGap, { year: link.year }) });
      for (const e of [link.before, link.after]) {
        if (e) results.push({ kind: 'year', label: years.label(e.year), hash: `#/${e.chapter}?id=${e.anchor}` });
      }
    } else if (link.kind === 'outside') {
      results.push({ kind: 'year-message', text: fill(w.searchOutside, { year: link.year, first: LINK_FIRST, last: LINK_LAST }) });
    } else if (link.kind === 'no-such-era-year') {
      results.push({ kind: 'year-message', text: fill(w.searchEraShort, { era: link.era.name, n: link.last }) });
    }
  }

  let textHits = 0;
  for (const ch of index.chapters) {
    ch.paragraphs.forEach((text, paragraph) => {
      for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + query.length)) {
        textHits++;
        if (textHits > limit) continue;
        const end = at + query.length;
        results.push({
          kind: 'text',
          route: ch.route,
          title: ch.title,
          paragraph,
          start: at,
          end,
          year: yearLabelAt(ch.years, paragraph, at),
          snippet: snippetAt(text, at, end),
        });
      }
    });
  }

  for (const g of index.glossary) {
    if (g.forms.some((f) => f.includes(query)) || (query.length > 1 && g.gloss.includes(query))) {
      results.push({ kind: 'term', term: g.term, gloss: g.gloss, kindName: g.kind, anchor: g.anchor });
    }
  }
  return { query, results, textHits };
}
