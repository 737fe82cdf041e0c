/** Disputed era years as the page shows them (no YAML here: the browser bundle takes this, not era-disputes.ts). */
import { sourcesLine } from './citation.ts';
import { formatEraYear, type Era, type EraTable, type State } from './eras.ts';

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

function span(first: number, last: number): string {
  return first === last ? `${first}年` : `${first}—${last}年`;
}

/**
 * The 一说 lines of a year: for each dispute whose reading or whose table row covers the year, the other reading
 * with its basis and sources, the table's years and authority, and what the year is by each.
 */
export function disputeNotes(disputes: readonly EraDispute[], table: EraTable, year: number): string[] {
  const out: string[] = [];
  for (const d of disputes) {
    const row = tableEra(d, table);
    if (!row) continue;
    const inTable = year >= row.first && year <= row.last;
    const inReading = year >= d.first && year <= d.last;
    if (!inTable && !inReading) continue;
    const by = (first: number) => formatEraYear(row, year - first + 1);
    const thisYear = `此年${inTable ? `本站年表为${by(row.first)}` : `本站年表已非${d.era}`}，此说${inReading ? `为${by(d.first)}` : `已非${d.era}`}`;
    out.push(
      `一说${d.state}${d.era}当${span(d.first, d.last)}（本站年表从DDBC作${span(row.first, row.last)}）：${d.basis}` +
        `据${sourcesLine(d.sources)}。${thisYear}。`,
    );
  }
  return out;
}
