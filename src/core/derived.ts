/**
 * The shapes of the derived data (src/generated/*.json, written by `npm run gen`; site/data/glossary.json, written
 * by the build) as schemas, so that whoever reads one checks it there instead of trusting a cast: a stale or hand-
 * edited file fails with the file and the path inside it, not as a wrong page later. A schema that only a late
 * feature reads lives beside this file (derived-map.ts), so the first script, which reads the year index, does not
 * carry it. The generators' output types
 * are these schemas' (a generator cannot write what its reader would refuse).
 */
import type { SearchIndex } from './search.ts';
import * as v from 'valibot';
import { STATES, type CompactEra } from './eras.ts';
import type { GlossaryIndex } from './glossary-view.ts';
import { KINDS } from './glossary-view.ts';
import type { YearIndex } from './year-link.ts';

const int = v.pipe(v.number(), v.integer());
const str = v.string();
const state = v.picklist(STATES);

const YearContextSchema = v.object({
  state: v.nullable(state),
  era: v.nullable(str),
  year: v.nullable(int),
  month: v.nullable(int),
  leap: v.boolean(),
  day: v.nullable(int),
});

export const YearIndexSchema: v.GenericSchema<unknown, YearIndex> = v.object({
  chapters: v.array(
    v.object({
      chapter: str,
      start: YearContextSchema,
      entries: v.array(v.object({ paragraph: int, offset: int, end: int, year: int, anchor: str })),
    }),
  ),
  years: v.array(v.object({ year: int, chapter: str, anchor: str, entries: v.array(v.object({ chapter: str, anchor: str })) })),
});

export const ErasSchema: v.GenericSchema<unknown, CompactEra[]> = v.array(v.tuple([state, str, str, str, int, int, v.nullable(str), int]));

/** src/generated/era-spellings.json: a traditional era or state name → the simplified one (EraTable's spellings). */
export const EraSpellingsSchema: v.GenericSchema<unknown, Record<string, string>> = v.record(str, str);

export interface NotesData {
  /** By correction id: the note, the corrected text, and the number and id of its 校勘记 entry. */
  notes: Record<string, { text: string; reading: string; certainty: string; kind: string; n: number; entry: string }>;
  /** By chapter route: the corrected characters' places, with the note's id there. */
  marks: Record<string, { paragraph: number; start: number; end: number; id: string; anchor: string }[]>;
}

export const NotesSchema: v.GenericSchema<unknown, NotesData> = v.object({
  notes: v.record(str, v.object({ text: str, reading: str, certainty: str, kind: str, n: int, entry: str })),
  marks: v.record(str, v.array(v.object({ paragraph: int, start: int, end: int, id: str, anchor: str }))),
});

export type ChapterList = { route: string; title: string }[];

export const ChaptersSchema: v.GenericSchema<unknown, ChapterList> = v.array(v.object({ route: str, title: str }));

export const GlossaryIndexSchema: v.GenericSchema<unknown, GlossaryIndex> = v.object({
  entries: v.array(
    v.object({
      term: str,
      anchor: str,
      kind: v.picklist(KINDS),
      gloss: str,
      sources: v.array(str),
      aliases: v.optional(v.array(str)),
      short: v.optional(v.array(str)),
      note: v.optional(str),
      modern: v.optional(str),
    }),
  ),
  routes: v.array(str),
  marks: v.record(str, v.array(v.tuple([int, int, int, int]))),
  occurrences: v.array(v.array(v.tuple([int, int, int, str, v.nullable(int)]))),
});

export const SearchIndexSchema: v.GenericSchema<unknown, SearchIndex> = v.object({
  version: v.literal(1),
  chapters: v.array(
    v.object({ route: str, title: str, paragraphs: v.array(str), years: v.array(v.tuple([int, int, str])) }),
  ),
  glossary: v.array(v.object({ term: str, forms: v.array(str), gloss: str, kind: str, anchor: str })),
});

/** The data, checked against its schema; throws naming `file` and the first faulty place in it. */
export function readDerived<T>(schema: v.GenericSchema<unknown, T>, data: unknown, file: string): T {
  const r = v.safeParse(schema, data);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new Error(`${file}: ${path ? `at ${path}: ` : ''}${issue.message}`);
}

/**
 * A year mention as the page receives it (site/data/years.json, written by scripts/steps/prerender.ts): the parser's
 * result at build time, without the parallel eras the page computes from the era table. The state is a string: the
 * traditional copy of the file carries the states' names converted (遼).
 */
export interface PageMention {
  year: number;
  era: string | null;
  eraYear: number | null;
  state: string | null;
  kind: 'entry' | 'reference' | 'date';
  paragraph: number;
  offset: number;
  match: string;
  summary?: true;
  counted?: [number, number];
  date?: { julian: string | [string, string]; gregorian: string | [string, string] };
  dateMatch?: string;
  dateOffset?: number;
  month?: { month: number; leap: boolean };
}

const dateText = v.union([str, v.tuple([str, str])]);

export const YearMentionsSchema: v.GenericSchema<unknown, { chapters: Record<string, PageMention[]> }> = v.object({
  chapters: v.record(
    str,
    v.array(
      v.object({
        year: int,
        era: v.nullable(str),
        eraYear: v.nullable(int),
        state: v.nullable(str),
        kind: v.picklist(['entry', 'reference', 'date']),
        paragraph: int,
        offset: int,
        match: str,
        summary: v.optional(v.literal(true)),
        counted: v.optional(v.tuple([int, int])),
        date: v.optional(v.object({ julian: dateText, gregorian: dateText })),
        dateMatch: v.optional(str),
        dateOffset: v.optional(int),
        month: v.optional(v.object({ month: int, leap: v.boolean() })),
      }),
    ),
  ),
});

/** The parts of src/generated/traditional.json the build's prerendered pages read. */
export const TraditionalPagesSchema: v.GenericSchema<unknown, { words: Record<string, string>; chapters: Record<string, string>; notes: Record<string, { text: string; reading: string }> }> =
  v.object({
    words: v.record(str, str),
    chapters: v.record(str, str),
    notes: v.record(str, v.object({ text: str, reading: str })),
  });
