/**
 * The documented corrections to the seed, each place remembered so that the reader can show the textual note
 * there and the 校勘记 page can list it:
 * - 录入之误: a fault of the digital copy (a character that renders as an empty box, a stray ASCII mark), made right
 *   on the evidence of the witnesses;
 * - 版本异文: a true variant between editions, recorded (the reading may equal the seed: the text is kept and the
 *   witness's reading is noted).
 * A seed sequence may carry context around the changed characters (`：'新` → `：『新`, where the same ASCII mark
 * opens and closes a quotation): the note's place is only the part that differs.
 */
import { isSeq } from 'yaml';
import { mappingItems, readYaml } from './yaml-data.ts';
import { DataError, DataErrors } from './data-error.ts';
import type { Mark } from './marks.ts';
import { NOTE_EDITION } from './edition.ts';

export interface Source {
  title: string;
  url?: string;
}

export type CorrectionKind = '录入之误' | '版本异文';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['录入之误', '版本异文'];

export interface Correction {
  id: string;
  kind: CorrectionKind;
  seed: string;
  reading: string;
  count: number;
  certainty: 'confirmed' | 'conjecture';
  /** The words of the text a 校勘记 entry is headed by: 张楙. */
  lemma: string;
  /** The 校勘记 sentence, in the form a 中华本 reader knows: 『楙』字底本录入作私用区字符，据……补。 */
  record: string;
  evidence: string;
  sources: Source[];
  line: number;
}

export interface NoteMark extends Mark {
  id: string;
}

/** Characters that no reader can see: the Private Use Area, and the two strays the old encoding left. */
export const INVISIBLE = /[\uE000-\uF8FF\u3069\u03C1]/u;
/** What no chapter may keep: the invisible characters and ASCII quotation marks. */
const LEFT_ALL = /[\uE000-\uF8FF\u3069\u03C1'"]/gu;

const FIELDS = new Set(['id', 'kind', 'seed', 'reading', 'count', 'certainty', 'lemma', 'record', 'evidence', 'sources']);

/** ASCII marks in a Chinese text: input faults wherever they stand (the chapters' markup uses none of these). */
const ASCII_MARK = /['"]/u;

/** The corrected characters alone: 『 for `：'新` → `：『新`. */
export function changedText(seed: string, reading: string): string {
  const [pre, suf] = changedPart(seed, reading);
  return reading.slice(pre, reading.length - suf);
}

/**
 * Where a correction's note stands in its reading: the changed part, or, for a variant noted where the text is
 * kept (reading = seed), its lemma. [start, end] in UTF-16 units.
 */
export function notePlace(c: Pick<Correction, 'seed' | 'reading' | 'lemma'>): [number, number] {
  if (c.seed === c.reading) {
    const at = c.reading.indexOf(c.lemma);
    return [at, at + c.lemma.length];
  }
  const [pre, suf] = changedPart(c.seed, c.reading);
  return [pre, c.reading.length - suf];
}

/** The text a note stands on: 楙, 『, or 二十六 for a kept reading. */
export function noteReading(c: Pick<Correction, 'seed' | 'reading' | 'lemma'>): string {
  const [a, b] = notePlace(c);
  return c.reading.slice(a, b);
}

/** The part of `reading` that differs from `seed`: [prefix length, suffix length] in UTF-16 units. */
export function changedPart(seed: string, reading: string): [number, number] {
  let pre = 0;
  while (pre < seed.length && pre < reading.length && seed[pre] === reading[pre]) pre++;
  let suf = 0;
  while (
    suf < seed.length - pre &&
    suf < reading.length - pre &&
    seed[seed.length - 1 - suf] === reading[reading.length - 1 - suf]
  ) suf++;
  // Never split a surrogate pair (𠼪): widen to whole code points.
  const high = (s: string, i: number) => i > 0 && i < s.length && /[\uDC00-\uDFFF]/.test(s[i]!);
  while (pre > 0 && (high(seed, pre) || high(reading, pre))) pre--;
  while (suf > 0 && (high(seed, seed.length - suf) || high(reading, reading.length - suf))) suf--;
  return [pre, suf];
}

export function parseCorrections(text: string, file: string): Correction[] {
  const y = readYaml(text, file);
  if (!isSeq(y.doc.contents)) throw new DataErrors([new DataError(file, 1, 'expected a list of corrections')]);
  const errors: DataError[] = [];
  const out: Correction[] = [];
  const ids = new Set<string>();
  for (const { line, value: v, fieldLine, str } of mappingItems(y.doc.contents, 'a correction', FIELDS, { file, lineOf: y.lineOf }, errors)) {
    const id = str('id');
    if (id && !/^[a-z0-9-]+$/.test(id)) errors.push(new DataError(file, fieldLine('id'), `id "${id}" must match [a-z0-9-]+`));
    if (ids.has(id)) errors.push(new DataError(file, fieldLine('id'), `duplicate id "${id}"`));
    ids.add(id);
    const kind = v['kind'];
    if (!CORRECTION_KINDS.includes(kind as CorrectionKind)) {
      errors.push(new DataError(file, fieldLine('kind'), `"kind" must be one of ${CORRECTION_KINDS.join(', ')}`));
    }
    const seed = str('seed');
    const reading = str('reading');
    if (kind === '录入之误' && seed && !INVISIBLE.test(seed) && !ASCII_MARK.test(seed)) {
      errors.push(new DataError(file, fieldLine('seed'), 'seed holds no invisible character or ASCII mark: nothing to correct'));
    }
    if (reading && (INVISIBLE.test(reading) || ASCII_MARK.test(reading))) {
      errors.push(new DataError(file, fieldLine('reading'), `reading must be visible Chinese text, got "${reading}"`));
    }
    if (seed && reading && seed !== reading && kind === '录入之误') {
      const [pre, suf] = changedPart(seed, reading);
      const changed = [...reading.slice(pre, reading.length - suf)];
      if (changed.length !== 1) {
        errors.push(new DataError(file, fieldLine('reading'), `reading must change one character of the seed, got "${reading}"`));
      }
    }
    const count = v['count'];
    if (!Number.isInteger(count) || (count as number) < 1) {
      errors.push(new DataError(file, fieldLine('count'), '"count" must be a positive integer'));
    }
    const certainty = v['certainty'];
    if (certainty !== 'confirmed' && certainty !== 'conjecture') {
      errors.push(new DataError(file, fieldLine('certainty'), '"certainty" must be confirmed or conjecture'));
    }
    const lemma = str('lemma');
    if (seed && reading && seed === reading && kind !== '版本异文') {
      errors.push(new DataError(file, fieldLine('reading'), 'reading equals seed: nothing to correct'));
    } else if (seed && reading && seed === reading) {
      // A variant noted where the text is kept: the note stands on the lemma, which the seed must hold once.
      if (lemma && seed.split(lemma).length !== 2) {
        errors.push(new DataError(file, fieldLine('lemma'), `lemma "${lemma}" must occur once in the seed "${seed}"`));
      }
    } else if (lemma && seed && reading && !lemma.includes(changedText(seed, reading))) {
      errors.push(new DataError(file, fieldLine('lemma'), `lemma "${lemma}" must hold the corrected text "${changedText(seed, reading)}"`));
    }
    const record = str('record');
    if (record && !/。$/u.test(record)) errors.push(new DataError(file, fieldLine('record'), 'record must end with 。'));
    if (record && !/四库本|《长编》/u.test(record)) {
      errors.push(new DataError(file, fieldLine('record'), 'record must name the witness it rests on (四库本…, 《长编》…)'));
    }
    const evidence = str('evidence');
    const sources = v['sources'];
    if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s?.title === 'string')) {
      errors.push(new DataError(file, fieldLine('sources'), '"sources" must list at least one {title, url?}'));
    }
    out.push({
      id,
      kind: kind as CorrectionKind,
      seed,
      reading,
      lemma,
      record,
      count: count as number,
      certainty: certainty as Correction['certainty'],
      evidence,
      sources: (Array.isArray(sources) ? sources : []) as Source[],
      line,
    });
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}

/**
 * Applies the corrections to the seed's paragraphs. Longer seed sequences go first, so that a two-code-point
 * sequence is not half-consumed by a one-code-point correction. Fails, naming the correction, when a count
 * disagrees with the seed or when an invisible character is left with no correction.
 */
export function applyCorrections(
  paragraphs: string[],
  corrections: Correction[],
  file = 'corrections',
): { paragraphs: string[]; marks: NoteMark[] } {
  const bySeed = [...corrections].sort((a, b) => b.seed.length - a.seed.length);
  const seen = new Map<string, number>();
  const marks: NoteMark[] = [];
  const out = paragraphs.map((text, paragraph) => {
    let result = '';
    let i = 0;
    outer: while (i < text.length) {
      for (const c of bySeed) {
        if (c.seed && text.startsWith(c.seed, i)) {
          const [a, b] = notePlace(c);
          marks.push({ paragraph, start: result.length + a, end: result.length + b, id: c.id });
          seen.set(c.id, (seen.get(c.id) ?? 0) + 1);
          result += c.reading;
          i += c.seed.length;
          continue outer;
        }
      }
      result += text[i];
      i++;
    }
    return result;
  });
  const errors: DataError[] = [];
  for (const c of corrections) {
    const n = seen.get(c.id) ?? 0;
    if (n !== c.count) errors.push(new DataError(file, c.line, `"${c.id}" occurs ${n} times in the seed, count says ${c.count}`));
  }
  out.forEach((text, p) => {
    for (const m of text.matchAll(LEFT_ALL)) {
      const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      errors.push(new DataError(file, 1, `seed paragraph ${p + 1} keeps U+${cp} at offset ${m.index}: no correction covers it`));
    }
  });
  if (errors.length) throw new DataErrors(errors);
  return { paragraphs: out, marks };
}

const STRAY_NAMES: Record<string, string> = { '\u3069': '日文平假名', '\u03C1': '希腊字母', "'": 'ASCII撇号', '"': 'ASCII双引号' };

/** How a seed sequence is named in a note: its code points, since the characters themselves show as boxes. */
export function describeSeed(seed: string): string {
  return [...seed]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      if (cp >= 0xe000 && cp <= 0xf8ff) return `${hex}（私用区字符）`;
      // The strays are visible characters, but wrong ones: named, never shown, so none reaches the screen.
      if (INVISIBLE.test(ch) || ASCII_MARK.test(ch)) return `${hex}（${STRAY_NAMES[ch] ?? '非汉字字符'}）`;
      return `「${ch}」`;
    })
    .join(' + ');
}

/** The seed's part that a correction replaces (its context left out). */
export function seedPart(c: Pick<Correction, 'seed' | 'reading'>): string {
  const [pre, suf] = changedPart(c.seed, c.reading);
  return c.seed.slice(pre, c.seed.length - suf);
}

/** The note the reader sees: 底本作…，今改…, the evidence, then what the base text and the witnesses are. */
export function noteText(c: Correction): string {
  if (c.seed === c.reading) return `底本作「${c.lemma}」，今不改。${c.evidence}${NOTE_EDITION}`;
  const conj = c.certainty === 'conjecture' ? '（推断，未见版本依据）' : '';
  const reading = changedText(c.seed, c.reading);
  const cp = reading.codePointAt(0)!;
  const font =
    cp > 0xffff
      ? `「${reading}」为 U+${cp.toString(16).toUpperCase()}，在基本多文种平面之外，常见字体多未收，本站随附此字字形。`
      : '';
  return `底本作 ${describeSeed(seedPart(c))}，今改「${reading}」${conj}。${c.evidence}${font}${NOTE_EDITION}`;
}

/** A chapter as the text check needs it: its file, and its paragraphs' plain text with their lines. */
export interface ChapterText {
  file: string;
  paragraphs: { text: string; line: number }[];
}

/** `「云」` for a character, `the paragraph's end` past it: how a difference is named. */
function shown(text: string, at: number): string {
  const cp = text.codePointAt(at);
  return cp === undefined ? 'the paragraph’s end' : `「${String.fromCodePoint(cp)}」`;
}

/**
 * The text is sacred: the chapters, paragraph for paragraph in reading order, must be the seed with the documented
 * corrections applied and nothing else. Every difference is named at the chapter's file:line (and, where it falls on
 * a corrected character, at the correction's line too), so a build refuses a chapter that was edited by hand and a
 * correction whose reading the chapters do not carry. Counts are checked by applyCorrections.
 */
export function checkChapters(
  seed: string[],
  corrections: Correction[],
  correctionsFile: string,
  chapters: ChapterText[],
): void {
  const { paragraphs: expected, marks } = applyCorrections(seed, corrections, correctionsFile);
  const byId = new Map(corrections.map((c) => [c.id, c]));
  const errors: DataError[] = [];
  let n = 0;
  for (const ch of chapters) {
    for (const p of ch.paragraphs) {
      const want = expected[n];
      if (want === undefined) {
        errors.push(new DataError(ch.file, p.line, `a paragraph the seed does not have (the seed has ${expected.length})`));
      } else if (p.text !== want) {
        let at = 0;
        while (at < p.text.length && p.text[at] === want[at]) at++;
        // Name whole characters: a difference in the low half of a surrogate pair starts at its high half.
        if (at > 0 && /[\uD800-\uDBFF]/.test(p.text[at - 1] ?? '')) at--;
        const mark = marks.find((m) => m.paragraph === n && m.start <= at && at < m.end);
        const c = mark ? byId.get(mark.id) : undefined;
        const why = c
          ? `; ${correctionsFile}:${c.line} (${c.id}) reads 「${c.reading}」 there`
          : ' (only a documented correction may change the seed)';
        errors.push(
          new DataError(ch.file, p.line, `paragraph differs from the seed at character ${at + 1}: ${shown(p.text, at)} where the seed has ${shown(want, at)}${why}`),
        );
      }
      n++;
    }
  }
  if (n < expected.length) {
    const last = chapters.at(-1);
    errors.push(new DataError(last?.file ?? 'chapters', last?.paragraphs.at(-1)?.line ?? 1, `the chapters end at paragraph ${n}; the seed has ${expected.length}`));
  }
  if (errors.length) throw new DataErrors(errors);
}
