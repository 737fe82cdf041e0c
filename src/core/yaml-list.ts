/**
 * A reviewed data file that is a YAML list of records, read through the one YAML reader (yaml-data.ts: syntax
 * errors, unknown fields, lines) and each record checked against a valibot schema: every fault is reported at once,
 * each at the line of the field it concerns (or of the item), as `file:line: problem`.
 */
import * as v from 'valibot';
import { isSeq } from 'yaml';
import { DataError, DataErrors } from './data-error.ts';
import { mappingItems, readYaml } from './yaml-data.ts';

export interface Located<T> {
  value: T;
  line: number;
  /** The line of a field of this item (the item's own line when it has no such field). */
  lineOf(field: string): number;
}

/** `what` names an item in messages ("a place"); `fields` are the fields an item may have. */
export function readYamlList<T>(text: string, file: string, what: string, fields: readonly string[], schema: v.GenericSchema<unknown, T>): Located<T>[] {
  const y = readYaml(text, file);
  if (y.doc.contents === null) return [];
  if (!isSeq(y.doc.contents)) throw new DataErrors([new DataError(file, 1, `expected a list, each item ${what}`)]);
  const errors: DataError[] = [];
  const out: Located<T>[] = [];
  for (const item of mappingItems(y.doc.contents, what, new Set(fields), { file, lineOf: y.lineOf }, errors)) {
    const r = v.safeParse(schema, item.value);
    if (!r.success) {
      for (const issue of r.issues) {
        const key = issue.path?.[0]?.key;
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
        errors.push(new DataError(file, typeof key === 'string' ? item.fieldLine(key) : item.line, `${path ? `"${path}": ` : ''}${issue.message}`));
      }
      continue;
    }
    out.push({ value: r.output, line: item.line, lineOf: item.fieldLine });
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}
