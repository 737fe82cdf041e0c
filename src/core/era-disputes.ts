/**
 * Disputed era years (data/era-disputes.yaml): the era table follows one authority, and where a reachable source
 * implies other years the reader is shown both, as 「一说」, in the bubble of every year either reading touches.
 * This is the parser (build side, with YAML); era-disputes-view.ts has what the page needs. Pure: the caller passes
 * the file's text and the era table.
 */
import { isSeq } from 'yaml';
import { mappingItems, readYaml } from './yaml-data.ts';
import { parseCitation } from './citation.ts';
import { DataError, DataErrors } from './data-error.ts';
import { STATE_SPANS, STATES, type EraTable, type State } from './eras.ts';
import type { EraDispute } from './era-disputes-view.ts';

export { disputeNotes, type EraDispute } from './era-disputes-view.ts';


const FIELDS = new Set(['state', 'era', 'first', 'last', 'basis', 'sources']);

export function parseEraDisputes(text: string, file: string, table: EraTable): EraDispute[] {
  const y = readYaml(text, file);
  if (y.doc.contents === null) return [];
  if (!isSeq(y.doc.contents)) throw new DataErrors([new DataError(file, 1, 'expected a list of disputed eras')]);
  const errors: DataError[] = [];
  const out: EraDispute[] = [];
  for (const { line, value: v, fieldLine, itemLine } of mappingItems(y.doc.contents, 'a disputed era', FIELDS, { file, lineOf: y.lineOf }, errors)) {
    const fail = (key: string, problem: string) => errors.push(new DataError(file, fieldLine(key), problem));
    const state = v['state'];
    if (!(STATES as readonly unknown[]).includes(state)) fail('state', `"state" must be one of ${STATES.join(' ')}`);
    const era = typeof v['era'] === 'string' ? v['era'] : '';
    const rows = table.byName(era).filter((e) => e.state === state);
    if (era === '') fail('era', '"era" must be an era name');
    else if (rows.length === 0) fail('era', `no ${String(state)} era ${era} in the era table`);
    const first = v['first'];
    const last = v['last'];
    const years = Number.isInteger(first) && Number.isInteger(last) && (first as number) <= (last as number);
    if (!years) fail('first', '"first" and "last" must be years, first ≤ last');
    else if ((STATES as readonly unknown[]).includes(state)) {
      const span = STATE_SPANS[state as State];
      if ((first as number) < span.first || (last as number) > span.last) fail('first', `${first}–${last} is outside ${String(state)}`);
    }
    if (years && rows.length && !rows.some((r) => Math.abs(r.first - (first as number)) <= 40)) {
      fail('first', `${first} is far from every ${era} of the table: another era of that name?`);
    }
    if (years && rows.some((r) => r.first === first && r.last === last)) fail('first', 'this reading is the table’s own: nothing disputed');
    // The page names the table's authority as DDBC (disputeNotes): hold the table's row to it.
    if (rows.length && !rows.some((r) => /DDBC/.test(r.source))) fail('era', `the table's ${era} does not follow DDBC: the note would misname it`);
    const basis = typeof v['basis'] === 'string' ? v['basis'].trim() : '';
    if (!basis.endsWith('。')) fail('basis', '"basis" must say why, in a sentence ending 。');
    const sources = v['sources'];
    if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string')) {
      fail('sources', '"sources" must list at least one citation');
    } else {
      sources.forEach((s: string, k) => {
        const problem = parseCitation(s);
        if (typeof problem === 'string') errors.push(new DataError(file, itemLine('sources', k), `source "${s}": ${problem}`));
      });
    }
    out.push({ state: state as State, era, first: first as number, last: last as number, basis, sources: (sources ?? []) as string[], line });
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}

