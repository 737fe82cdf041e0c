import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithWitness, parseWitnessData } from '../../src/core/witness.ts';
import type { DataErrors } from '../../src/core/data-error.ts';
import { compareChapters, compareOpenccOnly } from '../../scripts/lib/witness.ts';

const F = 'data/witness/differences.yaml';

test('the traditional text agrees with the 四库本 卷486 except for listed readings', () => {
  const c = compareChapters();
  assert.deepEqual(c.stale.map((e) => e.message), []);
  assert.deepEqual(c.unlisted.map((d) => `${d.context}: witness ${d.witness || '—'}, ours ${d.ours || '—'}`), []);
  assert.ok(c.compared > 3000, `compared only ${c.compared} characters`);
  // The exceptions are what makes it agree: OpenCC alone differs in more places (种朴, 游师雄, 御之, 于 …).
  const plain = compareOpenccOnly();
  assert.ok(plain.differences.length >= c.differences.length + 15, `OpenCC alone: ${plain.differences.length}, with exceptions: ${c.differences.length}`);
  assert.ok(plain.differences.some((d) => d.ours === '樸' || d.ours === '種樸'));
});

const SIMP = '元祐元年二月始遣使入贡，时年二十六，遣使来贺兴龙节。';
const TRAD = '元祐元年二月始遣使入貢，時年二十六，遣使來賀興龍節。';
const WITNESS = '#+TITLE: x\n<pb:x>前文元祐元年二月始遣使入貢時年三十六遣使來賀¶\n興龍節後文';

test('an unlisted difference fails, a listed one passes, a stale listing is named with file:line', () => {
  const none = parseWitnessData('forms: []\nrenamings: []\nreadings: []\n', F);
  const a = compareWithWitness(SIMP, TRAD, WITNESS, none, F);
  assert.deepEqual(a.unlisted.map((d) => [d.context, d.witness, d.ours]), [['始遣使入贡，时年[二]十六，遣', '三', '二']]);
  const listed = parseWitnessData('readings:\n  - at: 时年[二]十六\n    witness: 三\n    note: x\n  - at: 遣使[来]贺\n    witness: 来\n    note: y\n', F);
  const b = compareWithWitness(SIMP, TRAD, WITNESS, listed, F);
  assert.deepEqual(b.unlisted, []);
  assert.equal(b.stale.length, 1);
  assert.match(b.stale[0]!.message, /^data\/witness\/differences\.yaml:5: no such difference at 遣使\[来\]贺/);
});

test('forms and renamings are normalised before comparing; a transposition is one reading', () => {
  const w = '元祐元年二月始遣使入貢時年二十六遣使來賀龍興節為尼堪&KR1529;';
  const simp = `${SIMP}为粘罕𠼪`;
  const trad = `${TRAD}爲粘罕𠼪`;
  const data = parseWitnessData(
    'forms:\n  - { witness: 為, standard: 爲 }\n  - { witness: "&KR1529;", standard: 𠼪 }\nrenamings:\n  - { witness: 尼堪, ours: 粘罕, note: x }\nreadings:\n  - at: 来贺[兴龙]节\n    witness: 龍興\n    note: x\n',
    F,
  );
  const c = compareWithWitness(simp, trad, w, data, F);
  assert.deepEqual(c.stale.map((e) => e.message), []);
  assert.deepEqual(c.unlisted, []);
  assert.ok(c.differences.length >= 1);
});

test('differences.yaml faults carry file:line', () => {
  assert.throws(
    () => parseWitnessData('readings:\n  - at: 时年二十六\n    witness: 三\n    note: x\n', F),
    (e: unknown) => (e as DataErrors).errors[0]!.message === `${F}:2: "at" marks the differing part with one pair of brackets: 时年[二]十六`,
  );
  assert.throws(
    () => parseWitnessData('forms:\n  - { witness: 為, standard: 爲 }\n  - { witness: 為, standard: 爲 }\n', F),
    (e: unknown) => (e as DataErrors).errors[0]!.message === `${F}:3: 為 is listed already (line 2)`,
  );
});
