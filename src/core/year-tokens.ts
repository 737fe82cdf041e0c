/**
 * The words of a year expression, written once: the year parser (years.ts), year links (year-link.ts) and the
 * glossary's season rule (annotate.ts) all read era years and months with these. Small and data-free, so the first
 * script can carry it for year links without the parser.
 */
import { STATES } from './eras.ts';
import { parseChineseNumeral } from './numerals.ts';

/** The count of an era year, 一 … 卅九 (one to three numerals). */
export const NUM = '[一二三四五六七八九十廿卅]{1,3}';
export const GANZHI = '[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]';
/** A month: `闰`?, then 正, 二 … 十二; groups: leap, month. */
// 闰/閏: the traditional text (src/core/script.ts) is read as it stands; tests/unit/script.test.ts proves it yields
// the simplified text's mentions at the same offsets.
export const MONTH = '([闰閏])?(正|十[一二]?|[一二三四五六七八九])月';

/** `<era>(元|n)年` for the table's era names (longest first, so 建中靖国 is not 建中); groups: name, count. */
export function eraYearSource(names: readonly string[]): string {
  return `(${names.join('|')})(元|${NUM})年`;
}

/** The n of `元` or a count (三 → 3), or null. */
export function eraYearNumber(count: string): number | null {
  return count === '元' ? 1 : parseChineseNumeral(count);
}

/** The month number of MONTH's month group (正 → 1, 十二 → 12). */
export function monthNumber(month: string): number | null {
  return month === '正' ? 1 : parseChineseNumeral(month);
}

export interface EraYearText {
  /** A state written before the era (辽大安四年), as written, or null. */
  state: string | null;
  name: string;
  n: number;
}

/**
 * A whole text that is one era year, optionally after a state: `辽大安四年` → 辽, 大安, 4; anything else null.
 * `states`, the state names it may begin with (a year link also takes the other script's: EraTable.typedStates).
 */
export function readEraYear(text: string, names: readonly string[], states: readonly string[] = STATES): EraYearText | null {
  const m = new RegExp(`^(${states.join('|')})?${eraYearSource(names)}$`, 'u').exec(text);
  if (!m) return null;
  const n = eraYearNumber(m[3]!);
  return n === null ? null : { state: m[1] ?? null, name: m[2]!, n };
}
