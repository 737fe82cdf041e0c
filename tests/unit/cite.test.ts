import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chicagoDate, entryInForce, formatCitation, isoDate, locusText, placeUrl, quotedText, type CiteIndex } from '../../src/core/cite.ts';
import { WORDS } from '../../src/core/words.ts';
import { EDITION_STATEMENT } from '../../src/core/edition.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { eraTable } from '../../scripts/lib/chronicle.ts';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };
import traditional from '../../src/generated/traditional.json' with { type: 'json' };
import { read } from '../../scripts/lib/repo.ts';

const index = yearIndex as CiteIndex;
const yearName = (y: number): string => songYearName(eraTable(), y);
const accessed = { year: 2026, month: 12, day: 3 };
const URL_Y1088 = 'https://example.org/song-shi-xia-guo-zhuan/#/chapters/02-yuanyou?id=y1088';

test('the work cited is 卷四百八十六《外国二·夏国下》, as the seed and the edition statement say, for every chapter', () => {
  assert.match(read('data/seed/README.md'), /《宋史》卷四百八十六 列传第二百四十五 外国二 夏国下/);
  assert.ok(EDITION_STATEMENT.includes(`《${WORDS.citeWork}》${WORDS.citeJuan}《${WORDS.citePian}》`));
});

test('GB/T 7714: 脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. entry[access date]. URL.', () => {
  const c = formatCitation({
    form: 'gbt',
    locus: { entry: { year: 1088, anchor: 'y1088' }, paragraph: null },
    yearName,
    url: URL_Y1088,
    accessed,
    words: WORDS,
  });
  assert.equal(c, `脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. 元祐三年（1088）条[2026-12-03]. ${URL_Y1088}.`);
});

test('Chicago: the issue’s minimal content word for word, then Accessed and the URL', () => {
  const c = formatCitation({
    form: 'chicago',
    locus: { entry: { year: 1088, anchor: 'y1088' }, paragraph: null },
    yearName,
    url: URL_Y1088,
    accessed,
    words: WORDS,
  });
  assert.equal(c, `脱脱等. 《宋史》卷四百八十六《外国二·夏国下》, 元祐三年（1088）条. Accessed December 3, 2026. ${URL_Y1088}.`);
});

test('a selection is quoted first; its whitespace is the text’s, not the page’s', () => {
  const c = formatCitation({
    form: 'gbt',
    locus: { entry: { year: 1088, anchor: 'y1088' }, paragraph: 2 },
    yearName,
    url: 'U',
    accessed,
    words: WORDS,
    quote: '\u3000\u3000三年正月，\n',
  });
  assert.equal(c, '「三年正月，」脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. 元祐三年（1088）条，¶2[2026-12-03]. U.');
  assert.equal(quotedText('甲。\n\n\u3000\u3000乙'), '甲。 乙');
  assert.equal(quotedText('  \u3000 '), '');
  // Nothing left to quote: no empty brackets.
  assert.ok(
    !formatCitation({ form: 'chicago', locus: { entry: null, paragraph: 0 }, yearName, url: 'U', accessed, words: WORDS, quote: '\u3000' }).startsWith('「'),
  );
});

test('loci: a second entry of a year, a paragraph under its entry, a paragraph before any entry', () => {
  assert.equal(locusText({ entry: { year: 1086, anchor: 'y1086-2' }, paragraph: null }, yearName, WORDS), '元祐元年（1086）条之二');
  assert.equal(locusText({ entry: { year: 1094, anchor: 'y1094' }, paragraph: 0 }, yearName, WORDS), '绍圣元年（1094）条，¶0');
  assert.equal(locusText({ entry: null, paragraph: 0 }, yearName, WORDS), '¶0');
});

test('the entry in force: at or before the place, in this chapter or the last of an earlier one', () => {
  // 02-yuanyou ¶4 holds 1090 (offset 2) and 1091 (offset 90).
  assert.equal(entryInForce(index, 'chapters/02-yuanyou', 4, 2)?.anchor, 'y1090');
  assert.equal(entryInForce(index, 'chapters/02-yuanyou', 4, 89)?.anchor, 'y1090');
  assert.equal(entryInForce(index, 'chapters/02-yuanyou', 4, 90)?.anchor, 'y1091');
  // ¶0 of 02-yuanyou opens before its first entry (offset 29): it is still 1086, chapter 1's entry.
  assert.equal(entryInForce(index, 'chapters/02-yuanyou', 0, 2)?.anchor, 'y1086');
  assert.equal(entryInForce(index, 'chapters/02-yuanyou', 0, 29)?.anchor, 'y1086-2');
  assert.equal(entryInForce(index, 'chapters/01-bingchang', 0, 0), null);
  assert.equal(entryInForce(index, 'home', 0, 0), null);
});

test('dates and the address', () => {
  assert.equal(isoDate({ year: 2027, month: 1, day: 9 }), '2027-01-09');
  assert.equal(chicagoDate({ year: 2027, month: 1, day: 9 }), 'January 9, 2027');
  assert.equal(placeUrl('https://h/sub/?script=t', 'chapters/02-yuanyou', 'p3'), 'https://h/sub/?script=t#/chapters/02-yuanyou?id=p3');
});

test('the traditional words cite in traditional characters', () => {
  const w = (traditional as { words: typeof WORDS }).words;
  const c = formatCitation({
    form: 'chicago',
    locus: { entry: { year: 1088, anchor: 'y1088' }, paragraph: null },
    yearName: () => '元祐三年',
    url: 'U',
    accessed,
    words: w,
  });
  assert.equal(c, '脫脫等. 《宋史》卷四百八十六《外國二·夏國下》, 元祐三年（1088）條. Accessed December 3, 2026. U.');
});
