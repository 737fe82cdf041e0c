/**
 * Where the glossary's entries occur in a chapter: the glossary marks the site wraps.
 *
 * Rules (docs/GLOSSARY-FORMAT.md), in order of strength:
 * 1. Chapter markup wins. `data-term="X"` makes exactly its range a mark of X; `data-term=""` forbids any mark
 *    overlapping its range. No match may overlap either kind of span.
 * 2. Ranges taken by another feature (year expressions; see marks.ts on precedence) take no glossary mark.
 * 3. Elsewhere, forms are matched leftmost-longest without overlap (靖夏城 is one place, not 夏 + 城). Where the
 *    longest candidate at a position is refused (a short form not yet licensed, or one overlapping a range of
 *    rules 1–2), the next shorter one there is tried.
 * 3a. A one-character form that is a season where the text dates with it (五年夏, 夏四月) is not a term (isSeason).
 * 4. A short form is marked only after a mark of its entry made by the term or an alias (found by matching or
 *    pinned by markup) earlier in the same chapter: the full name introduces the person, then 法 can mean 刘法.
 *    An occurrence of the full name that rules 1–2 left unmarked licenses nothing: it was not read as that name.
 */
import type { Chapter } from './text.ts';
import type { Mark } from './marks.ts';
import { DataError, DataErrors } from './data-error.ts';
import { glossaryForms, type Glossary, type GlossaryForm } from './glossary.ts';
import { buildMatcher, type Matcher } from './matcher.ts';
import { MONTH } from './year-tokens.ts';

export interface GlossaryMark extends Mark {
  term: string;
  kind: string;
  /** The text marked: the term, an alias, a short form, or whatever a pin spans. */
  form: string;
}

interface Compiled {
  forms: GlossaryForm[];
  matcher: Matcher;
}

// A glossary is immutable data; its automaton is built once, on first use, whether it came from YAML or JSON.
const compiled = new WeakMap<Glossary, Compiled>();

function compile(glossary: Glossary): Compiled {
  let c = compiled.get(glossary);
  if (!c) {
    const forms = glossaryForms(glossary);
    c = { forms, matcher: buildMatcher(forms.map((f) => f.form)) };
    compiled.set(glossary, c);
  }
  return c;
}

/** Pinned terms that the glossary lacks, each located at its paragraph's line in `file`. */
export function checkChapterTerms(chapter: Chapter, glossary: Glossary, file: string): DataError[] {
  const errors: DataError[] = [];
  for (const p of chapter.paragraphs) {
    for (const o of p.overrides) {
      if (o.term !== null && !glossary.byTerm.has(o.term)) {
        errors.push(new DataError(file, p.line, `data-term="${o.term}" names no glossary term`));
      }
    }
  }
  return errors;
}

/**
 * The glossary marks of one chapter, by paragraph and start. `exclude` holds other features' marks (year
 * expressions): no glossary mark overlaps them. Throws DataErrors if markup pins a term the glossary lacks
 * (`file` names the chapter in that message).
 */
export function annotateChapter(
  chapter: Chapter,
  glossary: Glossary,
  exclude: readonly Mark[] = [],
  file: string = chapter.title,
): GlossaryMark[] {
  const unknown = checkChapterTerms(chapter, glossary, file);
  if (unknown.length) throw new DataErrors(unknown);

  const { forms, matcher } = compile(glossary);
  const entryIndex = new Map(glossary.entries.map((e, i) => [e, i]));
  const fullForms = glossary.entries.map((e) => new Set([e.term, ...e.aliases]));
  const licensed = new Set<number>();
  const marks: GlossaryMark[] = [];

  chapter.paragraphs.forEach((p, paragraph) => {
    const text = p.text;
    const excluded = exclude.filter((m) => m.paragraph === paragraph);
    const blocked = blockedPrefix(text.length, [...p.overrides, ...excluded]);
    const isBlocked = (start: number, end: number) => blocked !== null && blocked[end]! - blocked[start]! > 0;
    const overlapsExcluded = (start: number, end: number) => excluded.some((m) => m.start < end && start < m.end);

    const pins = p.overrides
      .filter((o) => o.term !== null && !overlapsExcluded(o.start, o.end))
      .sort((a, b) => a.start - b.start);
    let nextPin = 0;
    const takePinsBefore = (offset: number) => {
      for (; nextPin < pins.length && pins[nextPin]!.start < offset; nextPin++) {
        const pin = pins[nextPin]!;
        const entry = glossary.byTerm.get(pin.term!)!;
        const form = text.slice(pin.start, pin.end);
        const index = entryIndex.get(entry)!;
        if (fullForms[index]!.has(form)) licensed.add(index);
        marks.push({ paragraph, start: pin.start, end: pin.end, term: entry.term, kind: entry.kind, form });
      }
    };

    for (const m of matcher.findAll(text, (index, start, end) => {
      if (isBlocked(start, end)) return false;
      if (isSeason(text, start, end)) return false;
      const f = forms[index]!;
      // Pins before this match license before it; the callback runs in text order, so this is the right moment.
      takePinsBefore(start);
      if (f.short && !licensed.has(f.entry)) return false;
      if (!f.short) licensed.add(f.entry);
      return true;
    })) {
      const entry = glossary.entries[forms[m.index]!.entry]!;
      marks.push({ paragraph, start: m.start, end: m.end, term: entry.term, kind: entry.kind, form: m.form });
    }
    takePinsBefore(Infinity);
  });

  return marks.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

const SEASON_BEFORE_MONTH = new RegExp(`^${MONTH}`);

/**
 * A one-character form that is also a season (夏 the state, 夏 the season) stands for the season where the text
 * dates with it: right after a year (五年夏) or right before a month (夏四月). The chronicle dates by 春, 秋 and 冬
 * this way; the rule keeps a 夏 written so from being read as the state.
 */
export function isSeason(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || !'春夏秋冬'.includes(text[start]!)) return false;
  return text[start - 1] === '年' || SEASON_BEFORE_MONTH.test(text.slice(end, end + 4));
}

/** Prefix counts of blocked code units (null when nothing is blocked): an overlap test in O(1). */
function blockedPrefix(length: number, ranges: readonly { start: number; end: number }[]): Int32Array | null {
  if (ranges.length === 0) return null;
  const covered = new Uint8Array(length);
  for (const r of ranges) covered.fill(1, Math.max(0, r.start), Math.min(length, r.end));
  const prefix = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) prefix[i + 1] = prefix[i]! + covered[i]!;
  return prefix;
}

