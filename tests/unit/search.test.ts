import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hitHash, parseHighlight, search, snippetAt, type SearchIndex } from '../../src/core/search.ts';
import { songYearName } from '../../src/core/year-format.ts';
import type { YearIndex } from '../../src/core/year-link.ts';
import yearIndexJson from '../../src/generated/year-index.json' with { type: 'json' };
import { eraTable } from '../../scripts/lib/chronicle.ts';

const table = eraTable();
const years = { index: yearIndexJson as YearIndex, eras: () => table, label: (y: number) => `${songYearName(table, y)}（${y}）` };

const index: SearchIndex = {
  version: 1,
  chapters: [
    {
      route: 'chapters/x',
      title: '第一章',
      paragraphs: ['　　元祐二年，夏人寇边，察哥引兵至城下。明年，察哥又至。', '　　三年，无事。'],
      years: [
        [0, 2, '元祐二年（1087）'],
        [1, 2, '元祐三年（1088）'],
      ],
    },
  ],
  glossary: [{ term: '察哥', forms: ['察哥'], gloss: '西夏宗室将领。', kind: '人物', anchor: 'g-5bdf-54e5' }],
};

test('snippets are cut at clause marks, never inside a phrase, and say when they are cut short', () => {
  const text = '　　元祐二年，夏人寇边，察哥引兵至城下。明年';
  assert.deepEqual(snippetAt(text, 12, 14), { before: '', match: '察哥', after: '引兵至城下。' });
  const long = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁察哥';
  const s = snippetAt(long, long.length - 2, long.length);
  assert.equal(s.before.startsWith('…'), true);
  assert.equal(s.before.length, 25);
});

test('every occurrence is a result, in reading order, with the year in force at it', () => {
  const a = search(index, '察哥', years);
  const text = a.results.filter((r) => r.kind === 'text');
  assert.equal(a.textHits, 2);
  assert.deepEqual(
    text.map((r) => r.kind === 'text' && [r.paragraph, r.start, r.year]),
    [
      [0, 12, '元祐二年（1087）'],
      [0, 23, '元祐二年（1087）'],
    ],
  );
  assert.deepEqual(a.results.at(-1), { kind: 'term', term: '察哥', gloss: '西夏宗室将领。', kindName: '人物', anchor: 'g-5bdf-54e5' });
  assert.equal(hitHash({ route: 'chapters/x', paragraph: 0, start: 12, end: 14 }), '#/chapters/x?id=p0&hl=12-14');
});

test('a reign year by either calendar, and years with no entry or outside the Song get a message', () => {
  const y = (q: string) => search(index, q, years).results.filter((r) => r.kind === 'year' || r.kind === 'year-message');
  assert.deepEqual(y('1088'), [{ kind: 'year', label: '元祐三年（1088）', hash: '#/chapters/02-yuanyou?id=y1088' }]);
  assert.deepEqual(y('元祐三年'), y('1088'));
  assert.deepEqual(y('1500'), [{ kind: 'year-message', text: '1500年不在宋代（960—1279）。' }]);
  assert.deepEqual(y('元祐十五年'), [{ kind: 'year-message', text: '元祐只有9年。' }]);
  const gap = y('1050');
  assert.equal(gap[0]!.kind, 'year-message');
  assert.equal(search(index, '   ', years).results.length, 0);
});

test('a highlight in an address is two offsets, start before end; anything else is ignored', () => {
  assert.deepEqual(parseHighlight('35-37'), { start: 35, end: 37 });
  for (const bad of [null, '', '37-35', '3', 'a-b', '1-2-3', '<b>-1', '9999999-99999999']) assert.equal(parseHighlight(bad), null, String(bad));
});
