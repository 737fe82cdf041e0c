/**
 * The shape every data file in YAML shares: a document whose syntax errors stop it at their line, and lists of
 * mappings whose items and fields are reported at their own lines (unknown fields, missing or empty strings).
 * corrections.yaml, era-disputes.yaml, script/exceptions.yaml and witness/differences.yaml are read through it.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { DataError, DataErrors } from './data-error.ts';
import { yamlErrors } from './yaml-errors.ts';

export interface YamlFile {
  doc: Document;
  /** The 1-based line a node starts on (1 for a node the parser placed nowhere). */
  lineOf(node: unknown): number;
}

/** Parses a data file; throws every syntax error at the line where it is (yaml-errors.ts). */
export function readYaml(text: string, file: string): YamlFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const errors = yamlErrors(file, text, doc.errors, lc);
  if (errors.length) throw new DataErrors(errors);
  return {
    doc,
    lineOf: (node) => {
      const r = (node as YamlNode | null | undefined)?.range;
      return r ? lc.linePos(r[0]).line : 1;
    },
  };
}

export interface YamlItem {
  line: number;
  value: Record<string, unknown>;
  /** The line of a field's key, or the item's line if it has none. */
  fieldLine(key: string): number;
  /** A field that must be a string, non-empty unless `empty`; a fault is recorded at the field and '' returned. */
  str(key: string, empty?: boolean): string;
  /** The line of the k-th item of a list field (the field's line if it is no list). */
  itemLine(key: string, k: number): number;
}

/**
 * The mappings of a YAML list (`what` names an item in messages: "a correction"), each checked for fields not in
 * `fields`. Faults go into `errors`, so a file reports all of them at once; a non-list gives no items.
 */
export function mappingItems(
  list: unknown,
  what: string,
  fields: ReadonlySet<string>,
  { file, lineOf }: { file: string; lineOf: YamlFile['lineOf'] },
  errors: DataError[],
): YamlItem[] {
  if (!isSeq(list)) return [];
  const out: YamlItem[] = [];
  for (const item of list.items) {
    const line = lineOf(item);
    if (!isMap(item)) {
      errors.push(new DataError(file, line, `${what} is a mapping`));
      continue;
    }
    const keyOf = (p: { key: unknown }) => String((p.key as { value?: unknown } | null)?.value);
    for (const p of item.items) if (!fields.has(keyOf(p))) errors.push(new DataError(file, lineOf(p.key), `unknown field "${keyOf(p)}"`));
    const value = item.toJSON() as Record<string, unknown>;
    const fieldLine = (key: string): number => {
      const pair = item.items.find((p) => keyOf(p) === key);
      return pair ? lineOf(pair.key) : line;
    };
    out.push({
      line,
      value,
      fieldLine,
      itemLine(key, k) {
        const pair = item.items.find((p) => keyOf(p) === key);
        const node = isSeq(pair?.value) ? pair.value.items[k] : undefined;
        return node ? lineOf(node) : fieldLine(key);
      },
      str(key, empty = false) {
        const x = value[key];
        if (typeof x === 'string' && (empty || x.trim() !== '')) return x;
        errors.push(new DataError(file, fieldLine(key), `"${key}" must be a ${empty ? '' : 'non-empty '}string`));
        return '';
      },
    });
  }
  return out;
}

/** The top-level sections of a mapping document (`rules:`, `overrides:` …), each a list; others are reported. */
export function sections(
  y: YamlFile,
  file: string,
  known: readonly string[],
  errors: DataError[],
): { key: string; list: unknown; line: number }[] {
  const contents = y.doc.contents;
  if (!isMap(contents)) throw new DataErrors([new DataError(file, 1, `expected a mapping with ${known.join(', ')}`)]);
  const out: { key: string; list: unknown; line: number }[] = [];
  for (const pair of contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value);
    const line = y.lineOf(pair.key);
    if (!known.includes(key)) errors.push(new DataError(file, line, `unknown section "${key}" (expected ${known.join(', ')})`));
    else if (!isSeq(pair.value)) errors.push(new DataError(file, line, `"${key}" must be a list`));
    else out.push({ key, list: pair.value, line });
  }
  return out;
}
