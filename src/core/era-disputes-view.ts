/** Disputed era years as the page shows them (no YAML here: the browser bundle takes this, not era-disputes.ts). */
import { sourcesLine } from './citation.ts';
import { formatEraYear, type Era, type EraTable, type State } from './eras.ts';
import { fill, WORDS, type Words } from './words.ts';
import { yearSpan } from './year-format.ts';

export interface EraDispute {
  state: State;
  era: string;
  first: number;
  last: number;
  basis: string;
  sources: string[];
  line: number;
}

/** The table's row a dispute is about (the one of that name nearest its years). */
function tableEra(d: EraDispute, table: EraTable): Era | null {
  const rows = table.byName(d.era).filter((e) => e.state === d.state);
  return rows.sort((a, b) => Math.abs(a.first - d.first) - Math.abs(b.first - d.first))[0] ?? null;
}


/**
 * The 一说 lines of a year: for each dispute whose reading or whose table row covers the year, the other reading
 * with its basis and sources, the table's years and authority, and what the year is by each.
 */
export function disputeNotes(disputes: readonly EraDispute[], table: EraTable, year: number, w: Words = WORDS): string[] {
  const out: string[] = [];
  for (const d of disputes) {
    const row = tableEra(d, table);
    if (!row) continue;
    const inTable = year >= row.first && year <= row.last;
    const inReading = year >= d.first && year <= d.last;
    if (!inTable && !inReading) continue;
    const by = (first: number) => formatEraYear(row, year - first + 1);
    out.push(
      fill(w.dispute, {
        state: w[d.state],
        era: d.era,
        span: yearSpan(d.first, d.last, w),
        table: yearSpan(row.first, row.last, w),
        basis: d.basis,
        sources: sourcesLine(d.sources),
        inTable: inTable ? fill(w.disputeTableIs, { year: by(row.first) }) : fill(w.disputeTableNot, { era: d.era }),
        inReading: inReading ? fill(w.disputeReadingIs, { year: by(d.first) }) : fill(w.disputeNotEra, { era: d.era }),
      }),
    );
  }
  return out;
}
