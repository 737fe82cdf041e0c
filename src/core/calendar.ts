/**
 * Chinese dates of the Song calendar as Julian Day Numbers, from the month table that `npm run gen` takes from
 * tyme4ts (src/generated/calendar-table.ts), so the browser never loads the library.
 *
 * A Chinese year is named by the Gregorian year of its 正月, as the era table names it; its 十二月 (and sometimes
 * its 十一月) falls in January or February of the next Gregorian year, which is why everything here goes through
 * day numbers and only the formatting speaks of calendar years. Dates before 1582-10-15 are customarily given in
 * the Julian calendar; the proleptic Gregorian date is offered beside it for readers who compare with modern tables.
 */
import { CALENDAR_FIRST_YEAR, CALENDAR_ROWS } from '../generated/calendar-table.ts';

export const STEMS = '甲乙丙丁戊己庚辛壬癸';
export const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 0 = 甲子 … 59 = 癸亥; null for anything that is not one of the sixty pairs (甲丑 is not). */
export function sexagenaryIndex(name: string): number | null {
  if (name.length !== 2) return null;
  const s = STEMS.indexOf(name[0]!);
  const b = BRANCHES.indexOf(name[1]!);
  if (s < 0 || b < 0 || s % 2 !== b % 2) return null;
  // The index i with i ≡ s (mod 10) and i ≡ b (mod 12).
  return (6 * s - 5 * b + 60) % 60;
}

export function sexagenaryName(index: number): string {
  const i = ((index % 60) + 60) % 60;
  return STEMS[i % 10]! + BRANCHES[i % 12]!;
}

/** The day's place in the sixty-day cycle; JDN 2117952 (1086-08-21) is 乙丑 = 1. */
export function dayCycle(jdn: number): number {
  return (((jdn + 49) % 60) + 60) % 60;
}

/** The year's place in the sixty-year cycle: 1084 is 甲子 = 0, 1127 is 丁未 = 43. */
export function yearCycle(year: number): number {
  return (((year - 4) % 60) + 60) % 60;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

// Integer-only conversions (Fliegel–Van Flandern / Richards); valid for all positive JDNs in question here.
export function jdnFromJulian(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

export function jdnFromGregorian(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export function julianFromJdn(jdn: number): YMD {
  const c = jdn + 32082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: d - 4800 + Math.floor(m / 10),
  };
}

export function gregorianFromJdn(jdn: number): YMD {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** `1086-08-21` (ISO 8601 form, four-digit year). */
export function formatYMD({ year, month, day }: YMD): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export interface LunarMonth {
  /** The Chinese year (Gregorian year of its 正月). */
  year: number;
  /** 1–12; a leap month has the number of the month it follows. */
  month: number;
  leap: boolean;
  /** JDN of its first day. */
  first: number;
  /** 29 or 30. */
  days: number;
}

export interface LunarDate {
  year: number;
  month: number;
  leap: boolean;
  /** 1–30. */
  day: number;
}

export type Season = '春' | '夏' | '秋' | '冬';
export const SEASONS: readonly Season[] = ['春', '夏', '秋', '冬'];

/** A closed range of days (first and last JDN; equal for a single day). */
export interface DaySpan {
  first: number;
  last: number;
}

export class LunarCalendar {
  private readonly byYear = new Map<number, LunarMonth[]>();
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(firstYear: number, rows: readonly (readonly [number, number, number])[]) {
    this.firstYear = firstYear;
    this.lastYear = firstYear + rows.length - 1;
    rows.forEach(([newYear, leapMonth, mask], i) => {
      const year = firstYear + i;
      const count = leapMonth === 0 ? 12 : 13;
      const months: LunarMonth[] = [];
      let first = newYear;
      for (let k = 0; k < count; k++) {
        const leap = leapMonth !== 0 && k === leapMonth;
        const month = leapMonth !== 0 && k >= leapMonth ? k : k + 1;
        const days = mask & (1 << k) ? 30 : 29;
        months.push({ year, month, leap, first, days });
        first += days;
      }
      this.byYear.set(year, months);
    });
  }

  /** The year's months in order (a leap month after its namesake); null outside the table. */
  months(year: number): LunarMonth[] | null {
    const m = this.byYear.get(year);
    return m ? [...m] : null;
  }

  month(year: number, month: number, leap = false): LunarMonth | null {
    return this.byYear.get(year)?.find((m) => m.month === month && m.leap === leap) ?? null;
  }

  /** The year's leap month (0 = none); null outside the table. */
  leapMonth(year: number): number | null {
    const m = this.byYear.get(year);
    if (!m) return null;
    return m.find((x) => x.leap)?.month ?? 0;
  }

  /** 春 = months 1–3, 夏 4–6, 秋 7–9, 冬 10–12, each with a leap month that falls among them. */
  season(year: number, season: Season): DaySpan | null {
    const k = SEASONS.indexOf(season);
    const inSeason = this.byYear.get(year)?.filter((m) => m.month > 3 * k && m.month <= 3 * k + 3);
    if (!inSeason || inSeason.length === 0) return null;
    const last = inSeason[inSeason.length - 1]!;
    return { first: inSeason[0]!.first, last: last.first + last.days - 1 };
  }

  /** The day of that month with that place in the sixty-day cycle; null when the month has no such day. */
  dayInMonth(m: LunarMonth, cycle: number): number | null {
    const offset = (((cycle - dayCycle(m.first)) % 60) + 60) % 60;
    return offset < m.days ? m.first + offset : null;
  }

  lunarDate(jdn: number): LunarDate | null {
    for (const months of this.byYear.values()) {
      for (const m of months) {
        if (jdn >= m.first && jdn < m.first + m.days) return { year: m.year, month: m.month, leap: m.leap, day: jdn - m.first + 1 };
      }
    }
    return null;
  }
}

/** The Song calendar for the years the generated table covers (1068–1130). */
export const songCalendar = new LunarCalendar(CALENDAR_FIRST_YEAR, CALENDAR_ROWS);
