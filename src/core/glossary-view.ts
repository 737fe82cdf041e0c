/**
 * The glossary index as the site reads it: its shape, the ids of occurrences, the names of kinds. It imports only
 * the page's words, so the browser bundle takes this and not the YAML parser that the build side (glossary-index.ts) needs.
 */
import { WORDS } from './words.ts';
import type { GlossaryEntryData } from './glossary.ts';

export const KINDS = ['person', 'place', 'office', 'institution', 'era', 'state', 'object', 'term'] as const;
export type Kind = (typeof KINDS)[number];

/** [entry index, paragraph, start, end]: compact, since a chapter has hundreds. */
export type CompactMark = [number, number, number, number];

export interface GlossaryIndex {
  entries: GlossaryEntryData[];
  routes: string[];
  /** By route: the chapter's glossary marks in reading order. */
  marks: Record<string, CompactMark[]>;
  /**
   * By entry index, each occurrence in order: [route index, paragraph, start, its clause (cut at clause marks,
   * core/search.ts snippetAt), the year of the entry it stands in (null before a chapter's first)].
   */
  occurrences: [number, number, number, string, number | null][][];
}

/**
 * Where an occurrence stands, for a list of places: 第二章 · 元祐三年（1088）. `yearName` is the era year's name in
 * the reader's script (core/year-format.ts songYearName).
 */
export function placeLabel(route: number, year: number | null, yearName: (year: number) => string): string {
  return `第${CHAPTER_NUMERALS[route] ?? route + 1}章${year === null ? '' : ` · ${yearName(year)}（${year}）`}`;
}

const CHAPTER_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The id of a term's occurrence, usable as `?id=` (ARCHITECTURE.md, "Anchors"). */
export function termAnchor(paragraph: number, start: number): string {
  return `t${paragraph}-${start}`;
}

/**
 * The id of an entry on the glossary page, usable as `?id=`: ids take `[\w-]` only (ARCHITECTURE.md, "Anchors"),
 * so the term is spelt by its code points — stable as long as the term is, whatever the entries' order.
 */
export function entryAnchor(term: string): string {
  return `g-${[...term].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

/** The glossary page's order of kinds. */
export const KIND_ORDER = ['person', 'state', 'place', 'office', 'institution', 'era', 'object', 'term'] as const;

/** A kind's name (人物, 地名, …) as the page's words give it; an unknown kind as the data names it. */
export function kindTitle(kind: string): string {
  return (KIND_ORDER as readonly string[]).includes(kind) ? WORDS[kind as (typeof KIND_ORDER)[number]] : kind;
}
