/**
 * The chronology the page carries: the year index generated at build time (which chapter and anchor each year's
 * entries have; no chapter has to be downloaded to follow a year link) and the era table, checked by the build and
 * bundled without its sources (src/generated/eras.json). The year parser is built only when a chapter's year
 * mentions are wanted, in the features chunk.
 */
import { EraSpellingsSchema, ErasSchema, readDerived } from '../../core/derived.ts';
import { EraTable, expandEras } from '../../core/eras.ts';
import erasJson from '../../generated/eras.json';
import spellingsJson from '../../generated/era-spellings.json';
import { scriptEras } from '../script/data.ts';

import { yearIndex } from './year-index.ts';

export { yearIndex };

let table: EraTable | null = null;
let traditional: EraTable | null = null;

/** Traditional era and state names to simplified ones; the traditional table reads them the other way round. */
const spellings = (): Record<string, string> => readDerived(EraSpellingsSchema, spellingsJson, 'src/generated/era-spellings.json');
const reversed = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([a, b]) => [b, a]));

/**
 * The era table in the reader's script: the traditional text's era names are matched and shown in its own. Either
 * table also reads the other script's names where a reader types them (year links, search).
 */
export function eraTable(): EraTable {
  const rows = scriptEras();
  if (rows) return (traditional ??= new EraTable(expandEras(rows, 'data/eras.tsv'), reversed(spellings())));
  return (table ??= new EraTable(expandEras(readDerived(ErasSchema, erasJson, 'src/generated/eras.json'), 'data/eras.tsv'), spellings()));
}

/** The first and last years the chronicle has entries for (1086, 1127). */
export function chronicleSpan(): { first: number; last: number } {
  return { first: yearIndex.years[0]!.year, last: yearIndex.years[yearIndex.years.length - 1]!.year };
}
