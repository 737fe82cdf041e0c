/** What the timeline and the map say about a passage: escaped for HTML, cut at a clause, dated. Pure. */
import type { DateValue } from './years.ts';

/** Text and attribute values in generated HTML/SVG: the chronicle's and the data's words are never markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CLAUSE_END = /[，。；：！？]/;
const SENTENCE_END = /[。；！？]/;

/**
 * The clause(s) around `[start, end)` of a paragraph: from the clause boundary before `start` to the one after
 * `end`, widened to whole clauses up to about `max` characters, with … where cut. Quotes are kept as they are.
 */
export function clauseAround(text: string, start: number, end: number, max = 36): string {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]!)) to++;
  // One more clause after, if it is short: 「攻兰州之质孤、胜如堡」 reads better with its verb.
  if (to - from < 8 && to < text.length) {
    let next = to + 1;
    while (next < text.length && !CLAUSE_END.test(text[next]!)) next++;
    if (next - from <= max) to = next;
  }
  const indent = text.startsWith('\u3000\u3000') && from < 2 ? 2 : 0;
  let s = text.slice(Math.max(from, indent), to);
  if (s.length > max) s = `${s.slice(0, max)}…`;
  else if (to < text.length && !SENTENCE_END.test(text[to]!)) s = `${s}…`;
  return from > indent ? `…${s}` : s;
}

/** The first sentence from `start` (an entry's year expression), cut at a clause past `max` characters. */
export function firstClause(text: string, start: number, max = 30): string {
  let to = start;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  let s = text.slice(start, to);
  if (s.length > max) {
    let cut = max;
    while (cut > 8 && !CLAUSE_END.test(s[cut]!)) cut--;
    s = `${s.slice(0, cut > 8 ? cut : max)}…`;
  }
  return s;
}

const ymd = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/** `1086年8月27日`, a range `1088年3月17日—4月15日`, or null when the passage has no day or month. */
export function gregorianText(date: DateValue | undefined): string | null {
  if (!date) return null;
  const g = date.gregorian;
  if (typeof g === 'string') {
    const [y, m, d] = ymd(g);
    return `${y}年${m}月${d}日`;
  }
  const [a, b] = g.map(ymd) as [[number, number, number], [number, number, number]];
  return a[0] === b[0] ? `${a[0]}年${a[1]}月${a[2]}日—${b[1]}月${b[2]}日` : `${a[0]}年${a[1]}月${a[2]}日—${b[0]}年${b[1]}月${b[2]}日`;
}

/** Where a passage stands on a time axis, as a fractional Gregorian year (its first day; mid-year if undated). */
export function timeOf(year: number, date: DateValue | undefined): number {
  if (!date) return year + 0.5;
  const g = typeof date.gregorian === 'string' ? date.gregorian : date.gregorian[0];
  const [y, m, d] = ymd(g);
  const start = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}
