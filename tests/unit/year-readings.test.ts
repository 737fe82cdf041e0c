/** An era year that more than one era could mean: every era name the table gives two eras is found and read; and a Gregorian year read without the table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import yearIndexJson from '../../src/generated/year-index.json' with { type: 'json' };
import { eraTable } from '../../scripts/lib/chronicle.ts';
import { eraYearReadings, resolveGregorianLink, resolveYearLink, type YearIndex } from '../../src/core/year-link.ts';

const table = eraTable();
const index = yearIndexJson as YearIndex;
const brief = (rs: ReturnType<typeof eraYearReadings>) => rs.map((r) => `${r.era.state}${r.era.rulerTemple}${r.year}`);

test('大安四年 is 夏 1078 and 辽 1088 (金 大安 had three years); a state named keeps its own', () => {
  assert.deepEqual(brief(eraYearReadings(table, '大安', 4)), ['夏惠宗1078', '辽道宗1088']);
  assert.deepEqual(brief(eraYearReadings(table, '大安', 1)), ['夏惠宗1075', '辽道宗1085', '金卫绍王1209']);
  assert.deepEqual(brief(eraYearReadings(table, '大安', 11)), ['夏惠宗1085']);
  assert.deepEqual(brief(eraYearReadings(table, '大安', 4, '辽')), ['辽道宗1088']);
  assert.deepEqual(brief(eraYearReadings(table, '天庆', 1)), ['夏桓宗1194', '辽天祚帝1111']);
  assert.deepEqual(brief(eraYearReadings(table, '乾道', 1)), ['宋孝宗1165', '夏惠宗1068']);
  assert.deepEqual(brief(eraYearReadings(table, '大庆', 1)), ['夏景宗1036', '夏仁宗1140']);
  assert.deepEqual(brief(eraYearReadings(table, '元祐', 3)), ['宋哲宗1088']);
});

test('every era name two eras bore: its first year has every reading, and a year link carries the others', () => {
  const shared = table.names().filter((n) => table.byName(n).length > 1);
  assert.deepEqual([...shared].sort(), ['乾道', '大安', '大庆', '天庆'].sort(), 'the names in data/eras.tsv');
  for (const name of shared) {
    const readings = eraYearReadings(table, name, 1);
    assert.equal(readings.length, table.byName(name).length, name);
    const link = resolveYearLink(`${name}元年`, index, () => table);
    assert.ok(link.kind === 'entry' || link.kind === 'gap', name);
    assert.equal(link.year, readings[0]!.year, `${name}: the first reading is opened, as before`);
    assert.deepEqual(
      link.named?.others.map((r) => r.year),
      readings.slice(1).map((r) => r.year),
      name,
    );
  }
  const plain = resolveYearLink('元祐三年', index, () => table);
  assert.ok(plain.kind === 'entry' && plain.named?.others.length === 0);
});

test('a Gregorian year link resolves from the index alone, as the full resolver resolves it; anything else is left to it', () => {
  const noTable = (): never => {
    throw new Error('the era table was asked for');
  };
  for (const raw of ['1101', '1095', '1088年', ' 1127 ', '0', '99999', encodeURIComponent('１１０１')]) {
    assert.deepEqual(resolveGregorianLink(raw, index), resolveYearLink(raw, index, noTable), raw);
  }
  for (const raw of [encodeURIComponent('建中靖国元年'), encodeURIComponent('大安四年'), '%E5%', '', 'abc']) {
    assert.equal(resolveGregorianLink(raw, index), null, raw);
  }
});
