/**
 * The tokens stage of the year parser (as a lexer is to a parser): what stands at a position of a paragraph — a
 * date's season, month and day, a sentence or clause start, a quotation mark — read from the text alone, with no
 * era table and no context. years.ts resolves what these find; year-context.ts carries the result on.
 */
import { sexagenaryIndex, type Season } from './calendar.ts';
import { GANZHI, MONTH, monthNumber } from './year-tokens.ts';

const SENTENCE_END = '。！？；';
export const CLAUSE_END = '。！？；，、：';
export const CLOSE_QUOTES = '」』”';
export const OPEN_QUOTES = '「『“';
const SEASON_RE = /[春夏秋冬]/y;
const MONTH_RE = new RegExp(MONTH, 'y');
const DAY_RE = new RegExp(GANZHI, 'y');
// A month followed by these is a span of months (三月不克, 数月间), not a date.
const NOT_AFTER_MONTH = '余间许内不矣有餘間許內';

export interface ParsedDate {
  start: number;
  end: number;
  season: Season | null;
  month: number | null;
  leap: boolean;
  cycle: number | null;
}

/** A sentence starts at i: the paragraph's start, or after 。！？； (closing quotes and spaces skipped). */
export function sentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && CLOSE_QUOTES.includes(text[j]!)) j--;
  while (j >= 0 && /\s/.test(text[j]!)) j--;
  return j < 0 || SENTENCE_END.includes(text[j]!);
}

/** A clause starts at i: a sentence start, or after ，、：. */
export function clauseStart(text: string, i: number): boolean {
  return sentenceStart(text, i) || CLAUSE_END.includes(text[i - 1] ?? '');
}

/** A season, month and day starting at i, in that order, any of them absent but not all. */
export function readDate(t: string, i: number): ParsedDate | null {
  let j = i;
  let season: Season | null = null;
  SEASON_RE.lastIndex = j;
  const s = SEASON_RE.exec(t);
  if (s) {
    season = s[0] as Season;
    j += 1;
  }
  let month: number | null = null;
  let leap = false;
  MONTH_RE.lastIndex = j;
  const m = MONTH_RE.exec(t);
  if (m && !NOT_AFTER_MONTH.includes(t[j + m[0].length] ?? '')) {
    leap = m[1] !== undefined;
    month = monthNumber(m[2]!);
    j += m[0].length;
  }
  let cycle: number | null = null;
  DAY_RE.lastIndex = j;
  const d = DAY_RE.exec(t);
  if (d) {
    const c = sexagenaryIndex(d[0]);
    // A day written alone must be followed by punctuation, or a name like 丁未 would start a date.
    if (c !== null && (season !== null || month !== null || CLAUSE_END.includes(t[j + 2] ?? ''))) {
      cycle = c;
      j += 2;
    }
  }
  if (season !== null && month === null && cycle === null && !CLAUSE_END.includes(t[j] ?? '')) return null;
  if (j === i) return null;
  return { start: i, end: j, season, month, leap, cycle };
}
