/**
 * The chronology the page carries: the year index generated at build time (which chapter and anchor each year's
 * entries have; no chapter has to be downloaded to follow a year link) and the era table, bundled as the text of
 * data/eras.tsv and parsed on first use. The year parser is built only when a chapter's year mentions are wanted.
 */
import erasText from '../../data/eras.tsv';
import { EraTable, parseEras } from '../core/eras.ts';
import { YearParser } from '../core/years.ts';
import yearIndexJson from '../generated/year-index.json';
import type { YearIndex } from './year-link.ts';

export const yearIndex = yearIndexJson as YearIndex;

let table: EraTable | null = null;
let parser: YearParser | null = null;

export function eraTable(): EraTable {
  return (table ??= new EraTable(parseEras(erasText, 'data/eras.tsv')));
}

export function yearParser(): YearParser {
  return (parser ??= new YearParser(eraTable()));
}

/** The first and last years the chronicle has entries for (1086, 1127). */
export function chronicleSpan(): { first: number; last: number } {
  return { first: yearIndex.years[0]!.year, last: yearIndex.years[yearIndex.years.length - 1]!.year };
}
