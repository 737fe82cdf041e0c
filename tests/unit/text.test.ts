import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCorrections, changedPart, changedText, checkChapters, INVISIBLE, noteText, parseCorrections } from '../../src/core/corrections.ts';
import { NOTE_EDITION } from '../../src/core/edition.ts';
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
  for (const f of ['README.md', '_sidebar.md']) assert.doesNotMatch(read(f), INVISIBLE, f);
  // ...while the seed does hold them: the check above can fail.
  assert.match(read(SEED_FILE), INVISIBLE);
});

test('every correction has a note in the form 底本作…，今改… (a kept variant: 底本作…，今不改)', () => {
  const all = readCorrections();
  assert.ok(all.some((c) => c.kind === '版本异文' && c.seed === c.reading), 'the check of kept variants can fail');
  for (const c of all) {
    const note = noteText(c);
    if (c.seed === c.reading) {
      assert.equal(c.kind, '版本异文');
      assert.match(note, new RegExp(`^底本作「${c.lemma}」，今不改。`, 'u'), c.id);
      assert.doesNotMatch(note, INVISIBLE, c.id);
      continue;
    }
    assert.match(note, /^底本作 .+，今改「.+」/u, c.id);
    assert.ok(note.includes('U+'), 'the seed character is named by its code point, never shown as a box');
    assert.doesNotMatch(note, INVISIBLE, c.id);
    assert.ok(note.endsWith(NOTE_EDITION), `${c.id}: the note names the base text and the witnesses`);
    assert.doesNotMatch(c.record, INVISIBLE, c.id);
  }
});

test('the punctuation corrections: the chapters quote within a quotation with 『』 where the seed has ASCII marks', () => {
  const chapters = readChapters().map((c) => c.markdown).join('\n');
  assert.doesNotMatch(chapters, /'/, 'no ASCII apostrophe is left in the chapters');
  const seed = read(SEED_FILE);
  assert.equal((seed.match(/'/g) ?? []).length, 2, 'the seed has the two ASCII marks the corrections name');
  const { paragraphs, marks } = applyCorrections(readSeedParagraphs(), readCorrections());
  const at = (id: string) => marks.filter((m) => m.id === id).map((m) => paragraphs[m.paragraph]!.slice(m.start, m.end));
  assert.deepEqual(at('quote-open'), ['『']);
  assert.deepEqual(at('quote-close'), ['』']);
  assert.match(chapters, /彼必曰：『新天子即位[^」』]*以武力取之。』小则上书悖慢/u);
  // 孃 is kept as the witness writes the name (the note says why), not simplified to 娘.
  assert.deepEqual(at('niang'), ['孃']);
  assert.match(readCorrections().find((c) => c.id === 'niang')!.evidence, /通用规范汉字表.*今仍作「孃」/u);
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
  kind: 录入之误
  lemma: 鄜延
  record: 『鄜』字底本录入作私用区字符，据四库本补。
`;

test('corrections: a seed with context changes only its middle, and the note names only that', () => {
  assert.deepEqual(changedPart("：'新", '：『新'), [1, 1]);
  assert.equal(changedText("：'新", '：『新'), '『');
  // A character outside the BMP is never split, even where it shares a surrogate with the seed.
  assert.equal(changedText('\uE406\u79FB', '𠼪'), '𠼪');
  const quote = parseCorrections(
    GOOD.replace('"\\uE24E"', `"：'新"`).replace('reading: 鄜', 'reading: ：『新').replace('lemma: 鄜延', 'lemma: 『新'),
    'c.yaml',
  );
  const { paragraphs, marks } = applyCorrections(["曰：'新天子"], quote);
  assert.deepEqual(paragraphs, ['曰：『新天子']);
  assert.deepEqual(marks, [{ paragraph: 0, start: 2, end: 3, id: 'fu' }]);
  assert.match(noteText(quote[0]!), /^底本作 U\+0027（ASCII撇号），今改「『」/u);
  // An ASCII mark left without a correction stops the build like an invisible character.
  assert.deepEqual(errorsOf(() => applyCorrections(["曰：'新天子", "'"], quote, 'c.yaml')), [
    'c.yaml:1: seed paragraph 2 keeps U+0027 at offset 0: no correction covers it',
  ]);
});

test('corrections: a 版本异文 may keep the text and note the witness, standing on its lemma; nothing else may keep it', () => {
  const kept = GOOD.replace('"\\uE24E"', '时年二十六').replace('reading: 鄜', 'reading: 时年二十六').replace('lemma: 鄜延', 'lemma: 二十六');
  const cs = parseCorrections(kept.replace('kind: 录入之误', 'kind: 版本异文'), 'c.yaml');
  const { paragraphs, marks } = applyCorrections(['　　秉常殂，时年二十六。'], cs);
  assert.deepEqual(paragraphs, ['　　秉常殂，时年二十六。']);
  assert.deepEqual(marks, [{ paragraph: 0, start: 8, end: 11, id: 'fu' }]);
  assert.equal(paragraphs[0]!.slice(8, 11), '二十六');
  assert.match(noteText(cs[0]!), /^底本作「二十六」，今不改。/u);
  assert.deepEqual(errorsOf(() => parseCorrections(kept, 'c.yaml')), [
    'c.yaml:2: seed holds no invisible character or ASCII mark: nothing to correct',
    'c.yaml:3: reading equals seed: nothing to correct',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(kept.replace('kind: 录入之误', 'kind: 版本异文').replace('lemma: 二十六', 'lemma: 三十六'), 'c.yaml')), [
    'c.yaml:10: lemma "三十六" must occur once in the seed "时年二十六"',
  ]);
});

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
    'c.yaml:3: reading must change one character of the seed, got "鄜延"',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('confirmed', 'maybe'), 'c.yaml')), [
    'c.yaml:5: "certainty" must be confirmed or conjecture',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD + '  colour: red\n', 'c.yaml')), ['c.yaml:12: unknown field "colour"']);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('"\\uE24E"', '"甲"'), 'c.yaml')), [
    'c.yaml:2: seed holds no invisible character or ASCII mark: nothing to correct',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('录入之误', '误'), 'c.yaml')), [
    'c.yaml:9: "kind" must be one of 录入之误, 版本异文',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('lemma: 鄜延', 'lemma: 延州'), 'c.yaml')), [
    'c.yaml:10: lemma "延州" must hold the corrected text "鄜"',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('据四库本补。', '据他本补。'), 'c.yaml')), [
    'c.yaml:11: record must name the witness it rests on (四库本…, 《长编》…)',
  ]);
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD.replace('据四库本补。', '据四库本补'), 'c.yaml')), [
    'c.yaml:11: record must end with 。',
  ]);
  assert.match(errorsOf(() => parseCorrections('- id: [', 'c.yaml'))[0]!, /^c\.yaml:1: YAML/);
  // A syntax error is reported at its own line, not at line 1.
  assert.deepEqual(errorsOf(() => parseCorrections(GOOD + '- id: b\n  seed: "\\uE24E\n  reading: x\n', 'c.yaml')), [
    'c.yaml:13: YAML: Missing closing "quote',
  ]);
  assert.match(errorsOf(() => parseCorrections(GOOD + '- id: b: c\n', 'c.yaml'))[0]!, /^c\.yaml:12: YAML: Nested mappings/);
  const cs = parseCorrections(GOOD, 'c.yaml');
  assert.deepEqual(errorsOf(() => applyCorrections(['\uE24E\uE24E'], cs, 'c.yaml')), [
    'c.yaml:1: "fu" occurs 2 times in the seed, count says 1',
  ]);
  assert.deepEqual(errorsOf(() => applyCorrections(['\uE24E', '甲\uE000'], cs, 'c.yaml')), [
    'c.yaml:1: seed paragraph 2 keeps U+E000 at offset 1: no correction covers it',
  ]);
});

test('paragraph text is read by marked’s lexer: what Docsify would render differently from what is written is refused', () => {
  assert.deepEqual(paragraphText('甲<span data-term="">乙</span>丙'), { text: '甲乙丙', overrides: [{ start: 1, end: 2, term: null }] });
  assert.throws(() => paragraphText('甲&amp;乙'), /unexpected markup "&"/);
  assert.throws(() => paragraphText('甲\\*乙'), /unexpected markup "\\\\"/);
  assert.throws(() => paragraphText('甲<span data-term="乙">乙'), /unexpected markup "<"/);
  assert.throws(() => paragraphText('[甲](b.md)'), /unexpected markup "\["/);
});
