/**
 * Chinese numerals as era years and month and day counts are written: 一 … 九十九.
 * `元` (first year) and `正` (first month) are the callers' business, not this module's.
 */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const DIGIT_VALUE: ReadonlyMap<string, number> = new Map(DIGITS.slice(1).map((d, i) => [d, i + 1]));

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一. Integers 1–99 only (throws RangeError otherwise). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`toChineseNumeral: ${n} is not an integer 1–99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGITS[units]!;
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + DIGITS[units]!;
}

/**
 * The inverse of `toChineseNumeral`: 一 … 九十九 (十, 十三, 二十, 二十三); also 廿 (20) and 卅 (30) as
 * tens (廿三 = 23). Anything else, including the empty string, 〇, 元, 正 and a bare 一十, gives null.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const single = DIGIT_VALUE.get(s);
  if (single !== undefined) return single;
  let tens: number;
  let rest: string;
  const first = s[0]!;
  if (first === '十') {
    tens = 1;
    rest = s.slice(1);
  } else if (first === '廿' || first === '卅') {
    tens = first === '廿' ? 2 : 3;
    rest = s.slice(1);
  } else {
    const t = DIGIT_VALUE.get(first);
    if (t === undefined || t === 1 || s[1] !== '十') return null;
    tens = t;
    rest = s.slice(2);
  }
  if (rest === '') return tens * 10;
  if (rest.length !== 1) return null;
  const units = DIGIT_VALUE.get(rest);
  return units === undefined ? null : tens * 10 + units;
}
