import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, formatCoverage, heuristicHits, parseNamesList } from '../../src/core/coverage.ts';
import { makeGlossary } from '../../src/core/glossary.ts';
import { parseChapter } from '../../src/core/text.ts';
import { repoCoverage } from '../../scripts/notes-coverage.ts';

/** A glossary of bare entries, one a term. */
const gl = (...terms: string[]) =>
  makeGlossary(terms.map((term) => ({ term, kind: 'term' as const, aliases: [], short: [], gloss: 'g', sources: ['s'] })));

const chapter = (file: string, ...paragraphs: string[]) => ({
  file,
  chapter: parseChapter(`# ${file}\n\n${paragraphs.join('\n\n')}\n`),
});

test('parseNamesList: chapter groups, the not-names section, comments, and its faults', () => {
  const { list, errors } = parseNamesList(
    [
      '# a header comment',
      '刘法',
      '# chapters/01-a.md 第一章',
      '兰州',
      '  夏  ',
      '# a comment keeps the group',
      '刘仲武',
      '# not names',
      '金帛',
      '兰州',
      '两 字',
    ].join('\n'),
    'names.txt',
  );
  assert.deepEqual(
    list.names.map((n) => [n.name, n.line, n.group]),
    [
      ['刘法', 2, null],
      ['兰州', 4, 'chapters/01-a.md'],
      ['夏', 5, 'chapters/01-a.md'],
      ['刘仲武', 7, 'chapters/01-a.md'],
    ],
  );
  assert.deepEqual(list.notNames.map((n) => [n.name, n.line]), [['金帛', 9]]);
  assert.deepEqual(errors.map((e) => e.message), [
    'names.txt:10: 兰州 is already listed at line 4',
    'names.txt:11: one name a line, without spaces: "两 字"',
  ]);
});

test('heuristic, place rule: a name before a place suffix, but not a numeral, particle or verb', () => {
  const hits = (t: string) => heuristicHits(t).map((h) => `${h.rule} ${t.slice(h.start, h.end)} ${h.guess}`);
  assert.deepEqual(hits('复来求所侵兰州'), ['place 兰州 侵兰州']);
  assert.deepEqual(hits('攻德靖砦'), ['place 靖砦 德靖砦']);
  assert.deepEqual(hits('米脂等五砦'), [], 'numeral');
  assert.deepEqual(hits('筑城屯守'), [], 'verb');
  assert.deepEqual(hits('城中粮五万石'), [], 'nothing before the suffix');
  // Characters outside the BMP are whole characters of the guess.
  assert.deepEqual(hits('至𠼪州'), ['place 𠼪州 𠼪州']);
});

test('heuristic, person rule: a surname after a title', () => {
  const hits = (t: string) => heuristicHits(t).map((h) => `${h.rule} ${t.slice(h.start, h.end)} ${h.guess}`);
  assert.deepEqual(hits('供备库使张楙充吊慰使。'), ['person 张楙 张楙充']);
  assert.deepEqual(hits('擒首领泪丁讹遇'), [], 'not a surname');
  assert.deepEqual(hits('诸将米赟、郝普战死'), ['person 米赟 米赟']);
  assert.deepEqual(hits('遣使入贡，使未至'), [], 'not surnames');
});

test('coverage: names.txt names without a glossary form are missing, with chapter and context', () => {
  const chapters = [chapter('chapters/01-a.md', '遣使入贡。讹啰聿来求兰州。'), chapter('chapters/02-b.md', '刘法出湟州。')];
  const { list } = parseNamesList('# chapters/01-a.md\n讹啰聿\n兰州\n# chapters/02-b.md\n刘法\n湟州\n');
  const r = coverage(chapters, gl('兰州', '刘法', '法'), list);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.missing.map((m) => [m.name, m.origin, m.chapter, m.paragraph, m.start, m.context]),
    [
      ['讹啰聿', 'names.txt', 'chapters/01-a.md', 0, 5, '遣使入贡。【讹啰聿】来求兰州。'],
      ['湟州', 'names.txt', 'chapters/02-b.md', 0, 3, '刘法出【湟州】。'],
    ],
  );
  assert.match(formatCoverage(r), /^missing {2}讹啰聿\tchapters\/01-a\.md ¶0\t遣使入贡。【讹啰聿】来求兰州。\t\(names\.txt\)$/m);
  assert.match(formatCoverage(r), /coverage: 4 names listed, 2 without a glossary entry/);
});

test('coverage: a name inside a longer glossary form at every appearance is covered', () => {
  const c = [chapter('chapters/01-a.md', '遣权枢密院都承旨公事刘奉世。都承旨')];
  const { list } = parseNamesList('枢密院\n都承旨\n刘奉世\n');
  assert.deepEqual(coverage(c, gl('枢密院都承旨', '刘奉世'), list).missing.map((m) => m.name), ['都承旨']);
  const once = [chapter('chapters/01-a.md', '遣权枢密院都承旨公事刘奉世。')];
  assert.deepEqual(coverage(once, gl('枢密院都承旨', '刘奉世'), list).missing, []);
});

test('coverage: a name that markup pins to a glossary term at every appearance is covered', () => {
  const c = [chapter('chapters/01-a.md', '金人灭辽，<span data-term="金人">金</span>帅至。')];
  const { list } = parseNamesList('金人\n辽\n金\n');
  assert.deepEqual(coverage(c, gl('金人', '辽'), list).missing, []);
  const unpinned = [chapter('chapters/01-a.md', '金人灭辽，<span data-term="金人">金</span>帅至，金使来。')];
  assert.deepEqual(coverage(unpinned, gl('金人', '辽'), list).missing.map((m) => m.name), ['金']);
});

test('coverage: heuristic hits are resolved by a glossary form, a listed name, or a not-name', () => {
  const c = [chapter('chapters/01-a.md', '夏人攻德靖砦，围定边城，列营环城，供备库使张楙死之。')];
  const none = coverage(c, gl(), parseNamesList('').list);
  assert.deepEqual(
    none.missing.map((m) => `${m.name} ${m.rule}`),
    ['德靖砦 place', '定边城 place', '列营环城 place', '张楙死 person'],
  );
  assert.equal(none.hits, 4);
  const resolved = coverage(c, gl('德靖砦', '张楙'), parseNamesList('定边城\n# not names\n环城\n').list);
  // 定边城 is listed but has no glossary entry: reported once, from names.txt.
  assert.deepEqual(resolved.missing.map((m) => `${m.name} ${m.origin}`), ['定边城 names.txt']);
  assert.equal(resolved.unlisted, 0);
});

test('coverage: names.txt faults — stale names, wrong group, wrong order — are problems', () => {
  const chapters = [chapter('chapters/01-a.md', '刘法出湟州。夏人。'), chapter('chapters/02-b.md', '兰州。夏。')];
  const { list } = parseNamesList(
    ['# chapters/01-a.md', '湟州', '刘法', '兰州', '刘延庆', '# chapters/02-b.md', '夏', '# not names', '金帛'].join('\n'),
  );
  // 夏 inside 夏人 is not an appearance of 夏 once 夏人 is listed; here it is not, so 夏 first appears in 01.
  assert.deepEqual(
    coverage(chapters, gl('湟州', '刘法', '兰州', '夏'), list, 'names.txt').problems.map((e) => e.message),
    [
      'names.txt:3: 刘法 first appears before 湟州 (line 2); keep the order of first appearance',
      'names.txt:4: 兰州 first appears in chapters/02-b.md, not chapters/01-a.md',
      'names.txt:5: 刘延庆 occurs nowhere in the chapters as a name of its own',
      'names.txt:7: 夏 first appears in chapters/01-a.md, not chapters/02-b.md',
      'names.txt:9: 金帛 (not a name) occurs nowhere in the chapters',
    ],
  );
  const withPeople = parseNamesList(['# chapters/01-a.md', '刘法', '湟州', '夏人', '# chapters/02-b.md', '兰州', '夏'].join('\n'));
  assert.deepEqual(coverage(chapters, gl(), withPeople.list).problems, []);
});

// ---------------------------------------------------------------------------------------------------------------
// The real data

test('data/names.txt is well formed, current, grouped and ordered', () => {
  const { report, namesErrors } = repoCoverage();
  assert.deepEqual(namesErrors.map((e) => e.message), []);
  assert.deepEqual(report.problems.map((e) => e.message), []);
});

test('every proper name of the chronicle has a glossary entry', () => {
  const { report } = repoCoverage();
  const missing = report.missing.map((m) => `${m.name} (${m.chapter}, ${m.origin})`);
  assert.deepEqual(missing, [], `${missing.length} names without a glossary entry; run npm run notes:coverage`);
});
