import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatcher, isWellFormed, type Accept } from '../../src/core/matcher.ts';
import { prng } from '../support/prng.ts';

const spans = (forms: string[], text: string, accept?: Accept) =>
  buildMatcher(forms).findAll(text, accept).map((m) => [m.start, m.end, m.form]);

test('finds the classic he/she/his/hers leftmost-longest, without overlaps', () => {
  assert.deepEqual(spans(['he', 'she', 'his', 'hers'], 'ushers'), [[1, 4, 'she']]);
  assert.deepEqual(spans(['he', 'she', 'his', 'hers'], 'ahishers'), [[1, 4, 'his'], [4, 8, 'hers']]);
});

test('the longest form at a position wins: 靖夏城 is one place, not 夏 + 城', () => {
  assert.deepEqual(spans(['夏', '城', '靖夏', '靖夏城'], '攻泾原靖夏城。夏人'), [
    [3, 6, '靖夏城'],
    [7, 8, '夏'],
  ]);
});

test('the leftmost match wins over a longer one starting later', () => {
  assert.deepEqual(spans(['ab', 'bcde'], 'abcde'), [[0, 2, 'ab']]);
  assert.deepEqual(spans(['bc', 'abcd'], 'abcd'), [[0, 4, 'abcd']]);
});

test('matches do not overlap, even for one form', () => {
  assert.deepEqual(spans(['aa'], 'aaaaa'), [
    [0, 2, 'aa'],
    [2, 4, 'aa'],
  ]);
});

test('a failed longer candidate does not hide a match inside it', () => {
  // The automaton reads 兰州李诺 as the start of 兰州李诺平 and must still find 兰州 and 李诺.
  assert.deepEqual(spans(['兰州', '李诺', '兰州李诺平', '诺城'], '自兰州李诺城'), [
    [1, 3, '兰州'],
    [3, 5, '李诺'],
  ]);
});

test('index is the form’s position in the array given', () => {
  const m = buildMatcher(['甲', '乙丙', '丁']).findAll('丁乙丙甲');
  assert.deepEqual(m.map((x) => x.index), [2, 1, 0]);
});

test('accept refuses a candidate: the next shorter one at that position is tried, then the next position', () => {
  const forms = ['刘法', '法', '刘'];
  const seen: [number, number, number][] = [];
  const out = buildMatcher(forms).findAll('刘法乘夜', (i, s, e) => {
    seen.push([i, s, e]);
    return i !== 0;
  });
  assert.deepEqual(seen, [
    [0, 0, 2],
    [2, 0, 1],
    [1, 1, 2],
  ]);
  assert.deepEqual(out.map((m) => m.form), ['刘', '法']);
});

test('empty text, empty glossary', () => {
  assert.deepEqual(spans(['a'], ''), []);
  assert.deepEqual(spans([], 'abc'), []);
  assert.deepEqual(buildMatcher([]).findOverlapping('abc'), []);
});

test('refuses empty, repeated and ill-formed forms', () => {
  assert.throws(() => buildMatcher(['a', '']), RangeError);
  assert.throws(() => buildMatcher(['ab', 'ab']), /repeats form 0/);
  assert.throws(() => buildMatcher(['\uD843']), /lone surrogate/);
  assert.throws(() => buildMatcher(['\uDF2Ax']), /lone surrogate/);
});

test('characters outside the BMP: 𠼪 is one character of two code units, and never split', () => {
  assert.equal('𠼪'.length, 2);
  assert.deepEqual(spans(['李讹𠼪', '讹𠼪'], '夏人李讹𠼪以书，讹𠼪遂'), [
    [2, 6, '李讹𠼪'],
    [9, 12, '讹𠼪'],
  ]);
  // Forms that share a surrogate unit with the text's pair cannot match half of it.
  const hi = '𠼪'[0]!;
  const lo = '𠼪'[1]!;
  assert.ok(!isWellFormed(hi) && !isWellFormed(lo) && isWellFormed('𠼪'));
  assert.deepEqual(spans(['𠼪', '𠼫'], `${lo}𠼪${hi}`), [[1, 3, '𠼪']]);
  assert.deepEqual(spans(['𠼪a'], '𠼪𠼪a'), [[2, 5, '𠼪a']]);
});

// ---------------------------------------------------------------------------------------------------------------
// Property test against a brute-force reference


/** Code points that stress the automaton: few letters (many overlaps), a pair, and lone halves in the text. */
const ALPHABET = ['a', 'b', 'c', '夏', '𠼪', '𠼫'];
const TEXT_EXTRA = ['\uD843', '\uDF2A'];

function randomString(random: () => number, alphabet: string[], maxLength: number, minLength = 0): string {
  const n = minLength + Math.floor(random() * (maxLength - minLength + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)]!;
  return s;
}

function bruteAll(forms: string[], text: string, accept?: Accept): [number, number, number][] {
  const byLength = forms.map((f, i) => ({ f, i })).sort((a, b) => b.f.length - a.f.length);
  const out: [number, number, number][] = [];
  let i = 0;
  outer: while (i < text.length) {
    for (const { f, i: index } of byLength) {
      if (text.startsWith(f, i) && (!accept || accept(index, i, i + f.length))) {
        out.push([i, i + f.length, index]);
        i += f.length;
        continue outer;
      }
    }
    i++;
  }
  return out;
}

function bruteOverlapping(forms: string[], text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    forms
      .map((f, index) => ({ f, index }))
      .filter(({ f }) => text.startsWith(f, i))
      .sort((a, b) => b.f.length - a.f.length)
      .forEach(({ f, index }) => out.push([i, i + f.length, index]));
  }
  return out;
}

test('property: findAll and findOverlapping equal a brute-force reference on random inputs', () => {
  const random = prng(20240611);
  for (let round = 0; round < 600; round++) {
    const forms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 12) }, () => randomString(random, ALPHABET, 5, 1)))];
    const text = randomString(random, [...ALPHABET, ...TEXT_EXTRA], 60);
    const m = buildMatcher(forms);
    const tuple = (x: { start: number; end: number; index: number }) => [x.start, x.end, x.index];
    const context = `forms ${JSON.stringify(forms)} text ${JSON.stringify(text)}`;
    assert.deepEqual(m.findAll(text).map(tuple), bruteAll(forms, text), context);
    assert.deepEqual(m.findOverlapping(text).map(tuple), bruteOverlapping(forms, text), context);
    // A deterministic refusal pattern exercises the fall-back to shorter candidates.
    const accept: Accept = (index, start, end) => (index * 7 + start * 3 + end) % 3 !== 0;
    assert.deepEqual(m.findAll(text, accept).map(tuple), bruteAll(forms, text, accept), context);
    for (const x of m.findOverlapping(text)) {
      const split = (at: number) => {
        const c = text.charCodeAt(at - 1);
        const d = text.charCodeAt(at);
        return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
      };
      assert.ok(!split(x.start) && !split(x.end), `a match splits a surrogate pair: ${context}`);
    }
  }
});

test('linear: ten times the text takes about ten times as long, not more (generous bound)', () => {
  const random = prng(7);
  const forms = [...new Set(Array.from({ length: 3000 }, () => randomString(random, ['a', 'b', 'c', 'd'], 8, 2)))];
  const m = buildMatcher(forms);
  const small = randomString(random, ['a', 'b', 'c', 'd'], 20_000, 20_000);
  const large = small.repeat(10);
  const once = (text: string) => {
    const t0 = performance.now();
    m.findAll(text);
    return performance.now() - t0;
  };
  // Small and large runs alternate and the fastest of each counts: on a shared machine a burst of load then
  // slows both alike instead of one (a median of runs taken one size after the other flaked under load).
  once(large);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < 7; i++) {
    bestSmall = Math.min(bestSmall, once(small));
    bestLarge = Math.min(bestLarge, once(large));
  }
  assert.ok(bestLarge < bestSmall * 40, `grows superlinearly: ${bestLarge.toFixed(1)} ms vs ${bestSmall.toFixed(1)} ms`);
});
