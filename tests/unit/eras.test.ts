import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DataErrors } from '../../src/core/data-error.ts';
import {
  EraTable,
  STATES,
  STATE_SPANS,
  formatEraYear,
  formatRulerEraYear,
  parseEras,
  type Era,
  type State,
} from '../../src/core/eras.ts';
import { parseChineseNumeral, toChineseNumeral } from '../../src/core/numerals.ts';

const FILE = 'data/eras.tsv';
const text = readFileSync(new URL('../../data/eras.tsv', import.meta.url), 'utf8');
const eras = parseEras(text, FILE);
const table = new EraTable(eras);

function only(state: State, name: string): Era {
  const found = table.byName(name).filter((e) => e.state === state);
  assert.equal(found.length, 1, `${state} ${name}`);
  return found[0]!;
}

function labels(year: number): string[] {
  return table.parallel(year).map((p) => formatRulerEraYear(p.era, p.eraYear));
}

// ── the real table ──────────────────────────────────────────────────────────────────────────────────────────────

test('data/eras.tsv parses without a fault and covers all four states', () => {
  for (const state of STATES) {
    const rows = eras.filter((e) => e.state === state);
    assert.ok(rows.length > 0, state);
    const span = STATE_SPANS[state];
    assert.equal(Math.min(...rows.map((e) => e.first)), span.first, `${state} starts its span`);
    assert.equal(Math.max(...rows.map((e) => e.last)), span.last, `${state} ends its span`);
  }
  const first = only('宋', '建隆');
  assert.equal(first.line, text.split('\n').findIndex((l) => l.startsWith('宋\t建隆\t')) + 1);
  assert.ok(eras.every((e) => e.source.length > 0 && e.rulerTemple.length > 0 && e.rulerName.length > 0));
});

test('eras 1068–1130 are exactly as the chronology reference lists them', () => {
  // /work/shared/reference/chronology.md, "Eras 1068–1130 (Chinese years, inclusive)".
  const expected: [State, string, number, number][] = [
    ['宋', '熙宁', 1068, 1077], ['宋', '元丰', 1078, 1085], ['宋', '元祐', 1086, 1094], ['宋', '绍圣', 1094, 1098],
    ['宋', '元符', 1098, 1100], ['宋', '建中靖国', 1101, 1101], ['宋', '崇宁', 1102, 1106], ['宋', '大观', 1107, 1110],
    ['宋', '政和', 1111, 1118], ['宋', '重和', 1118, 1119], ['宋', '宣和', 1119, 1125], ['宋', '靖康', 1126, 1127],
    ['宋', '建炎', 1127, 1130],
    ['夏', '乾道', 1068, 1068], ['夏', '天赐礼盛国庆', 1069, 1074], ['夏', '大安', 1075, 1085], ['夏', '天安礼定', 1086, 1086],
    ['夏', '天仪治平', 1086, 1089], ['夏', '天祐民安', 1090, 1097], ['夏', '永安', 1098, 1100], ['夏', '贞观', 1101, 1113],
    ['夏', '雍宁', 1114, 1118], ['夏', '元德', 1119, 1127], ['夏', '正德', 1127, 1134], ['夏', '大德', 1135, 1139],
    ['辽', '咸雍', 1065, 1074], ['辽', '大康', 1075, 1084], ['辽', '大安', 1085, 1094], ['辽', '寿昌', 1095, 1101],
    ['辽', '乾统', 1101, 1110], ['辽', '天庆', 1111, 1120], ['辽', '保大', 1121, 1125],
    ['金', '收国', 1115, 1116], ['金', '天辅', 1117, 1123], ['金', '天会', 1123, 1137],
  ];
  for (const [state, name, first, last] of expected) {
    const era = only(state, name);
    assert.deepEqual([era.first, era.last], [first, last], `${state} ${name}`);
  }
  const inRange = eras.filter((e) => e.last >= 1068 && e.first <= 1130);
  assert.deepEqual(
    inRange.map((e) => `${e.state}${e.name}`).sort(),
    expected.filter(([, , f, l]) => l >= 1068 && f <= 1130).map(([s, n]) => `${s}${n}`).sort(),
    'no other era touches 1068–1130',
  );
});

test('1088: 宋哲宗元祐三年, 夏崇宗天仪治平三年, 辽道宗大安四年, no Jin', () => {
  assert.deepEqual(labels(1088), ['宋哲宗元祐三年', '夏崇宗天仪治平三年', '辽道宗大安四年']);
  const p = table.parallel(1088);
  assert.deepEqual(p.map((x) => x.state), ['宋', '夏', '辽']);
  assert.deepEqual(p.map((x) => x.eraYear), [3, 3, 4]);
  assert.deepEqual(table.inYear(1088, '金'), []);
});

test('change-years belong to both eras, in order', () => {
  assert.deepEqual(table.inYear(1094, '宋').map((e) => e.name), ['元祐', '绍圣']);
  assert.deepEqual(labels(1094), ['宋哲宗元祐九年', '宋哲宗绍圣元年', '夏崇宗天祐民安五年', '辽道宗大安十年']);
  assert.deepEqual(table.inYear(1118, '宋').map((e) => e.name), ['政和', '重和']);
  assert.deepEqual(table.inYear(1119, '宋').map((e) => e.name), ['重和', '宣和']);
  assert.deepEqual(labels(1127), ['宋钦宗靖康二年', '宋高宗建炎元年', '夏崇宗元德九年', '夏崇宗正德元年', '金太宗天会五年']);
  assert.deepEqual(table.inYear(1127, '夏').map((e) => e.name), ['元德', '正德']);
  assert.deepEqual(table.inYear(1086, '夏').map((e) => e.name), ['天安礼定', '天仪治平']);
  assert.deepEqual(table.inYear(1213, '金').map((e) => e.name), ['崇庆', '至宁', '贞祐']);
  assert.deepEqual(table.inYear(1300), []);
});

test('大安 is an era of Xia, Liao and Jin; 大安十一年 can only be Xia', () => {
  const daan = table.byName('大安');
  assert.deepEqual(daan.map((e) => e.state), ['夏', '辽', '金']);
  const [xia, liao, jin] = daan as [Era, Era, Era];
  assert.equal(table.toGregorian(xia, 11), 1085);
  assert.equal(table.toGregorian(liao, 11), null);
  assert.equal(table.toGregorian(liao, 10), 1094);
  assert.equal(table.toGregorian(jin, 3), 1211);
  assert.deepEqual(table.byName('大庆').map((e) => [e.state, e.first]), [['夏', 1036], ['夏', 1140]]);
  assert.deepEqual(table.byName('无此年号'), []);
});

test('eraYear and toGregorian are inverse within the era and null outside', () => {
  const yuanyou = only('宋', '元祐');
  assert.equal(table.eraYear(yuanyou, 1086), 1);
  assert.equal(table.eraYear(yuanyou, 1094), 9);
  assert.equal(table.eraYear(yuanyou, 1085), null);
  assert.equal(table.eraYear(yuanyou, 1095), null);
  assert.equal(table.toGregorian(yuanyou, 1), 1086);
  assert.equal(table.toGregorian(yuanyou, 9), 1094);
  assert.equal(table.toGregorian(yuanyou, 10), null);
  assert.equal(table.toGregorian(yuanyou, 0), null);
  assert.equal(table.toGregorian(yuanyou, 1.5), null);
  for (const era of eras) {
    for (let y = era.first; y <= era.last; y++) assert.equal(table.toGregorian(era, table.eraYear(era, y)!), y);
  }
});

test('names() are distinct and longest first', () => {
  const names = table.names();
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(new Set(names), new Set(eras.map((e) => e.name)));
  for (let i = 1; i < names.length; i++) assert.ok(names[i - 1]!.length >= names[i]!.length);
  assert.ok(names.indexOf('建中靖国') < names.indexOf('靖康'));
  assert.ok(names.indexOf('天赐礼盛国庆') < names.indexOf('大安'));
});

test('formatEraYear writes 元年 and Chinese numerals', () => {
  assert.equal(formatEraYear(only('宋', '元祐'), 1), '元祐元年');
  assert.equal(formatEraYear(only('宋', '元祐'), 3), '元祐三年');
  assert.equal(formatEraYear(only('夏', '大安'), 11), '大安十一年');
  assert.equal(formatEraYear(only('宋', '绍兴'), 32), '绍兴三十二年');
  assert.equal(formatEraYear(only('夏', '天盛'), 20), '天盛二十年');
});

// ── numerals ────────────────────────────────────────────────────────────────────────────────────────────────────

test('Chinese numerals round-trip 1..99', () => {
  for (let n = 1; n <= 99; n++) assert.equal(parseChineseNumeral(toChineseNumeral(n)), n, String(n));
  assert.deepEqual(
    [1, 9, 10, 11, 19, 20, 21, 30, 40, 99].map(toChineseNumeral),
    ['一', '九', '十', '十一', '十九', '二十', '二十一', '三十', '四十', '九十九'],
  );
  assert.equal(parseChineseNumeral('廿三'), 23);
  assert.equal(parseChineseNumeral('卅'), 30);
  for (const bad of ['', '元', '正', '〇', '一十', '十十', '二十十', '三二', '百', '十一二', 'x']) {
    assert.equal(parseChineseNumeral(bad), null, bad);
  }
  assert.throws(() => toChineseNumeral(0), RangeError);
  assert.throws(() => toChineseNumeral(100), RangeError);
  assert.throws(() => toChineseNumeral(2.5), RangeError);
});

// ── validation ──────────────────────────────────────────────────────────────────────────────────────────────────

const HEADER = 'state\tera\truler_temple\truler_name\tfirst\tlast\tstart_month\tsource';

function row(...cells: string[]): string {
  return cells.join('\t');
}

/** Xia rows covering the state's whole span (1032–1227), so only the fault under test is reported. */
const XIA_A = row('夏', '甲乙', '景宗', '李元昊', '1032', '1100', '', 'test');
const XIA_B = row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '3', 'test');

function faults(lines: string[]): string[] {
  try {
    parseEras([HEADER, ...lines].join('\n'), 'bad.tsv');
  } catch (e) {
    assert.ok(e instanceof DataErrors, String(e));
    return e.errors.map((x) => x.message);
  }
  return [];
}

function assertFault(lines: string[], line: number, pattern: RegExp): void {
  const found = faults(lines);
  assert.ok(
    found.some((m) => m.startsWith(`bad.tsv:${line}: `) && pattern.test(m)),
    `expected bad.tsv:${line} matching ${pattern}, got:\n${found.join('\n')}`,
  );
}

test('a minimal valid table parses, with comments, blank lines and CRLF', () => {
  assert.deepEqual(faults([XIA_A, XIA_B]), []);
  const parsed = parseEras(['# comment', '', HEADER, '# note', XIA_A, XIA_B, ''].join('\r\n'), 'ok.tsv');
  assert.deepEqual(parsed.map((e) => [e.name, e.line, e.startMonth]), [['甲乙', 5, null], ['丙丁', 6, '3']]);
});

test('wrong column count', () => {
  assertFault([XIA_A, XIA_B, row('夏', '戊己', '崇宗', '李乾顺', '1100', '1101', '')], 4, /expected 8 .*columns, found 7/);
});

test('unknown state', () => {
  assertFault([XIA_A, XIA_B, row('元', '至元', '世祖', '忽必烈', '1264', '1294', '', 'test')], 4, /unknown state "元"/);
});

test('non-integer and reversed years', () => {
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '赵煦', '1086年', '1094', '', 'test')], 4, /first year "1086年" is not an integer/);
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '赵煦', '1086', '', '', 'test')], 4, /last year "" is not an integer/);
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '赵煦', '1094', '1086', '', 'test')], 4, /reversed/);
});

test('empty name, ruler or source', () => {
  assertFault([XIA_A, XIA_B, row('宋', '', '哲宗', '赵煦', '1086', '1094', '', 'test')], 4, /era name is empty/);
  assertFault([XIA_A, XIA_B, row('宋', '元 祐', '哲宗', '赵煦', '1086', '1094', '', 'test')], 4, /Chinese characters only/);
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '', '赵煦', '1086', '1094', '', 'test')], 4, /ruler_temple is empty/);
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '', '1086', '1094', '', 'test')], 4, /ruler_name is empty/);
  assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '赵煦', '1086', '1094', '', '')], 4, /source is empty/);
});

test('malformed start_month', () => {
  for (const month of ['13', '0', '闰', '正', '闰13', 'x9', '1.5']) {
    assertFault([XIA_A, XIA_B, row('宋', '元祐', '哲宗', '赵煦', '1086', '1094', month, 'test')], 4, /start_month/);
  }
  assert.deepEqual(faults([XIA_A, row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '闰12', 'test')]), []);
});

test('duplicate era in one state; the same name at another time is allowed', () => {
  assertFault([XIA_A, XIA_B, row('夏', '甲乙', '景宗', '李元昊', '1032', '1100', '', 'test')], 4, /duplicate era 夏 甲乙.*line 2/);
  const sameNameLater = [
    row('夏', '大庆', '景宗', '李元昊', '1032', '1100', '', 'test'),
    row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1140', '', 'test'),
    row('夏', '大庆', '仁宗', '李仁孝', '1140', '1227', '', 'test'),
  ];
  assert.deepEqual(faults(sameNameLater), []);
  // The same name in another state is no duplicate (大安: Xia and Liao).
  assert.ok(!faults([XIA_A, XIA_B, row('辽', '甲乙', '道宗', '耶律洪基', '916', '1125', '', 'test')]).some((m) => /duplicate/.test(m)));
});

test('overlap beyond the change-year is an error; sharing the change-year is not', () => {
  assertFault([XIA_A, row('夏', '丙丁', '崇宗', '李乾顺', '1099', '1227', '', 'test')], 3, /overlaps 甲乙 .*line 2.*change-year/);
  // Three eras in one change-year (金 1213: 崇庆, 至宁, 贞祐) are fine.
  const threeInOneYear = [
    row('夏', '甲乙', '景宗', '李元昊', '1032', '1100', '', 'test'),
    row('夏', '戊己', '景宗', '李元昊', '1100', '1100', '', 'test'),
    row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '', 'test'),
  ];
  assert.deepEqual(faults(threeInOneYear), []);
});

test('gaps within a state span', () => {
  const gap = [XIA_A, row('夏', '丙丁', '崇宗', '李乾顺', '1103', '1227', '', 'test')];
  assertFault(gap, 3, /no 夏 era covers 1101–1102 \(before 丙丁\)/);
  assertFault([row('夏', '甲乙', '景宗', '李元昊', '1040', '1227', '', 'test')], 2, /no 夏 era covers 1032–1039/);
  assertFault([row('夏', '甲乙', '景宗', '李元昊', '1032', '1226', '', 'test')], 2, /no 夏 era covers 1227 \(after 甲乙\)/);
});

test('eras outside the state span', () => {
  assertFault([XIA_A, XIA_B, row('金', '收国', '太祖', '完颜阿骨打', '1114', '1116', '', 'test')], 4, /outside the span of 金 \(1115–1234\)/);
  assertFault([XIA_A, XIA_B, row('辽', '保大', '天祚帝', '耶律延禧', '1121', '1126', '', 'test')], 4, /outside the span of 辽/);
});

test('header faults and every fault at once, sorted by line', () => {
  const noHeader = () => parseEras(XIA_A, 'bad.tsv');
  assert.throws(noHeader, (e: unknown) => e instanceof DataErrors && /^bad\.tsv:1: the header/.test(e.message));
  assert.throws(() => parseEras('# only a comment\n', 'bad.tsv'), /bad\.tsv:1: no header/);
  assert.throws(() => parseEras(HEADER + '\n', 'bad.tsv'), /bad\.tsv:1: no eras/);
  const many = faults([
    row('夏', '甲乙', '景宗', '李元昊', '1032', '1100', '', ''),
    row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '13', 'test'),
    row('宋', '元祐', '哲宗', '赵煦', 'x', '1094', '', 'test'),
  ]);
  // One fault a row: a row with a bad source or month still counts for coverage, so no gap is reported.
  assert.deepEqual(
    many.map((m) => m.slice(0, m.indexOf(': '))),
    ['bad.tsv:2', 'bad.tsv:3', 'bad.tsv:4'],
    many.join('\n'),
  );
});

test('an era begun after 正月 shares its first year with the era before it (天庆 runs into 应天 1206)', () => {
  const gapYear = [
    row('夏', '甲乙', '景宗', '李元昊', '1032', '1099', '', 'test'),
    row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '2', 'test'),
  ];
  assertFault(gapYear, 3, /丙丁 began in month 2 of 1100, so 甲乙 \(line 2\) must run to 1100, not 1099/);
  // Changed at New Year, or in a month not known: the year before may be the old era's last.
  assert.deepEqual(faults([gapYear[0]!, row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '1', 'test')]), []);
  assert.deepEqual(faults([gapYear[0]!, row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '', 'test')]), []);
  assert.deepEqual(faults([gapYear[0]!, row('夏', '丙丁', '崇宗', '李乾顺', '1100', '1227', '闰2', 'test')]).length, 1);
  const table = new EraTable(parseEras(readFileSync('data/eras.tsv', 'utf8'), 'data/eras.tsv'));
  assert.deepEqual(table.inYear(1206, '夏').map((e) => e.name), ['天庆', '应天']);
});
