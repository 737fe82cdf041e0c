/**
 * The glossary index as the site reads it: its shape, the ids of occurrences, the names of kinds. It imports no
 * code, so the browser bundle takes this and not the YAML parser that the build side (glossary-index.ts) needs.
 */
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
  /** By entry index: [route index, paragraph, start, a few characters around it] of each occurrence, in order. */
  occurrences: [number, number, number, string][][];
}

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

const KIND_TITLES: Record<string, string> = {
  person: '人物',
  state: '国族',
  place: '地名',
  office: '官职',
  institution: '机构',
  era: '年号',
  object: '名物',
  term: '词语',
};

export function kindTitle(kind: string): string {
  return KIND_TITLES[kind] ?? kind;
}

export const KIND_ORDER = Object.keys(KIND_TITLES);
