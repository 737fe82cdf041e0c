/**
 * The chronology the page carries: the year index generated at build time (which chapter and anchor each year's
 * entries have; no chapter has to be downloaded to follow a year link) and the era table, checked by the build and
 * bundled without its sources (src/generated/eras.json). The year parser is built only when a chapter's year
 * mentions are wanted, in the features chunk.
 */
import { ErasSchema, readDerived, YearIndexSchema } from '../../core/derived.ts';
import { EraTable, expandEras } from '../../core/eras.ts';
import erasJson from '../../generated/eras.json';
import yearIndexJson from '../../generated/year-index.json';
import { scriptEras } from '../script/data.ts';

export const yearIndex = readDerived(YearIndexSchema, yearIndexJson, 'src/generated/year-index.json');

let table: EraTable | null = null;
let traditional: EraTable | null = null;

/** The era table in the reader's script: the traditional text's era names are matched and shown in its own. */
export function eraTable(): EraTable {
  const rows = scriptEras();
  if (rows) return (traditional ??= new EraTable(expandEras(rows, 'data/eras.tsv')));
  return (table ??= new EraTable(expandEras(readDerived(ErasSchema, erasJson, 'src/generated/eras.json'), 'data/eras.tsv')));
}

/** The first and last years the chronicle has entries for (1086, 1127). */
export function chronicleSpan(): { first: number; last: number } {
  return { first: yearIndex.years[0]!.year, last: yearIndex.years[yearIndex.years.length - 1]!.year };
}
