import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataErrors } from '../../src/core/data-error.ts';
import {
  checkGlossary,
  compileGlossary,
  glossaryForms,
  parseGlossary,
  type Glossary,
} from '../../src/core/glossary.ts';
import { annotateChapter, isSeason, checkChapterTerms } from '../../src/core/annotate.ts';
import { parseChapter } from '../../src/core/text.ts';

const CHAPTER_TEXT = '熙河经略刘法出湟州。法与夏人战于古骨龙。夏人攻靖夏城。元祐元年，王厚惧，厚赂贯。';

const PEOPLE = `- term: 刘法
  kind: person
  aliases: [熙河经略刘法]
  short: [法]
  gloss: 北宋将领。
  sources: [《宋史》卷四百八十六《夏国传下》]
- term: 王厚
  kind: person
  short: [厚]
  gloss: 北宋将领。
  sources: [《宋史》卷四百八十六《夏国传下》]
`;

const PLACES = `- term: 靖夏城
  kind: place
  gloss: 北宋堡寨。
  modern: 今宁夏
  note: >-
    泾原路城寨，
    政和六年陷。
  sources: [《宋史》卷四百八十六《夏国传下》]
- term: 夏
  kind: state
  aliases: [夏人]
  gloss: 西夏。
  sources: [《宋史》卷四百八十六《夏国传下》]
- term: 元祐
  kind: era
  gloss: 宋哲宗年号。
  sources: [《宋史》卷四百八十六《夏国传下》]
`;

/** Faults of the structure and forms: these fixtures cite `s`, so citation forms are left to their own test. */
function errorsOf(files: Record<string, string>, texts: string[] = [CHAPTER_TEXT], citations = false): string[] {
  const list = Object.entries(files).map(([file, text]) => ({ file, text }));
  return checkGlossary(list, texts, { citations }).errors.map((e) => e.message);
}

test('sources: every item in a known citation form, at its own line; 事迹不详 only with what was searched', () => {
  const text = `- term: 刘法
  kind: person
  gloss: x
  note: 事迹不详。
  sources:
    - 《宋史》卷十八《哲宗纪二》：绍圣四年正月
    - 《宋史》卷十八
    - 《长编》卷三百九十
    - 《长编》卷三百九十，元祐元年十月至十一月
    - 《宋史》卷五百《夏国传》
    - 《宋史》卷四百零八《某传》
    - 《西夏书事》卷十九
    - 《长编》卷四百八，元祐三年闰十二月：
- term: 刘延庆
  kind: person
  gloss: x
  note: 事迹不详，宋史、长编（长编徽宗以后已佚）未见他处记载。
  sources: []
`;
  assert.deepEqual(errorsOf({ 'g.yaml': text }, ['刘法 刘延庆'], true), [
    'g.yaml:4: 「事迹不详」 or 「仅见于本传」 must say what was searched: 「宋史、长编未见他处记载」',
    'g.yaml:7: source "《宋史》卷十八": a citation names the juan and its 篇: 《宋史》卷十八《哲宗纪二》',
    'g.yaml:8: source "《长编》卷三百九十": a 《长编》 citation names juan, year and month: 《长编》卷三百九十，元祐元年十月',
    'g.yaml:10: source "《宋史》卷五百《夏国传》": 《宋史》 has 496 juan, not 500',
    'g.yaml:11: source "《宋史》卷四百零八《某传》": 卷四百零八 is not a juan numeral as the 四库本 writes it (卷十八, 卷二百五十三, 卷四百八)',
    'g.yaml:12: source "《西夏书事》卷十九": not a known citation form (《宋史》卷十八《哲宗纪二》, 《长编》卷三百九十，元祐元年十月, 《武经总要》前集卷十八, 《礼记·曲礼下》, 《中国历史地图集》第六册（未核）)',
    'g.yaml:13: source "《长编》卷四百八，元祐三年闰十二月：": nothing after 「：」: say what the passage supports, or drop the colon',
    'g.yaml:18: sources is empty: cite at least one passage',
  ]);
});

test('parses entries from several files into one glossary, in file order', () => {
  const g = parseGlossary(
    [
      { file: 'people.yaml', text: PEOPLE },
      { file: 'places.yaml', text: PLACES },
    ],
    [CHAPTER_TEXT],
  );
  assert.deepEqual(g.entries.map((e) => e.term), ['刘法', '王厚', '靖夏城', '夏', '元祐']);
  const liu = g.byTerm.get('刘法')!;
  assert.deepEqual([liu.kind, liu.aliases, liu.short, liu.gloss], ['person', ['熙河经略刘法'], ['法'], '北宋将领。']);
  assert.equal(g.byTerm.get('靖夏城')!.note, '泾原路城寨， 政和六年陷。');
  assert.equal(g.byTerm.get('靖夏城')!.modern, '今宁夏');
  assert.deepEqual(
    glossaryForms(g).map((f) => `${f.form}${f.short ? '*' : ''}`),
    ['刘法', '熙河经略刘法', '法*', '王厚', '厚*', '靖夏城', '夏', '夏人', '元祐'],
  );
});

test('compileGlossary gives plain JSON, empty lists left out', () => {
  const g = parseGlossary([{ file: 'a.yaml', text: PEOPLE + PLACES }], [CHAPTER_TEXT]);
  const data = compileGlossary(g);
  const json = JSON.parse(JSON.stringify(data)) as typeof data;
  assert.deepEqual(json, data);
  assert.equal(json.version, 1);
  assert.ok(!('aliases' in json.entries.find((e) => e.term === '王厚')!), 'empty lists are left out');
  assert.deepEqual(
    json.entries.map((e) => e.term),
    g.entries.map((e) => e.term),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Validation: every fault, located at file:line

test('a YAML syntax error is reported at its line', () => {
  assert.deepEqual(errorsOf({ 'g.yaml': '- term: 刘法\n  kind: person\n- term: 王厚: 厚\n' }), [
    'g.yaml:3: YAML: Nested mappings are not allowed in compact mappings',
  ]);
  const [e] = errorsOf({ 'g.yaml': '- term: 刘法\n  kind: person\n  kind: place\n' });
  assert.match(e!, /^g\.yaml:3: YAML: Map keys must be unique/);
  // A quote left open is reported where it opens, not at the end of the file where the parser noticed it.
  const open = ['- term: 刘法', '  kind: person', '  gloss: "宋将', ...Array.from({ length: 40 }, (_, i) => `- term: 甲${i}\n  kind: person`)].join('\n');
  assert.deepEqual(errorsOf({ 'g.yaml': `${open}\n` }), ['g.yaml:3: YAML: Missing closing "quote']);
  assert.deepEqual(errorsOf({ 'g.yaml': "- term: 刘法\n  gloss: '宋将\n- term: 王厚\n" }), ["g.yaml:2: YAML: Missing closing 'quote"]);
});

test('a file that is not a sequence, and an entry that is not a mapping', () => {
  assert.deepEqual(errorsOf({ 'g.yaml': 'term: 刘法\n' }), ['g.yaml:1: a glossary file is a YAML sequence of entries ("- term: …")']);
  assert.deepEqual(errorsOf({ 'g.yaml': '\n- 刘法\n-\n' }), [
    'g.yaml:2: an entry is a mapping of fields (term:, kind:, gloss:, sources:, …)',
    'g.yaml:3: an entry is a mapping of fields (term:, kind:, gloss:, sources:, …)',
  ]);
  assert.deepEqual(errorsOf({ 'g.yaml': '' }), [], 'an empty file is an empty glossary');
});

test('missing and empty required fields', () => {
  const text = `- term: 刘法
  kind: person
  gloss: x
- term: 王厚
  kind: ""
  gloss:
  sources: [s]
`;
  assert.deepEqual(errorsOf({ 'g.yaml': text }), [
    'g.yaml:1: entry has no sources',
    'g.yaml:5: kind is empty',
    'g.yaml:6: gloss is empty',
  ]);
  assert.deepEqual(errorsOf({ 'g.yaml': '- gloss: x\n  sources: [s]\n' }), ['g.yaml:1: entry has no term', 'g.yaml:1: entry has no kind']);
});

test('a multi-line gloss, an unknown kind, an unknown field, a field of the wrong type', () => {
  const text = `- term: 刘法
  kind: general
  gloss: |
    北宋将领。
    败死。
  sources: [s]
  source: t
  aliases: 熙河经略刘法
- term: 1086
  kind: era
  gloss: x
  sources: [s]
`;
  assert.deepEqual(errorsOf({ 'g.yaml': text }), [
    'g.yaml:2: unknown kind "general" (kinds: person | place | office | institution | era | state | object | term)',
    'g.yaml:3: gloss must be one line',
    'g.yaml:7: unknown field "source" (fields: term, kind, aliases, short, gloss, note, modern, sources)',
    'g.yaml:8: aliases is a list, e.g. [熙河经略刘法]',
    'g.yaml:9: term must be text, not number',
  ]);
});

test('a duplicate term across files, and a form claimed by two entries', () => {
  const a = `- term: 刘法
  kind: person
  short: [法]
  gloss: x
  sources: [s]
`;
  const b = `- term: 夏
  kind: state
  gloss: x
  sources: [s]
- term: 刘法
  kind: person
  gloss: x
  sources: [s]
- term: 法度
  kind: term
  aliases: [法, 夏, 法度]
  gloss: x
  sources: [s]
`;
  assert.deepEqual(errorsOf({ 'a.yaml': a, 'b.yaml': b }, ['刘法 夏 法度']), [
    'b.yaml:5: duplicate term 刘法 (first at a.yaml:1)',
    'b.yaml:11: form 法 is already claimed by 刘法 (a.yaml:3)',
    'b.yaml:11: form 夏 is already claimed by 夏 (b.yaml:1)',
    'b.yaml:11: 法度 is listed twice in this entry',
  ]);
});

test('a term or alias that occurs nowhere in the chapters (short forms need not)', () => {
  const text = `- term: 刘法
  kind: person
  aliases:
    - 熙河经略刘法
    - 刘经略
  short: [刘公]
  gloss: x
  sources: [s]
- term: 刘延庆
  kind: person
  gloss: x
  sources: [s]
`;
  assert.deepEqual(errorsOf({ 'g.yaml': text }), [
    'g.yaml:5: alias 刘经略 occurs nowhere in the chapters',
    'g.yaml:9: term 刘延庆 occurs nowhere in the chapters',
  ]);
});

test('parseGlossary throws DataErrors listing every fault, ordered by file and line', () => {
  try {
    parseGlossary(
      [
        { file: 'b.yaml', text: '- term: 无\n  kind: x\n  gloss: g\n  sources: [s]\n' },
        { file: 'a.yaml', text: '- foo\n' },
      ],
      [''],
      { citations: false },
    );
    assert.fail('no throw');
  } catch (e) {
    assert.ok(e instanceof DataErrors);
    assert.deepEqual(
      e.errors.map((x) => `${x.file}:${x.line}`),
      ['b.yaml:1', 'b.yaml:2', 'a.yaml:1'],
    );
    assert.match(e.message, /^b\.yaml:1: term 无 occurs nowhere/);
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Annotation: the ambiguity rules

function glossary(): Glossary {
  return parseGlossary(
    [
      { file: 'people.yaml', text: PEOPLE },
      { file: 'places.yaml', text: PLACES },
    ],
    [CHAPTER_TEXT],
  );
}

const chapter = (...paragraphs: string[]) => parseChapter(`# T\n\n${paragraphs.join('\n\n')}\n`);
const marks = (md: string[], exclude = [] as { paragraph: number; start: number; end: number }[]) =>
  annotateChapter(chapter(...md), glossary(), exclude).map((m) => `${m.paragraph}:${m.start}-${m.end} ${m.form}→${m.term}`);

test('a short form counts only after its term or an alias in the same chapter', () => {
  assert.deepEqual(marks(['法乘夜遁。刘法至。法乘夜遁。']), ['0:5-7 刘法→刘法', '0:9-10 法→刘法']);
  // An alias licenses too, and the license holds in later paragraphs of the chapter.
  assert.deepEqual(marks(['熙河经略刘法出。', '法与夏人战。']), [
    '0:0-6 熙河经略刘法→刘法',
    '1:0-1 法→刘法',
    '1:2-4 夏人→夏',
  ]);
  // …but not in the next chapter.
  const g = glossary();
  annotateChapter(chapter('刘法至。'), g);
  assert.deepEqual(annotateChapter(chapter('法乘夜遁。'), g), []);
});

test('the longest form wins, and forms never match inside a longer one', () => {
  assert.deepEqual(marks(['夏人攻靖夏城。夏亦']), ['0:0-2 夏人→夏', '0:3-6 靖夏城→靖夏城', '0:7-8 夏→夏']);
});

test('夏 the state, 夏 the season: a season that dates (五年夏, 夏四月) is no term', () => {
  assert.deepEqual(marks(['五年夏，夏人来。夏四月，夏遣使。闰九月夏亦']), ['0:4-6 夏人→夏', '0:12-13 夏→夏', '0:19-20 夏→夏']);
  assert.equal(isSeason('五年夏，', 2, 3), true);
  assert.equal(isSeason('夏闰九月', 0, 1), true);
  assert.equal(isSeason('夏人', 0, 1), false);
  assert.equal(isSeason('夏月', 0, 1), false, 'a month needs its number');
});

test('suppress markup removes any mark overlapping it', () => {
  assert.deepEqual(marks(['王厚惧，<span data-term="">厚</span>赂贯。厚又惧。']), [
    '0:0-2 王厚→王厚',
    '0:8-9 厚→王厚',
  ]);
  // A suppression that overlaps a full form blocks the full form, and its shorter forms there.
  assert.deepEqual(marks(['<span data-term="">靖夏</span>城']), []);
});

test('pin markup makes exactly its range a mark of the term, and a pinned full form licenses short forms', () => {
  assert.deepEqual(marks(['<span data-term="刘法">法</span>乘夜遁，法']), ['0:0-1 法→刘法']);
  assert.deepEqual(marks(['<span data-term="刘法">刘法</span>至，法']), ['0:0-2 刘法→刘法', '0:4-5 法→刘法']);
  // A pin over part of a longer form takes its range; the rest is matched afresh.
  assert.deepEqual(marks(['靖<span data-term="夏">夏</span>城']), ['0:1-2 夏→夏']);
});

test('a pin naming no glossary term is an error', () => {
  const c = chapter('一', '<span data-term="刘延庆">刘</span>');
  assert.throws(() => annotateChapter(c, glossary(), [], 'chapters/x.md'), (e: unknown) => {
    assert.ok(e instanceof DataErrors);
    assert.equal(e.message, 'chapters/x.md:5: data-term="刘延庆" names no glossary term');
    return true;
  });
  assert.equal(checkChapterTerms(c, glossary(), 'x.md').length, 1);
});

test('ranges excluded by another feature take no glossary mark; the text around them still does', () => {
  const text = '元祐元年，刘法至。';
  assert.deepEqual(marks([text]), ['0:0-2 元祐→元祐', '0:5-7 刘法→刘法']);
  assert.deepEqual(marks([text], [{ paragraph: 0, start: 0, end: 4 }]), ['0:5-7 刘法→刘法']);
  // An excluded range in another paragraph changes nothing here; a pin inside an excluded range is dropped.
  assert.deepEqual(marks([text], [{ paragraph: 1, start: 0, end: 4 }]), ['0:0-2 元祐→元祐', '0:5-7 刘法→刘法']);
  assert.deepEqual(marks(['<span data-term="元祐">元祐</span>元年'], [{ paragraph: 0, start: 0, end: 4 }]), []);
});

test('marks never overlap and come in reading order', () => {
  const m = annotateChapter(
    chapter('熙河经略刘法出湟州。法与夏人战。', '<span data-term="">法</span>，法<span data-term="刘法">其</span>夏人'),
    glossary(),
  );
  for (let i = 1; i < m.length; i++) {
    const a = m[i - 1]!;
    const b = m[i]!;
    assert.ok(a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.end <= b.start), JSON.stringify([a, b]));
  }
  assert.deepEqual(m.map((x) => x.form), ['熙河经略刘法', '法', '夏人', '法', '其', '夏人']);
});


