/**
 * A reviewed data file that is a YAML list of records, checked item by item against a valibot schema: every fault
 * is reported at once, each at the line of the field it concerns (or of the item), as `file:line: problem`.
 */
import * as v from 'valibot';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { DataError, DataErrors } from './data-error.ts';
import { yamlErrors } from './yaml-errors.ts';

export interface Located<T> {
  value: T;
  line: number;
  /** The line of a field of this item (the item's own line when it has no such field). */
  lineOf(field: string): number;
}

export function readYamlList<T>(text: string, file: string, schema: v.GenericSchema<unknown, T>): Located<T>[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) throw new DataErrors(yamlErrors(file, text, doc.errors, lc));
  const lineAt = (node: YamlNode | null | undefined): number => (node?.range ? lc.linePos(node.range[0]).line : 1);
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new DataErrors([new DataError(file, 1, 'expected a list')]);
  const errors: DataError[] = [];
  const out: Located<T>[] = [];
  for (const item of doc.contents.items) {
    const line = lineAt(item as YamlNode);
    const lineOf = (field: string): number => {
      if (!isMap(item)) return line;
      const pair = item.items.find((p) => (p.key as { value?: unknown } | null)?.value === field);
      return pair ? lineAt(pair.key as YamlNode) : line;
    };
    const r = v.safeParse(schema, (item as { toJSON(): unknown }).toJSON());
    if (!r.success) {
      for (const issue of r.issues) {
        const key = issue.path?.[0]?.key;
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
        errors.push(new DataError(file, typeof key === 'string' ? lineOf(key) : line, `${path ? `"${path}": ` : ''}${issue.message}`));
      }
      continue;
    }
    out.push({ value: r.output, line, lineOf });
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}
