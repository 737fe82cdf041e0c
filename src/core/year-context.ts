/**
 * The context stage of the year parser: what runs on from one paragraph to the next and from file to file (the
 * narrative's state, era, year, month and day), documents parsed in order, and what follows from the whole
 * chronicle — the entries' anchors, numbered across it, and the ranges the page decorates. years.ts resolves one
 * paragraph; this module strings paragraphs together.
 */
import type { State } from './eras.ts';
import type { Mark } from './marks.ts';
import type { YearMention, YearParser } from './years.ts';

/** What the parser carries from one paragraph (and file) to the next. JSON-serialisable. */
export interface YearContext {
  /** The state and era the narrative counts in. */
  state: State | null;
  era: string | null;
  /** The narrative's current (Chinese) year, as the Gregorian year of its 正月. */
  year: number | null;
  /** The last month dated in that year (1–12) and whether it was the leap month. */
  month: number | null;
  leap: boolean;
  /** JDN of the last day dated, for 翌日. */
  day: number | null;
}

export const START_CONTEXT: Readonly<YearContext> = Object.freeze({
  state: null,
  era: null,
  year: null,
  month: null,
  leap: false,
  day: null,
});

export interface DocumentInput {
  file: string;
  paragraphs: readonly string[];
}

export interface DocumentResult {
  file: string;
  /** The context at the file's start: what the page needs to parse this file alone. */
  start: YearContext;
  mentions: YearMention[];
  end: YearContext;
  warnings: string[];
}

/** Parses files in order, the context running on from each paragraph into the next and from each file into the next. */
export function parseDocuments(parser: YearParser, docs: readonly DocumentInput[], start: Readonly<YearContext> = START_CONTEXT): DocumentResult[] {
  let ctx: YearContext = { ...start };
  return docs.map((doc) => {
    const result: DocumentResult = { file: doc.file, start: { ...ctx }, mentions: [], end: ctx, warnings: [] };
    doc.paragraphs.forEach((text, i) => {
      const r = parser.parseParagraph(text, ctx, i);
      result.mentions.push(...r.mentions);
      result.warnings.push(...r.warnings.map((w) => `${doc.file}: ${w}`));
      ctx = r.ctx;
    });
    result.end = { ...ctx };
    return result;
  });
}

/** `y1088` for the first entry of 1088 in the chronicle, `y1088-2` for the second, … (k is 1-based). */
export function entryAnchor(year: number, k: number): string {
  return k === 1 ? `y${year}` : `y${year}-${k}`;
}

/** Anchors of the entries of documents parsed in order, numbered across all of them; null for non-entries. */
export function assignAnchors(docs: readonly { mentions: readonly YearMention[] }[]): (string | null)[][] {
  const seen = new Map<number, number>();
  return docs.map((d) =>
    d.mentions.map((m) => {
      if (m.kind !== 'entry') return null;
      const k = (seen.get(m.year) ?? 0) + 1;
      seen.set(m.year, k);
      return entryAnchor(m.year, k);
    }),
  );
}

export interface YearMark extends Mark {
  /** `year`: the year expression; `date`: the month/day text after it or standing alone. */
  part: 'year' | 'date';
  mention: YearMention;
}

/** The ranges the page decorates, in text order: a mention's year expression and its date text. */
export function yearMarks(mentions: readonly YearMention[]): YearMark[] {
  const marks: YearMark[] = [];
  for (const m of mentions) {
    if (m.kind !== 'date') marks.push({ paragraph: m.paragraph, start: m.offset, end: m.offset + m.match.length, part: 'year', mention: m });
    if (m.dateMatch !== undefined && m.dateOffset !== undefined) {
      marks.push({ paragraph: m.paragraph, start: m.dateOffset, end: m.dateOffset + m.dateMatch.length, part: 'date', mention: m });
    }
  }
  return marks.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
