import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCorrections, checkChapters, INVISIBLE, noteText, parseCorrections } from '../../src/core/corrections.ts';
import { DataErrors } from '../../src/core/data-error.ts';
import { paragraphText, parseChapter, seedParagraphs } from '../../src/core/text.ts';
import { CORRECTIONS_FILE, read, readChapters, readCorrections, readSeedParagraphs, SEED_FILE } from '../../scripts/lib/repo.ts';

test('the chapters, stripped of markup, are the seed after the documented corrections, paragraph for paragraph', () => {
  const chapters = readChapters().map(({ file, chapter }) => ({ file, paragraphs: chapter.paragraphs }));
  checkChapters(readSeedParagraphs(), readCorrections(), CORRECTIONS_FILE, chapters);
});

test('checkChapters names a missing and an extra paragraph', () => {
  const seed = ['　　甲', '　　乙'];
  const one = [{ file: 'c.md', paragraphs: [{ text: '　　甲', line: 3 }] }];
  assert.throws(() => checkChapters(seed, [], 'k.yaml', one), /c\.md:3: the chapters end at paragraph 1; the seed has 2/);
  const three = [{ file: 'c.md', paragraphs: [...one[0]!.paragraphs, { text: '　　乙', line: 5 }, { text: '　　丙', line: 7 }] }];
  assert.throws(() => checkChapters(seed, [], 'k.yaml', three), /c\.md:7: a paragraph the seed does not have/);
});

test('the seed really differs from the chapters only where a correction says so', () => {
  const seed = readSeedParagraphs();
  const chapters = readChapters().flatMap((c) => c.chapter.paragraphs.map((p) => p.text));
  let changed = 0;
  seed.forEach((s, i) => {
    if (s !== chapters[i]) changed++;
  });
  // 23 paragraphs; the invisible characters sit in a known handful of them: guards against a test that
  // compares the corrected seed with itself.
  assert.ok(changed > 0 && changed < seed.length, `changed paragraphs: ${changed}`);
  assert.equal(seed.length, 23);
});

test('no Private Use Area or stray character is left in any chapter or page', () => {
  for (const c of readChapters()) assert.doesNotMatch(c.markdown, INVISIBLE, c.file);
  for (const f of ['README.md', '_sidebar.md', '_404.md']) assert.doesNotMatch(read(f), INVISIBLE, f);
  // ...while the seed does hold them: the check above can fail.
  assert.match(read(SEED_FILE), INVISIBLE);
});

test('every correction has a note in the form 底本作…，今改…', () => {
  for (const c of readCorrections()) {
    const note = noteText(c);
    assert.match(note, /^底本作 .+，今改「.+」/u, c.id);
    assert.ok(note.includes('U+'), 'the seed character is named by its code point, never shown as a box');
    assert.doesNotMatch(note, INVISIBLE, c.id);
  }
});

test('the seed comment line is not part of the chronicle', () => {
  assert.deepEqual(seedParagraphs('<!-- { "loadSidebar": true } -->\n　　甲\n\n　　乙\n'), ['　　甲', '　　乙']);
});

test('chapter parsing keeps the text and reads term markup', () => {
  const md = '# 题（1086）\n\n　　厚惧，<span data-term="">厚</span>赂贯。\n\n　　<span data-term="刘法">法</span>乘夜遁。\n';
  const ch = parseChapter(md);
  assert.equal(ch.title, '题（1086）');
  assert.equal(ch.paragraphs[0]!.text, '　　厚惧，厚赂贯。');
  assert.deepEqual(ch.paragraphs[0]!.overrides, [{ start: 5, end: 6, term: null }]);
  assert.deepEqual(ch.paragraphs[1]!.overrides, [{ start: 2, end: 3, term: '刘法' }]);
  assert.equal(ch.paragraphs[1]!.line, 5);
});

test('chapter parsing refuses what would change the text silently', () => {
  assert.throws(() => parseChapter('no heading\n'), /chapter:1: a chapter starts/);
  assert.throws(() => parseChapter('# t\n\n甲\n乙\n', 'c.md'), /c\.md:4: paragraphs are separated/);
  assert.throws(() => parseChapter('# t\n\n甲**乙**\n', 'c.md'), /c\.md:3: unexpected markup "\*"/);
  assert.throws(() => paragraphText('<b>甲</b>'), /unexpected markup "<"/);
});

const GOOD = `- id: fu
  seed: "\\uE24E"
  reading: 鄜
  count: 1
  certainty: confirmed
  evidence: 四库本作「鄜延」。
  sources:
    - title: 宋史
`;

test('corrections: a good file parses and applies', () => {
  const cs = parseCorrections(GOOD, 'c.yaml');
  const { paragraphs, marks } = applyCorrections(['　　\uE24E延'], cs);
  assert.deepEqual(paragraphs, ['　　鄜延']);
  assert.deepEqual(marks, [{ paragraph: 0, start: 2, end: 3, id: 'fu' }]);
});

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

test('corrections: each fault is named with file:line', () => {
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('count: 1', 'count: x'), 'c.yaml')), [
    'c.yaml:4: "count" must be a positive integer',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('reading: 鄜', 'reading: 鄜延'), 'c.yaml')), [
    'c.yaml:3: reading must be one visible character, got "鄜延"',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('confirmed', 'maybe'), 'c.yaml')), [
    'c.yaml:5: "certainty" must be confirmed or conjecture',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD + '  colour: red\n', 'c.yaml')), ['c.yaml:9: unknown field "colour"']);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('"\\uE24E"', '"甲"'), 'c.yaml')), [
    'c.yaml:2: seed holds no invisible character: nothing to correct',
  ]);
  assert.match(errorsOf(() => parseCorrections('- id: [', 'c.yaml'))[0]!, /^c\.yaml:1: YAML/);
  // A syntax error is reported at its own line, not at line 1.
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD + '- id: b\n  seed: "\\uE24E\n  reading: x\n', 'c.yaml')), [
    'c.yaml:10: YAML: Missing closing "quote',
  ]);
  assert.match(errorsOf(() => parseCorrections(GOOD + '- id: b: c\n', 'c.yaml'))[0]!, /^c\.yaml:9: YAML: Nested mappings/);
  const cs = parseCorrections(GOOD, 'c.yaml');
  assert.deepEqual(errorsOf(() => applyCorrections(['\uE24E\uE24E'], cs, 'c.yaml')), [
    'c.yaml:1: "fu" occurs 2 times in the seed, count says 1',
  ]);
  assert.deepEqual(errorsOf(() => applyCorrections(['\uE24E', '甲\uE000'], cs, 'c.yaml')), [
    'c.yaml:1: seed paragraph 2 keeps U+E000 at offset 1: no correction covers it',
  ]);
});
