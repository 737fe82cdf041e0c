/**
 * `npm run build` (and so the Pages workflow) guards the text: in a copy of the repository, a chapter edited by
 * hand or a correction that disagrees with the chapters stops the build, named at file:line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempCopy, type TempCopy } from '../support/temp-copy.ts';

const CHAPTER = 'chapters/02-yuanyou.md';
const CORRECTIONS = 'data/corrections.yaml';

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `a line with ${needle}`);
  return i + 1;
}

function withCopy(f: (copy: TempCopy) => void): void {
  const copy = tempCopy();
  try {
    f(copy);
  } finally {
    copy.remove();
  }
}

function buildFails(copy: TempCopy): string {
  const r = copy.run('scripts/build.ts');
  assert.equal(r.status, 1, `the build fails:\n${r.stdout}${r.stderr}`);
  return r.stderr;
}

test('one character of a chapter changed (母曰 → 母云): the build names the chapter line and the character', () => {
  withCopy((copy) => {
    const text = copy.read(CHAPTER);
    const line = lineOf(text, '母曰');
    copy.write(CHAPTER, text.replace('母曰', '母云'));
    assert.match(buildFails(copy), new RegExp(`${CHAPTER}:${line}: paragraph differs from the seed at character \\d+: 「云」 where the seed has 「曰」`));
  });
});

test('a character inserted: named as a change of the text, not as stale generated files', () => {
  withCopy((copy) => {
    const text = copy.read(CHAPTER);
    const line = lineOf(text, '生三岁即位');
    copy.write(CHAPTER, text.replace('生三岁即位', '生三岁而即位'));
    const err = buildFails(copy);
    assert.match(err, new RegExp(`${CHAPTER}:${line}: paragraph differs from the seed`));
    assert.doesNotMatch(err, /stale/);
  });
});

test('a correction whose reading the chapter does not carry: both the chapter line and the correction line', () => {
  withCopy((copy) => {
    const yaml = copy.read(CORRECTIONS);
    const line = lineOf(yaml, 'id: zhang-mao');
    // The lemma changes with the reading, or the correction itself would be refused before the chapters are read.
    copy.write(CORRECTIONS, yaml.replace(/(id: zhang-mao\n(?:.*\n)*?\s+reading:) 楙/, '$1 茂').replace('lemma: 张楙', 'lemma: 张茂'));
    const chapterLine = lineOf(copy.read(CHAPTER), '张楙');
    assert.match(buildFails(copy), new RegExp(`${CHAPTER}:${chapterLine}: .*「楙」 where the seed has 「茂」; ${CORRECTIONS}:${line} \\(zhang-mao\\)`));
  });
});

test('a correction whose count does not match the seed: the correction line', () => {
  withCopy((copy) => {
    const yaml = copy.read(CORRECTIONS);
    const line = lineOf(yaml, 'id: zhang-mao');
    copy.write(CORRECTIONS, yaml.replace(/(id: zhang-mao\n(?:.*\n)*?\s+count:) 1\n/, '$1 2\n'));
    assert.match(buildFails(copy), new RegExp(`${CORRECTIONS}:${line}: "zhang-mao" occurs 1 times in the seed, count says 2`));
  });
});

test('one npm run gen is enough: a changed calendar row reaches the year index in the same run', () => {
  withCopy((copy) => {
    const gen = 'scripts/gen/calendar.ts';
    const source = copy.read(gen);
    // 1086 loses its leap month: its seventh month, where chapter 02's narrative date falls, moves.
    const patched = source.replace('rows.push([newYear, lunarYear.getLeapMonth(),', 'rows.push([newYear, year === 1086 ? 0 : lunarYear.getLeapMonth(),');
    assert.notEqual(patched, source, 'the calendar generator has the row line this test changes');
    copy.write(gen, patched);
    const index = copy.read('src/generated/year-index.json');
    const first = copy.run('scripts/gen.ts');
    assert.equal(first.status, 0, first.stderr);
    assert.notEqual(copy.read('src/generated/year-index.json'), index, 'the year index follows the calendar');
    // Nothing is left stale: the build's own check of the generated files passes.
    const build = copy.run('scripts/build.ts');
    assert.equal(build.status, 0, build.stderr);
  });
});
