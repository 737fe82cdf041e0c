/**
 * The traditional text checked against the 四库本 (data/witness/): both are reduced to their Chinese characters
 * (the witness has no punctuation), the witness's variant forms and Qianlong renamings are normalised, the two are
 * aligned character by character (jsdiff), and every remaining difference must be a listed reading.
 */
import { diffArrays } from 'diff';
import { DataError, DataErrors } from './data-error.ts';
import { mappingItems, readYaml, sections } from './yaml-data.ts';

export interface Form {
  /** As the witness writes it: one character, or a Kanripo entity such as `&KR1529;`. */
  witness: string;
  /** The form the reader's traditional text uses. */
  standard: string;
  line: number;
}

export interface Renaming {
  witness: string;
  ours: string;
  note: string;
  line: number;
}

export interface Reading {
  /** The place in the reader's simplified text, the differing part in brackets: `时年[二]十六`. */
  at: string;
  /** What the witness has there (normalised forms), empty when the witness lacks it. */
  witness: string;
  note: string;
  line: number;
}

export interface WitnessData {
  forms: Form[];
  renamings: Renaming[];
  readings: Reading[];
}

const SECTIONS: Record<string, string[]> = {
  forms: ['witness', 'standard'],
  renamings: ['witness', 'ours', 'note'],
  readings: ['at', 'witness', 'note'],
};

export function parseWitnessData(text: string, file: string): WitnessData {
  const y = readYaml(text, file);
  const errors: DataError[] = [];
  const out: WitnessData = { forms: [], renamings: [], readings: [] };
  for (const { key, list } of sections(y, file, Object.keys(SECTIONS), errors)) {
    for (const { line, str } of mappingItems(list, `an item of "${key}"`, new Set(SECTIONS[key]), { file, lineOf: y.lineOf }, errors)) {
      if (key === 'forms') {
        const f = { witness: str('witness'), standard: str('standard'), line };
        if (f.standard && [...f.standard].length !== 1) errors.push(new DataError(file, line, `"standard" is one character`));
        out.forms.push(f);
      } else if (key === 'renamings') out.renamings.push({ witness: str('witness'), ours: str('ours'), note: str('note'), line });
      else {
        const r = { at: str('at'), witness: str('witness', true), note: str('note'), line };
        if (r.at && !/^[^[\]]*\[[^[\]]*\][^[\]]*$/.test(r.at)) errors.push(new DataError(file, line, `"at" marks the differing part with one pair of brackets: 时年[二]十六`));
        out.readings.push(r);
      }
    }
  }
  const seen = new Map<string, number>();
  for (const f of out.forms) {
    if (seen.has(f.witness)) errors.push(new DataError(file, f.line, `${f.witness} is listed already (line ${seen.get(f.witness)})`));
    seen.set(f.witness, f.line);
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}

/** The witness's running text: Kanripo's headers, page breaks and line marks removed. */
export function witnessRunningText(raw: string): string {
  return raw
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('')
    .replace(/<pb:[^>]*>/g, '')
    .replace(/¶/g, '');
}

const HAN = /\p{Script=Han}/u;

export interface Difference {
  /** What the witness has, normalised (empty: the witness lacks what we have). */
  witness: string;
  /** What the reader's traditional text has (empty: we lack what the witness has). */
  ours: string;
  /** The place in the simplified text, the differing part in brackets, as `readings` write it. */
  context: string;
  from: number;
  to: number;
}

export interface Comparison {
  differences: Difference[];
  /** Differences not listed as readings. */
  unlisted: Difference[];
  /** Readings that match no difference (the text or the list changed). */
  stale: DataError[];
  /** Characters compared on our side. */
  compared: number;
}

/**
 * Aligns `traditional` (the reader's text, character-aligned with `simplified`) with the witness. Both are single
 * strings (the chapters' paragraphs joined); `file` names the data file in messages.
 */
export function compareWithWitness(simplified: string, traditional: string, witnessRaw: string, data: WitnessData, file: string): Comparison {
  const single = new Map(data.forms.filter((f) => [...f.witness].length === 1).map((f) => [f.witness, f.standard]));
  const norm = (c: string) => single.get(c) ?? c;
  // Our side: each Chinese character with its offset in the simplified text (the two are aligned).
  const ours: { c: string; unit: number }[] = [];
  for (let i = 0; i < traditional.length; ) {
    const c = String.fromCodePoint(traditional.codePointAt(i)!);
    if (HAN.test(c)) ours.push({ c: norm(c), unit: i });
    i += c.length;
  }
  let w = witnessRunningText(witnessRaw);
  for (const f of data.forms) if ([...f.witness].length > 1) w = w.split(f.witness).join(f.standard);
  w = w.normalize('NFC');
  w = [...w].map(norm).join('');
  for (const r of data.renamings) w = w.split(r.witness).join(r.ours);
  const wc = [...w].filter((c) => HAN.test(c));
  const head = ours.slice(0, 12).map((x) => x.c).join('');
  const tail = ours.slice(-3).map((x) => x.c).join('');
  const whole = wc.join('');
  const startUnits = whole.indexOf(head);
  // The witness goes on past our last year: its end is the last occurrence of our last characters within reach.
  const endUnits = startUnits < 0 ? -1 : whole.lastIndexOf(tail, startUnits + Math.ceil(ours.length * 1.1));
  if (startUnits < 0 || endUnits < startUnits) throw new Error(`witness: the chapters' first (${head}) or last (${tail}) characters are not in the witness`);
  const slice = [...whole.slice(startUnits, endUnits + tail.length)];

  const contextAt = (from: number, to: number): string => {
    const a = from < ours.length ? ours[from]!.unit : simplified.length;
    const b = to > from ? ours[to - 1]!.unit + ours[to - 1]!.c.length : a;
    const before = simplified.slice(Math.max(0, a - 8), a).replace(/^.*\n/s, '');
    const after = simplified.slice(b, b + 4).replace(/\n.*$/s, '');
    return `${before}[${simplified.slice(a, b)}]${after}`;
  };
  const differences: Difference[] = [];
  let at = 0;
  const parts = diffArrays(slice, ours.map((x) => x.c));
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!p.added && !p.removed) {
      at += p.count ?? p.value.length;
      continue;
    }
    let witness = '';
    let mine = '';
    if (p.removed) {
      witness = p.value.join('');
      if (parts[i + 1]?.added) mine = parts[++i]!.value.join('');
    } else mine = p.value.join('');
    const n = [...mine].length;
    differences.push({ witness, ours: mine, context: contextAt(at, at + n), from: at, to: at + n });
    at += n;
  }

  const stale: DataError[] = [];
  const listed = new Set<Difference>();
  for (const r of data.readings) {
    const open = r.at.indexOf('[');
    const inner = r.at.slice(open + 1, r.at.indexOf(']'));
    const plain = r.at.replace(/[[\]]/g, '');
    const pos = simplified.indexOf(plain);
    if (pos < 0 || simplified.indexOf(plain, pos + 1) >= 0) {
      stale.push(new DataError(file, r.line, `"${plain}" must occur exactly once in the chapters (found ${pos < 0 ? 0 : 'more than one'})`));
      continue;
    }
    const a = pos + open;
    const b = a + inner.length;
    const found = (i: number) => (i < 0 ? ours.length : i);
    const from = found(ours.findIndex((x) => x.unit >= a));
    const to = found(ours.findIndex((x) => x.unit >= b));
    // A reading may cover more than one aligned difference (a transposition is two): the witness's text there is
    // ours with each covered difference put back, and it must be what the reading says.
    const hits = differences
      .filter((d) => d.from >= from && d.to <= to && !(d.from === d.to && d.from === to && to > from))
      .sort((x, y) => x.from - y.from || x.to - y.to);
    let theirs = '';
    for (let i = from, k = 0; i < to || k < hits.length; ) {
      const d = hits[k];
      if (d && d.from === i) {
        theirs += d.witness;
        i = d.to;
        k++;
      } else if (i < to) theirs += ours[i++]!.c;
      else break;
    }
    const want = [...r.witness].map(norm).join('');
    if (hits.length && theirs === want) for (const d of hits) listed.add(d);
    else stale.push(new DataError(file, r.line, `no such difference at ${r.at} (witness ${r.witness || 'lacking'}${hits.length ? `; the witness reads ${theirs || 'nothing'} there` : ''}): the text or the witness changed`));
  }
  return { differences, unlisted: differences.filter((d) => !listed.has(d)), stale, compared: ours.length };
}
