import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JulianDay, LunarDay, LunarMonth, LunarYear, SolarDay } from 'tyme4ts';
import {
  dayCycle,
  formatYMD,
  gregorianFromJdn,
  jdnFromGregorian,
  jdnFromJulian,
  julianFromJdn,
  sexagenaryIndex,
  sexagenaryName,
  songCalendar as cal,
  yearCycle,
} from '../../src/core/calendar.ts';
import { CALENDAR_FIRST_YEAR, CALENDAR_ROWS } from '../../src/generated/calendar-table.ts';

const FIRST = 1068;
const LAST = 1130;

test('the generated table covers 1068–1130, one row a year', () => {
  assert.equal(CALENDAR_FIRST_YEAR, FIRST);
  assert.equal(CALENDAR_ROWS.length, LAST - FIRST + 1);
  assert.equal(cal.firstYear, FIRST);
  assert.equal(cal.lastYear, LAST);
  assert.equal(cal.months(FIRST - 1), null);
  assert.equal(cal.months(LAST + 1), null);
});

test('every month 1068–1130 agrees with tyme4ts: order, number, leap, first day, length', () => {
  let count = 0;
  for (let year = FIRST; year <= LAST; year++) {
    const ours = cal.months(year)!;
    const theirs = LunarYear.fromYear(year).getMonths();
    assert.equal(ours.length, theirs.length, `${year}: number of months`);
    assert.equal(cal.leapMonth(year), LunarYear.fromYear(year).getLeapMonth(), `${year}: leap month`);
    theirs.forEach((m, i) => {
      const o = ours[i]!;
      const label = `${year} month ${m.getMonthWithLeap()}`;
      assert.equal(o.leap ? -o.month : o.month, m.getMonthWithLeap(), label);
      assert.equal(o.first, m.getFirstJulianDay().getDay(), `${label}: first day`);
      assert.equal(o.days, m.getDayCount(), `${label}: length`);
      count++;
    });
  }
  assert.equal(count, 63 * 12 + 23, 'months in 63 years: 23 leap years in 1068–1130');
});

test('the rows chain: each 正月初一 is the day after the previous year’s last month', () => {
  for (let year = FIRST; year < LAST; year++) {
    const last = cal.months(year)!.at(-1)!;
    assert.equal(last.first + last.days, cal.months(year + 1)![0]!.first, `${year}→${year + 1}`);
  }
});

test('tyme4ts gives Julian dates before 1582-10-15 (and Gregorian after)', () => {
  // 1582-10-04 (Julian) is followed by 1582-10-15 (Gregorian): JDN 2299160 and 2299161.
  assert.equal(SolarDay.fromYmd(1582, 10, 4).getJulianDay().getDay() + 0.5, 2299160);
  assert.equal(SolarDay.fromYmd(1582, 10, 15).getJulianDay().getDay() + 0.5, 2299161);
  assert.equal(SolarDay.fromYmd(1582, 10, 4).next(1).toString(), '1582年10月15日');
  // JDN 2117952 is Julian 1086-08-21 by the standard algorithm; tyme4ts names the same day.
  assert.equal(JulianDay.fromJulianDay(2117952).getSolarDay().toString(), '1086年8月21日');
  assert.equal(SolarDay.fromYmd(1086, 8, 21).getJulianDay().getDay() + 0.5, 2117952);
  // Our conversions agree with tyme4ts at every month start of the table.
  for (let year = FIRST; year <= LAST; year++) {
    for (const m of cal.months(year)!) {
      const s = JulianDay.fromJulianDay(m.first).getSolarDay();
      assert.deepEqual(julianFromJdn(m.first), { year: s.getYear(), month: s.getMonth(), day: s.getDay() });
    }
  }
});

test('Julian and Gregorian day numbers: known days and round trips', () => {
  assert.equal(jdnFromJulian(1086, 8, 21), 2117952);
  assert.equal(jdnFromGregorian(1086, 8, 27), 2117952);
  assert.equal(jdnFromGregorian(2000, 1, 1), 2451545);
  assert.equal(jdnFromJulian(1582, 10, 4) + 1, jdnFromGregorian(1582, 10, 15));
  assert.equal(formatYMD(gregorianFromJdn(2117952)), '1086-08-27');
  // 1100 is a leap year in the Julian calendar only: the gap grows from 6 to 7 days on Julian 1100-02-29.
  assert.equal(formatYMD(gregorianFromJdn(jdnFromJulian(1100, 2, 28))), '1100-03-06');
  assert.equal(formatYMD(gregorianFromJdn(jdnFromJulian(1100, 3, 1))), '1100-03-08');
  for (let jdn = 2100000; jdn < 2140000; jdn += 37) {
    const j = julianFromJdn(jdn);
    const g = gregorianFromJdn(jdn);
    assert.equal(jdnFromJulian(j.year, j.month, j.day), jdn);
    assert.equal(jdnFromGregorian(g.year, g.month, g.day), jdn);
  }
});

test('元祐元年七月乙丑 = JDN 2117952 = Julian 1086-08-21; the month starts 丙辰 1086-08-12', () => {
  const m = cal.month(1086, 7)!;
  assert.equal(m.first, 2117943);
  assert.equal(sexagenaryName(dayCycle(m.first)), '丙辰');
  assert.equal(formatYMD(julianFromJdn(m.first)), '1086-08-12');
  const day = cal.dayInMonth(m, sexagenaryIndex('乙丑')!);
  assert.equal(day, 2117952);
  assert.equal(LunarDay.fromYmd(1086, 7, 10).getSixtyCycle().getName(), '乙丑');
  assert.deepEqual(cal.lunarDate(2117952), { year: 1086, month: 7, leap: false, day: 10 });
});

test('元符二年闰九月 = Julian 1099-10-17 … 1099-11-14; leap months 1086: 2, 1099: 9', () => {
  const m = cal.month(1099, 9, true)!;
  assert.equal(formatYMD(julianFromJdn(m.first)), '1099-10-17');
  assert.equal(formatYMD(julianFromJdn(m.first + m.days - 1)), '1099-11-14');
  assert.equal(cal.leapMonth(1086), 2);
  assert.equal(cal.leapMonth(1099), 9);
  assert.equal(cal.month(1099, 8, true), null);
  assert.equal(m.first, LunarMonth.fromYm(1099, -9).getFirstJulianDay().getDay());
});

test('a twelfth month falls in the next Gregorian year: 元祐元年十二月 = Julian 1087-01-08 … 02-05', () => {
  const m = cal.month(1086, 12)!;
  assert.equal(m.first, 2118092);
  assert.equal(formatYMD(julianFromJdn(m.first)), '1087-01-08');
  assert.equal(formatYMD(julianFromJdn(m.first + m.days - 1)), '1087-02-05');
});

test('seasons are months 1–3, 4–6, 7–9, 10–12 with a leap month among them', () => {
  const spring = cal.season(1086, '春')!;
  assert.equal(spring.first, cal.month(1086, 1)!.first);
  const third = cal.month(1086, 3)!;
  assert.equal(spring.last, third.first + third.days - 1, '闰二月 1086 is inside spring');
  const winter = cal.season(1086, '冬')!;
  assert.equal(winter.last, cal.month(1086, 12)!.first + cal.month(1086, 12)!.days - 1);
});

test('the sixty-day and sixty-year cycles', () => {
  assert.equal(sexagenaryIndex('甲子'), 0);
  assert.equal(sexagenaryIndex('乙丑'), 1);
  assert.equal(sexagenaryIndex('癸亥'), 59);
  assert.equal(sexagenaryIndex('甲丑'), null);
  assert.equal(sexagenaryIndex('丁'), null);
  for (let i = 0; i < 60; i++) assert.equal(sexagenaryIndex(sexagenaryName(i)), i);
  assert.equal(sexagenaryName(yearCycle(1127)), '丁未');
  assert.equal(sexagenaryName(yearCycle(1084)), '甲子');
  for (let year = FIRST; year <= LAST; year++) {
    assert.equal(sexagenaryName(yearCycle(year)), LunarYear.fromYear(year).getSixtyCycle().getName(), `${year}`);
    const m = cal.months(year)![0]!;
    assert.equal(sexagenaryName(dayCycle(m.first)), LunarDay.fromYmd(year, 1, 1).getSixtyCycle().getName(), `${year}-1-1`);
  }
});
