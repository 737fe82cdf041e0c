import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGlossaryIndex, contextAt, glossaryPage, termAnchor } from '../../src/core/glossary-index.ts';
import { makeGlossary, type GlossaryEntry } from '../../src/core/glossary.ts';
import { parseChapter } from '../../src/core/text.ts';

const entry = (term: string, kind: GlossaryEntry['kind'], extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  term,
  kind,
  aliases: [],
  short: [],
  gloss: `${term}的释义`,
  sources: ['《宋史》卷四百八十六《夏国传下》'],
  ...extra,
});

const glossary = makeGlossary([entry('刘法', 'person', { short: ['法'] }), entry('统安城', 'place'), entry('元祐', 'era')]);
const chapters = [
  { route: 'chapters/a', file: 'chapters/a.md', chapter: parseChapter('# 甲\n\n　　刘法至统安城，法乘夜遁。\n') },
  { route: 'chapters/b', file: 'chapters/b.md', chapter: parseChapter('# 乙\n\n　　元祐三年，法不出。刘法至。\n') },
];

test('the index holds each chapter marks and each entry occurrences, in reading order', () => {
  // 元祐三年 is a year expression: the year feature takes it, so the glossary must not.
  const index = buildGlossaryIndex(chapters, glossary, [[], [{ paragraph: 0, start: 2, end: 6 }]]);
  assert.deepEqual(index.routes, ['chapters/a', 'chapters/b']);
  assert.deepEqual(index.marks['chapters/a'], [
    [0, 0, 2, 4],
    [1, 0, 5, 8],
    [0, 0, 9, 10],
  ]);
  // In chapter b the short form 法 comes before the full name: not annotated.
  assert.deepEqual(index.marks['chapters/b'], [[0, 0, 11, 13]]);
  assert.deepEqual(
    index.occurrences[0]!.map(([r, p, s]) => [r, p, s]),
    [
      [0, 0, 2],
      [0, 0, 9],
      [1, 0, 11],
    ],
  );
  assert.deepEqual(index.occurrences[2], [], 'the era inside a year expression is left to the year feature');
});

test('occurrence context skips the indentation and keeps surrogate pairs whole', () => {
  assert.equal(contextAt('　　刘法至统安城', 2, 4), '刘法至统安城');
  assert.equal(contextAt('　　李讹𠼪以书', 2, 6), '李讹𠼪以书');
});

test('the glossary page lists entries by kind with escaped text and occurrence links', () => {
  const g = makeGlossary([entry('刘法', 'person', { gloss: '将领 <img src=x> *强调*' })]);
  const index = buildGlossaryIndex(chapters.slice(0, 1), g, [[]]);
  const page = glossaryPage(index);
  assert.match(page, /^# 注释索引/);
  assert.match(page, /## 人物/);
  assert.ok(page.includes('将领 \\<img src=x\\> \\*强调\\*'), 'markdown and HTML in data are escaped');
  assert.ok(page.includes(`(chapters/a.md?id=${termAnchor(0, 2)})`));
  assert.doesNotMatch(page, /## 地名/, 'a kind with no entry has no heading');
});

test('an occurrence quotes its clause and names the year of the entry it stands in', () => {
  // Chapter b's only entry, 元祐三年 (1088), begins at its paragraph's offset 2.
  const index = buildGlossaryIndex(chapters, glossary, [[], [{ paragraph: 0, start: 2, end: 6 }]], [[], [[0, 2, 1088]]]);
  assert.deepEqual(index.occurrences[0], [
    [0, 0, 2, '刘法至统安城，', null],
    [0, 0, 9, '法乘夜遁。', null],
    [1, 0, 11, '刘法至。', 1088],
  ]);
  assert.equal(contextAt('　　甲乙丙，刘法至统安城，法乘夜遁。', 8, 10), '刘法至统安城，', 'from the clause mark before to the one after');
});

test('the glossary page says where each place stands', () => {
  const index = buildGlossaryIndex(chapters, glossary, [[], [{ paragraph: 0, start: 2, end: 6 }]], [[], [[0, 2, 1088]]]);
  const page = glossaryPage(index, undefined, (y) => (y === 1088 ? '元祐三年' : '?'));
  assert.match(page, /第二章 · 元祐三年（1088）：\[刘法至。\]\(chapters\/b\.md\?id=t0-11\)/);
  assert.match(page, /见：第一章：\[刘法至统安城，\]\(chapters\/a\.md\?id=t0-2\)/);
});
