/**
 * The timeline's reviewed vocabulary (data/pictures/): the kinds of event a dated passage tells, each with the
 * chronicle's words that signal it and the reason (event-kinds.yaml), and the bands the era table does not give
 * (regencies.yaml). Pure: the caller passes the files' texts and the chronicle's text, which every word must occur
 * in (a word the text never uses would be guesswork, not review).
 */
import * as v from 'valibot';
import { parseCitation } from './citation.ts';
import { DataError, DataErrors } from './data-error.ts';
import { STATES, type State } from './eras.ts';
import { readYamlList } from './yaml-list.ts';

export interface EventKind {
  /** `[a-z]+`: the mark's class and the data's key. */
  id: string;
  /** The kind as the page names it: 攻, 来贡. */
  name: string;
  words: string[];
  reason: string;
}

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const KindSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z]+$/, 'must be lower-case letters (it is a class name)')),
  name: text,
  words: v.pipe(v.array(text), v.minLength(1, 'list at least one word')),
  reason: v.pipe(text, v.endsWith('。', 'must say why, in a sentence ending 。')),
});

export function parseEventKinds(textIn: string, file: string, chronicle: string): EventKind[] {
  const items = readYamlList(textIn, file, 'a kind', ['id', 'name', 'words', 'reason'], KindSchema);
  const errors: DataError[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const { value: k, line, lineOf } of items) {
    if (ids.has(k.id)) errors.push(new DataError(file, line, `kind "${k.id}" is here twice`));
    ids.add(k.id);
    for (const w of k.words) {
      if (!chronicle.includes(w)) errors.push(new DataError(file, lineOf('words'), `"${w}" (${k.name}) does not occur in the chronicle`));
      const other = owner.get(w);
      if (other) errors.push(new DataError(file, lineOf('words'), `"${w}" is a word of both ${other} and ${k.name}`));
      owner.set(w, k.name);
    }
  }
  if (errors.length) throw new DataErrors(errors);
  return items.map((i) => i.value);
}

/** The kinds a passage is of, in the list's order (its mark takes the first). */
export function kindsOf(passage: string, kinds: readonly EventKind[]): EventKind[] {
  return kinds.filter((k) => k.words.some((w) => passage.includes(w)));
}

export interface Regency {
  state: State;
  name: string;
  /** [Gregorian year of the Chinese year, Chinese month]. */
  from: [number, number];
  to: [number, number];
  basis: string;
  sources: string[];
}

const yearMonth = v.tuple([v.pipe(v.number(), v.integer()), v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12))]);

const RegencySchema = v.object({
  state: v.picklist(STATES),
  name: text,
  from: yearMonth,
  to: yearMonth,
  basis: v.pipe(text, v.endsWith('。', 'must say why, in a sentence ending 。')),
  sources: v.pipe(v.array(text), v.minLength(1, 'list at least one citation')),
});

export function parseRegencies(textIn: string, file: string): Regency[] {
  const items = readYamlList(textIn, file, 'a regency', ['state', 'name', 'from', 'to', 'basis', 'sources'], RegencySchema);
  const errors: DataError[] = [];
  for (const { value: r, lineOf } of items) {
    if (r.from[0] * 12 + r.from[1] > r.to[0] * 12 + r.to[1]) errors.push(new DataError(file, lineOf('to'), '"to" is before "from"'));
    for (const s of r.sources) {
      const c = parseCitation(s);
      if (typeof c === 'string') errors.push(new DataError(file, lineOf('sources'), `source "${s}": ${c}`));
    }
  }
  if (errors.length) throw new DataErrors(errors);
  return items.map((i) => i.value as Regency);
}
