/**
 * Words for years and dates, shared by the bubble, the navigator and the year pages. Pure (no DOM, no bundled
 * data), so Node tests check the exact strings the page shows.
 */
import { sexagenaryName, yearCycle } from './calendar.ts';
import { STATES, formatEraYear, type Era, type EraTable, type State } from './eras.ts';
import { toChineseNumeral } from './numerals.ts';
import type { DateValue } from './years.ts';
import { fill, WORDS, type Words } from './words.ts';

/**
 * Each state's era years in a Gregorian year, 宋 夏 辽 金: `宋哲宗元祐三年`, `宋哲宗元祐九年、绍圣元年`; with a month,
 * only the eras in force in it (元符元年十二月: `宋哲宗元符元年`, not also 绍圣五年).
 */
export function parallelYears(table: EraTable, year: number, month?: { month: number; leap: boolean } | null,
  stateName: (s: State) => string = (s) => s,
): string[] {
  const out: string[] = [];
  for (const state of STATES) {
    const eras = month ? table.inMonth(year, month.month, month.leap, state) : table.inYear(year, state);
    if (eras.length === 0) continue;
    const parts = eras.map((e, i) => (i > 0 && eras[i - 1]!.rulerTemple === e.rulerTemple ? '' : e.rulerTemple) + formatEraYear(e, year - e.first + 1));
    out.push(stateName(state) + parts.join('、'));
  }
  return out;
}

/** The line the bubble shows: `宋哲宗元祐三年 · 夏崇宗天仪治平三年 · 辽道宗大安四年`. */
export function parallelLine(table: EraTable, year: number): string {
  return parallelYears(table, year).join(' · ');
}

/**
 * A reign-summary item by the chronicle's own count beside the table's years: 「本传：天赐礼盛国庆凡五年。按本传年数
 * 逐年相续，当1070—1074年；本站年表从DDBC作1069—1074年。」 (the table's part only where it differs).
 */
export function summaryLine(era: Era, n: number, counted: [number, number], w: Words = WORDS): string {
  const own = fill(w.summaryOwn, { era: era.name, n: toChineseNumeral(n), span: yearSpan(counted[0], counted[1], w) });
  const same = era.first === counted[0] && era.last === counted[1];
  return same ? fill(w.summarySame, { own }) : fill(w.summaryTable, { own, span: yearSpan(era.first, era.last, w) });
}

/** `1088年`, `1074—1084年`. */
export function yearSpan(first: number, last: number, w: Words = WORDS): string {
  return first === last ? fill(w.yearOne, { a: first }) : fill(w.yearSpan, { a: first, b: last });
}

/** 戊辰 for 1088. */
export function cycleName(year: number): string {
  return sexagenaryName(yearCycle(year));
}

/** The Song era a year is filed under: the one in force at the year's end (a change-year goes to the new era). */
export function songEraOf(table: EraTable, year: number): Era | null {
  return table.atYearEnd(year, '宋');
}

/** `元祐三年` for 1088; a change-year names the new era: `绍圣元年` for 1094. */
export function songYearName(table: EraTable, year: number): string {
  const era = songEraOf(table, year);
  return era ? formatEraYear(era, year - era.first + 1) : `${year}年`;
}

/** The older era's name of a change-year (`元祐九年` for 1094), or null. */
export function songOldYearName(table: EraTable, year: number): string | null {
  const eras = table.inYear(year, '宋');
  const newest = songEraOf(table, year);
  const old = eras.find((e) => e !== newest);
  return old ? formatEraYear(old, year - old.first + 1) : null;
}

function ymd(iso: string): { y: number; m: number; d: number } {
  const neg = iso.startsWith('-');
  const [y, m, d] = (neg ? iso.slice(1) : iso).split('-').map(Number) as [number, number, number];
  return { y: neg ? -y : y, m, d };
}

/** `1088年3月26日`, or a range `1088年3月26日—4月23日` (the year repeated only when it changes). */
export function formatDay(v: string | [string, string]): string {
  if (typeof v === 'string') {
    const a = ymd(v);
    return `${a.y}年${a.m}月${a.d}日`;
  }
  const a = ymd(v[0]);
  const b = ymd(v[1]);
  const end = b.y !== a.y ? `${b.y}年${b.m}月${b.d}日` : `${b.m}月${b.d}日`;
  return `${a.y}年${a.m}月${a.d}日—${end}`;
}

/** `三月：儒略历1088年3月26日—4月23日` and `前推格里历1088年4月1日—4月29日`. */
export function dateLines(label: string, date: DateValue, w: Words = WORDS): [string, string] {
  return [fill(w.julian, { label, day: formatDay(date.julian) }), fill(w.gregorian, { day: formatDay(date.gregorian) })];
}
