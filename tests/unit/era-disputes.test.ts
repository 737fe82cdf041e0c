import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataErrors } from '../../src/core/data-error.ts';
import { disputeNotes, parseEraDisputes } from '../../src/core/era-disputes.ts';
import { EraTable, parseEras } from '../../src/core/eras.ts';
import { read } from '../../scripts/lib/repo.ts';

const table = new EraTable(parseEras(read('data/eras.tsv'), 'data/eras.tsv'));
const disputes = parseEraDisputes(read('data/era-disputes.yaml'), 'data/era-disputes.yaml', table);

const GOOD = `- state: 夏
  era: 大安
  first: 1074
  last: 1084
  basis: 本传熙宁八年牒称大安二年。
  sources:
    - 《宋史》卷四百八十六《夏国传下》：牒称大安二年
`;

function errorsOf(text: string): string[] {
  try {
    parseEraDisputes(text, 'd.yaml', table);
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

test('era disputes: the data file parses against the era table', () => {
  assert.ok(disputes.some((d) => d.state === '夏' && d.era === '大安' && d.first === 1074));
  assert.deepEqual(errorsOf(GOOD), []);
});

test('era disputes: each fault is named with file:line', () => {
  assert.deepEqual(errorsOf(GOOD.replace('era: 大安', 'era: 大宁')), ['d.yaml:2: no 夏 era 大宁 in the era table']);
  assert.deepEqual(errorsOf(GOOD.replace('first: 1074', 'first: 1075').replace('last: 1084', 'last: 1085')), [
    'd.yaml:3: this reading is the table’s own: nothing disputed',
  ]);
  assert.deepEqual(errorsOf(GOOD.replace('last: 1084', 'last: 1070')), ['d.yaml:3: "first" and "last" must be years, first ≤ last']);
  assert.deepEqual(errorsOf(GOOD.replace('大安二年。', '大安二年')), ['d.yaml:5: "basis" must say why, in a sentence ending 。']);
  assert.match(errorsOf(GOOD.replace('《宋史》卷四百八十六《夏国传下》', '《长编》卷二百六十六'))[0]!, /^d\.yaml:7: source .*year and month/);
  assert.deepEqual(errorsOf(GOOD + '  colour: red\n'), ['d.yaml:8: unknown field "colour"']);
  assert.deepEqual(errorsOf(GOOD.replace('state: 夏', 'state: 元')), ['d.yaml:1: "state" must be one of 宋 夏 辽 金', 'd.yaml:2: no 元 era 大安 in the era table']);
});

test('一说: the bubble of a year gives both readings, their sources and what the year is by each', () => {
  const [line, ...rest] = disputeNotes(disputes, table, 1085);
  assert.deepEqual(rest, []);
  assert.match(line!, /^一说夏大安当1074—1084年（本站年表从DDBC作1075—1085年）/u);
  assert.match(line!, /《宋史》卷四百八十六《夏国传下》；《长编》卷二百六十六，熙宁八年七月/u);
  assert.match(line!, /此年本站年表为大安十一年，此说已非大安。$/u);
  assert.match(disputeNotes(disputes, table, 1074).join('\n'), /此年本站年表已非大安，此说为大安元年/u);
  // 1074 also sits in 天赐礼盛国庆 by both the table and the chronicle's own count.
  assert.equal(disputeNotes(disputes, table, 1074).length, 2);
  // Years no reading touches have no 一说; the reader's own years (1086–1127) have none today.
  assert.deepEqual(disputeNotes(disputes, table, 1100), []);
  assert.deepEqual(disputeNotes(disputes, table, 1206).length, 1);
});

test('a YAML syntax error is reported at its own line, not at line 1', () => {
  // An unterminated quote opened on line 5 runs to the end of the file: the fault is the quote's line.
  const broken = GOOD.replace('basis: 本传熙宁八年牒称大安二年。', 'basis: "本传熙宁八年牒称大安二年。');
  const [first] = errorsOf(broken);
  assert.match(first!, /^d\.yaml:5: YAML: /);
});
