/**
 * A year link or a search in either script's era names: the simplified table (the first script's, the simplified
 * page's) reads the traditional names through src/generated/era-spellings.json, and the traditional table the
 * simplified ones, so `#/year/紹聖元年` opens its entry in both pages and before the features have loaded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import yearIndexJson from '../../src/generated/year-index.json' with { type: 'json' };
import spellings from '../../src/generated/era-spellings.json' with { type: 'json' };
import traditionalJson from '../../src/generated/traditional.json' with { type: 'json' };
import { eraTable } from '../../scripts/lib/chronicle.ts';
import { EraTable, expandEras, type CompactEra } from '../../src/core/eras.ts';
import { resolveYearLink, type YearIndex } from '../../src/core/year-link.ts';
import { search, type SearchIndex } from '../../src/core/search.ts';

const index = yearIndexJson as YearIndex;
const plain = eraTable();
const simplified = new EraTable([...plain.eras], spellings);
const reversed = Object.fromEntries(Object.entries(spellings).map(([t, s]) => [s, t]));
const traditional = new EraTable(expandEras(traditionalJson.eras as CompactEra[], 'data/eras.tsv'), reversed);

/** The Gregorian year a link opens (an entry or a year without one), or its kind when it opens none. */
function opens(text: string, table: EraTable): number | string {
  const link = resolveYearLink(encodeURIComponent(text), index, () => table);
  return link.kind === 'entry' || link.kind === 'gap' ? link.year : link.kind;
}

test('traditional era names open their year from the simplified table (the first script, the simplified page)', () => {
  const cases: [string, number][] = [
    ['元祐三年', 1088],
    ['紹聖元年', 1094],
    ['元符二年', 1099],
    ['建中靖國元年', 1101],
    ['崇寧二年', 1103],
    ['政和四年', 1114],
    ['重和元年', 1118],
    ['宣和三年', 1121],
    ['靖康元年', 1126],
    ['建炎元年', 1127],
    ['天祐民安元年', 1090],
    ['貞觀二年', 1102],
    ['雍寧元年', 1114],
    ['天儀治平元年', 1086],
    ['天賜禮盛國慶元年', 1069],
    ['壽昌三年', 1097],
    ['乾統元年', 1101],
    ['保大元年', 1121],
    ['收國元年', 1115],
    ['天輔二年', 1118],
    ['天會三年', 1125],
    ['大安四年', 1078],
    ['遼大安四年', 1088],
    ['遼壽昌三年', 1097],
  ];
  for (const [text, year] of cases) {
    assert.equal(opens(text, simplified), year, `${text} (simplified table)`);
    assert.equal(opens(text, traditional), year, `${text} (traditional table)`);
  }
  // 天庆 is also Xia's (1194): the Song-period link reads Xia first, as the simplified name does.
  assert.equal(opens('天慶元年', simplified), opens('天庆元年', plain));
});

test('every era of the table, in either script, opens the same year from either table', () => {
  const trad = traditionalJson.eras as CompactEra[];
  plain.eras.forEach((era, i) => {
    const t = trad[i]![1];
    const expected = opens(`${era.state}${era.name}元年`, plain);
    assert.equal(opens(`${era.state}${era.name}元年`, traditional), expected, `${era.state}${era.name} in the traditional table`);
    for (const state of new Set([era.state, traditionalJson.words[era.state]])) {
      assert.equal(opens(`${state}${t}元年`, simplified), expected, `${state}${t} in the simplified table`);
      assert.equal(opens(`${state}${t}元年`, traditional), expected, `${state}${t} in the traditional table`);
    }
  });
});

test("a year a traditional-named era never reached is said in the table's own names", () => {
  const link = resolveYearLink('紹聖九十年', index, () => simplified);
  assert.ok(link.kind === 'no-such-era-year' && link.era.name === '绍圣' && link.last === 5, JSON.stringify(link));
  const back = resolveYearLink('绍圣九十年', index, () => traditional);
  assert.ok(back.kind === 'no-such-era-year' && back.era.name === '紹聖', JSON.stringify(back));
  assert.equal(opens('紹聖元', simplified), 'unknown');
});

test('search reads a traditional era year on the simplified index', () => {
  const empty: SearchIndex = { version: 1, chapters: [], glossary: [] };
  const years = { index, eras: () => simplified, label: (y: number) => String(y) };
  assert.deepEqual(
    search(empty, '紹聖四年', years).results.map((r) => r.kind === 'year' && r.label),
    ['1097'],
  );
});
