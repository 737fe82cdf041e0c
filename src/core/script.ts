/**
 * The traditional-character text, made at build time from the simplified one with OpenCC's cn → t conversion and
 * the reviewed exceptions of `data/script/exceptions.yaml` (OpenCC is generic; a classical text has names and
 * characters it gets wrong: 种谔 keeps 种, 御之 is 禦之 …).
 *
 * The converter is passed in (the build and the tests build it from opencc-js), so this module stays pure. Every
 * conversion is character-aligned: the traditional text has the simplified text's length in UTF-16 units, character
 * for character, so the offsets of every mark (years, glossary terms, textual notes) are valid in both scripts.
 * A conversion that would change a length is refused with the text that caused it.
 */
import { DataError, DataErrors, lineAt } from './data-error.ts';
import { mappingItems, readYaml, sections } from './yaml-data.ts';

/** `s` simplified (the base text), `t` traditional. */
export type Script = 's' | 't';

/** Wherever `simplified` occurs in any text (chapters, notes, glossary, pages), it becomes `traditional`. */
export interface ScriptRule {
  simplified: string;
  traditional: string;
  reason: string;
  line: number;
}

/** One place in one chapter: `text` (simplified) occurs exactly once in `chapter` and becomes `traditional`. */
export interface ScriptOverride extends ScriptRule {
  chapter: string;
}

export interface ScriptExceptions {
  rules: ScriptRule[];
  overrides: ScriptOverride[];
}

const RULE_FIELDS = new Set(['simplified', 'traditional', 'reason']);
const OVERRIDE_FIELDS = new Set(['chapter', 'simplified', 'traditional', 'reason']);

/** Parses the exceptions file; every fault is reported with file:line. */
export function parseScriptExceptions(text: string, file: string): ScriptExceptions {
  const y = readYaml(text, file);
  const errors: DataError[] = [];
  const out: ScriptExceptions = { rules: [], overrides: [] };
  for (const { key, list } of sections(y, file, ['rules', 'overrides'], errors)) {
    const fields = key === 'rules' ? RULE_FIELDS : OVERRIDE_FIELDS;
    for (const item of mappingItems(list, `an item of "${key}"`, fields, { file, lineOf: y.lineOf }, errors)) {
      const { line, str } = item;
      const rule: ScriptRule = { simplified: str('simplified'), traditional: str('traditional'), reason: str('reason'), line };
      if (rule.simplified && rule.traditional && rule.simplified.length !== rule.traditional.length) {
        errors.push(new DataError(file, line, `"${rule.simplified}" and "${rule.traditional}" differ in length: a conversion keeps every offset`));
      }
      if (key === 'rules') out.rules.push(rule);
      else out.overrides.push({ ...rule, chapter: str('chapter') });
    }
  }
  const seen = new Map<string, number>();
  for (const r of out.rules) {
    const before = seen.get(r.simplified);
    if (before) errors.push(new DataError(file, r.line, `"${r.simplified}" has a rule already (line ${before})`));
    seen.set(r.simplified, r.line);
  }
  if (errors.length) throw new DataErrors(errors);
  return out;
}

export type Convert = (simplified: string) => string;

/** Writes `to` over `out` at `at`: the two are aligned, so a place in the simplified text is the same place here. */
function put(out: string[], at: number, to: string): void {
  for (let i = 0; i < to.length; i++) out[at + i] = to[i]!;
}

export class Traditional {
  /** Longest first, so that 种师道 is decided before a rule for 种师 could be. */
  private readonly rules: ScriptRule[];

  constructor(
    private readonly convert: Convert,
    private readonly exceptions: ScriptExceptions,
    private readonly file: string,
  ) {
    this.rules = [...exceptions.rules].sort((a, b) => b.simplified.length - a.simplified.length);
  }

  /** OpenCC, then the position-independent rules; `what` names the text if OpenCC would change its length. */
  private aligned(simplified: string, what: string): string[] {
    const generic = this.convert(simplified);
    if (generic.length !== simplified.length) {
      throw new Error(`${what}: OpenCC changes the text's length (${simplified.length} → ${generic.length}); offsets would break`);
    }
    // Units, not code points: a rule or an override is written in the same units at the same offsets.
    const out = generic.split('');
    const taken = new Uint8Array(simplified.length);
    for (const r of this.rules) {
      for (let i = simplified.indexOf(r.simplified); i >= 0; i = simplified.indexOf(r.simplified, i + 1)) {
        if (taken.subarray(i, i + r.simplified.length).some((x) => x)) continue;
        put(out, i, r.traditional);
        taken.fill(1, i, i + r.simplified.length);
      }
    }
    return out;
  }

  /** Any text but a chapter: glossary notes, textual notes, pages, messages. */
  text(simplified: string, what = 'text'): string {
    return this.aligned(simplified, what).join('');
  }

  /** A chapter's markdown: the rules, then the overrides that name this chapter (each must occur once in it). */
  chapter(markdown: string, chapter: string): string {
    const out = this.aligned(markdown, chapter);
    const errors: DataError[] = [];
    for (const o of this.exceptions.overrides.filter((x) => x.chapter === chapter)) {
      const at = markdown.indexOf(o.simplified);
      if (at < 0) errors.push(new DataError(this.file, o.line, `"${o.simplified}" is not in ${chapter}`));
      else if (markdown.indexOf(o.simplified, at + 1) >= 0) {
        errors.push(new DataError(this.file, o.line, `"${o.simplified}" occurs more than once in ${chapter} (line ${lineAt(markdown, at)}): make it longer`));
      } else put(out, at, o.traditional);
    }
    if (errors.length) throw new DataErrors(errors);
    return out.join('');
  }

  /** Overrides naming a chapter that is not in `chapters`: a renamed file must not silently drop its overrides. */
  strayOverrides(chapters: string[]): DataError[] {
    return this.exceptions.overrides
      .filter((o) => !chapters.includes(o.chapter))
      .map((o) => new DataError(this.file, o.line, `no chapter ${o.chapter}`));
  }

  /** Every string value of a JSON value converted (keys stay: they are identifiers). */
  json<T>(value: T, what: string): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.text(v, what);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as T;
  }
}
