/**
 * The documented corrections to the seed: every seed character that renders as an empty box, replaced by its
 * reading, each place remembered so that the reader can show the textual note there.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { DataError, DataErrors } from './data-error.ts';
import { yamlErrors } from './yaml-errors.ts';
import type { Mark } from './marks.ts';

export interface Source {
  title: string;
  url?: string;
}

export interface Correction {
  id: string;
  seed: string;
  reading: string;
  count: number;
  certainty: 'confirmed' | 'conjecture';
  evidence: string;
  sources: Source[];
  line: number;
}

export interface NoteMark extends Mark {
  id: string;
}

/** Characters that no reader can see: the Private Use Area, and the two strays the old encoding left. */
export const INVISIBLE = /[\uE000-\uF8FF\u3069\u03C1]/u;
const INVISIBLE_ALL = /[\uE000-\uF8FF\u3069\u03C1]/gu;

const FIELDS = new Set(['id', 'seed', 'reading', 'count', 'certainty', 'evidence', 'sources']);

export function parseCorrections(text: string, file: string): Correction[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lc.linePos(node.range[0]).line : 1;
  const errors: DataError[] = yamlErrors(file, text, doc.errors, lc);
  if (errors.length) throw new DataErrors(errors);
  if (!isSeq(doc.contents)) throw new DataErrors([new DataError(file, 1, 'expected a list of corrections')]);

  const out: Correction[] = [];
  const ids = new Set<string>();
  for (const item of doc.contents.items) {
    const line = lineOf(item as YamlNode);
    if (!isMap(item)) {
      errors.push(new DataError(file, line, 'a correction is a mapping'));
      continue;
    }
    const fieldLine = (key: string): number => {
      const pair = item.items.find((p) => (p.key as { value?: unknown })?.value === key);
      return pair ? lineOf(pair.key as YamlNode) : line;
    };
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown })?.value);
      if (!FIELDS.has(key)) errors.push(new DataError(file, lineOf(pair.key as YamlNode), `unknown field "${key}"`));
    }
    const v = item.toJSON() as Record<string, unknown>;
    const str = (key: string): string => {
      const x = v[key];
      if (typeof x !== 'string' || x.trim() === '') {
        errors.push(new DataError(file, fieldLine(key), `"${key}" must be a non-empty string`));
        return '';
      }
      return x;
    };
    const id = str('id');
    if (id && !/^[a-z0-9-]+$/.test(id)) errors.push(new DataError(file, fieldLine('id'), `id "${id}" must match [a-z0-9-]+`));
    if (ids.has(id)) errors.push(new DataError(file, fieldLine('id'), `duplicate id "${id}"`));
    ids.add(id);
    const seed = str('seed');
    if (seed && !INVISIBLE.test(seed)) {
      errors.push(new DataError(file, fieldLine('seed'), 'seed holds no invisible character: nothing to correct'));
    }
    const reading = str('reading');
    if (reading && ([...reading].length !== 1 || INVISIBLE.test(reading))) {
      errors.push(new DataError(file, fieldLine('reading'), `reading must be one visible character, got "${reading}"`));
    }
    const count = v['count'];
    if (!Number.isInteger(count) || (count as number) < 1) {
      errors.push(new DataError(file, fieldLine('count'), '"count" must be a positive integer'));
    }
    const certainty = v['certainty'];
    if (certainty !== 'confirmed' && certainty !== 'conjecture') {
      errors.push(new DataError(file, fieldLine('certainty'), '"certainty" must be confirmed or conjecture'));
    }
    const evidence = str('evidence');
    const sources = v['sources'];
    if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s?.title === 'string')) {
      errors.push(new DataError(file, fieldLine('sources'), '"sources" must list at least one {title, url?}'));
    }
    out.push({
      id,
      seed,
      reading,
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
          marks.push({ paragraph, start: result.length, end: result.length + c.reading.length, id: c.id });
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
    for (const m of text.matchAll(INVISIBLE_ALL)) {
      const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      errors.push(new DataError(file, 1, `seed paragraph ${p + 1} keeps U+${cp} at offset ${m.index}: no correction covers it`));
    }
  });
  if (errors.length) throw new DataErrors(errors);
  return { paragraphs: out, marks };
}

const STRAY_NAMES: Record<string, string> = { '\u3069': '日文平假名', '\u03C1': '希腊字母' };

/** How a seed sequence is named in a note: its code points, since the characters themselves show as boxes. */
export function describeSeed(seed: string): string {
  return [...seed]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      if (cp >= 0xe000 && cp <= 0xf8ff) return `${hex}（私用区字符）`;
      // The strays are visible characters, but wrong ones: named, never shown, so none reaches the screen.
      if (INVISIBLE.test(ch)) return `${hex}（${STRAY_NAMES[ch] ?? '非汉字字符'}）`;
      return `「${ch}」`;
    })
    .join(' + ');
}

/** The note the reader sees: 底本作…，今改…, then the evidence. */
export function noteText(c: Correction): string {
  const conj = c.certainty === 'conjecture' ? '（推断，未见版本依据）' : '';
  const cp = c.reading.codePointAt(0)!;
  const font =
    cp > 0xffff
      ? `「${c.reading}」为 U+${cp.toString(16).toUpperCase()}，在基本多文种平面之外，常见字体多未收，本站随附此字字形。`
      : '';
  return `底本作 ${describeSeed(c.seed)}，今改「${c.reading}」${conj}。${c.evidence}${font}`;
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
