import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScriptExceptions, Traditional } from '../../src/core/script.ts';
import { DataErrors } from '../../src/core/data-error.ts';
import { EraTable, expandEras } from '../../src/core/eras.ts';
import { YearParser } from '../../src/core/years.ts';
import { chapterText } from '../../src/core/text.ts';
import { eraTable, parsedChapters } from '../../scripts/lib/chronicle.ts';
import { readChapters, readCorrections } from '../../scripts/lib/repo.ts';
import { openccOnly, traditional, traditionalChapters } from '../../scripts/lib/traditional.ts';
import { sameMarks, traditionalGlossary } from '../../scripts/lib/traditional-site.ts';
import type { GlossaryIndex } from '../../src/core/glossary-index.ts';
import { buildGlossaryIndex } from '../../src/core/glossary-index.ts';
import { parseGlossary } from '../../src/core/glossary.ts';
import { readGlossaryFiles } from '../../scripts/lib/repo.ts';
import generateTraditional, { type TraditionalData } from '../../scripts/gen/traditional.ts';

const F = 'data/script/exceptions.yaml';

function faults(text: string): string[] {
  try {
    parseScriptExceptions(text, F);
    return [];
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
}

test('exceptions: faults are named with file:line', () => {
  assert.deepEqual(faults('rules:\n  - simplified: 种谔\n    traditional: 种諤諤\n    reason: x\n'), [
    `${F}:2: "种谔" and "种諤諤" differ in length: a conversion keeps every offset`,
  ]);
  assert.deepEqual(faults('rules:\n  - simplified: 凶\n    traditional: 凶\n'), [`${F}:2: "reason" must be a non-empty string`]);
  assert.deepEqual(faults('rules:\n  - simplified: 凶\n    traditional: 凶\n    reason: x\n    why: y\n'), [`${F}:5: unknown field "why"`]);
  assert.deepEqual(faults('rules:\n  - {simplified: 凶, traditional: 凶, reason: x}\n  - {simplified: 凶, traditional: 凶, reason: y}\n'), [
    `${F}:3: "凶" has a rule already (line 2)`,
  ]);
  assert.deepEqual(faults('words: []\n'), [`${F}:1: unknown section "words" (expected rules, overrides)`]);
  assert.deepEqual(faults('rules: [\n'), [faults('rules: [\n')[0]!]);
  assert.match(faults('rules: [\n')[0]!, /^data\/script\/exceptions\.yaml:\d+: YAML: /);
});

test('exceptions: an override must occur exactly once in its chapter', () => {
  const ex = parseScriptExceptions(
    'overrides:\n  - {chapter: c.md, simplified: 于, traditional: 于, reason: x}\n  - {chapter: c.md, simplified: 云中, traditional: 雲中, reason: x}\n',
    F,
  );
  const t = new Traditional(openccOnly(), ex, F);
  assert.throws(() => t.chapter('# 题\n\n于是于此', 'c.md'), (e: unknown) => {
    const m = (e as DataErrors).errors.map((x) => x.message);
    assert.deepEqual(m, [`${F}:2: "于" occurs more than once in c.md (line 3): make it longer`, `${F}:3: "云中" is not in c.md`]);
    return true;
  });
  assert.deepEqual(t.strayOverrides(['d.md']).map((e) => e.message), [`${F}:2: no chapter c.md`, `${F}:3: no chapter c.md`]);
});

test('rules win over OpenCC wherever they occur; overrides at their place only', () => {
  const ex = parseScriptExceptions(
    'rules:\n  - {simplified: 种朴, traditional: 种朴, reason: x}\noverrides:\n  - {chapter: c.md, simplified: 等御之, traditional: 等禦之, reason: x}\n',
    F,
  );
  const t = new Traditional(openccOnly(), ex, F);
  assert.equal(openccOnly()('环州种朴'), '環州種樸');
  assert.equal(t.text('环州种朴，彼种人'), '環州种朴，彼種人');
  assert.equal(t.chapter('# 题\n\n刘昌祚等御之。御史', 'c.md'), '# 題\n\n劉昌祚等禦之。御史');
});

test('the traditional chapters: names keep their surnames, every paragraph keeps its length, corrections stay exact', () => {
  const simplified = readChapters();
  const trad = traditionalChapters();
  const all = trad.map((c) => chapterText(c.chapter)).join('\n');
  for (const name of ['种朴', '种師道', '游師雄', '折可適', '禦之而退']) assert.ok(all.includes(name), name);
  for (const wrong of ['種樸', '遊師雄', '種師道', '兇']) assert.ok(!all.includes(wrong), wrong);
  const readings = readCorrections().map((c) => c.reading);
  for (const [i, c] of simplified.entries()) {
    const t = trad[i]!;
    assert.equal(t.chapter.paragraphs.length, c.chapter.paragraphs.length, c.file);
    c.chapter.paragraphs.forEach((p, k) => {
      const q = t.chapter.paragraphs[k]!;
      assert.equal(q.text.length, p.text.length, `${c.file} ¶${k}`);
      for (const r of ['𠼪', '㖫', '峗']) {
        for (let at = p.text.indexOf(r); at >= 0; at = p.text.indexOf(r, at + 1)) assert.equal(q.text.slice(at, at + r.length), r, `${c.file} ¶${k}: ${r}`);
      }
      assert.deepEqual(q.overrides.map((o) => [o.start, o.end]), p.overrides.map((o) => [o.start, o.end]));
    });
  }
  assert.ok(readings.includes('𠼪') && readings.includes('㖫') && readings.includes('峗'));
});

test('the year parser finds the same mentions at the same offsets in the traditional text, with its era names', () => {
  const data = JSON.parse(JSON.stringify(generatedTraditional)) as TraditionalData;
  const table = new EraTable(expandEras(data.eras, 'data/eras.tsv'));
  const simplified = parsedChapters();
  const trad = traditionalChapters();
  const docs = new YearParser(table).parseDocuments(trad.map((c) => ({ file: c.route, paragraphs: c.chapter.paragraphs.map((p) => p.text) })));
  const shape = (m: { paragraph: number; offset: number; match: string; year: number; kind: string; summary?: true; date?: unknown; eraYear: number | null }) =>
    [m.paragraph, m.offset, m.match.length, m.year, m.kind, m.summary ?? false, JSON.stringify(m.date ?? null), m.eraYear];
  let n = 0;
  simplified.forEach((c, i) => {
    assert.deepEqual(docs[i]!.mentions.map(shape), c.years.mentions.map(shape), c.route);
    n += c.years.mentions.length;
  });
  assert.ok(n > 40, `only ${n} mentions`);
  assert.ok(docs.flatMap((d) => d.mentions).some((m) => m.era === '紹聖'), 'traditional era names are matched');
  assert.equal(eraTable().eras.length, table.eras.length);
});

const [generatedFile] = await generateTraditional();
const generatedTraditional = JSON.parse(generatedFile!.content) as TraditionalData;

test('glossary: traditional terms are matched in the traditional text at the simplified marks', () => {
  const index = traditionalGlossary();
  const chapters = parsedChapters();
  const simplified = buildGlossaryIndex(chapters, parseGlossary(readGlossaryFiles(), chapters.map((c) => chapterText(c.chapter)), { citations: false }), chapters.map((c) => c.yearMarks));
  assert.equal(sameMarks(simplified, index), null);
  assert.ok(Object.values(index.marks).flat().length > 100);
  const trad = traditionalChapters();
  for (const [route, marks] of Object.entries(index.marks)) {
    const c = trad.find((x) => x.route === route)!;
    for (const [e, p, s, end] of marks) {
      const entry = index.entries[e]!;
      const forms = [entry.term, ...(entry.aliases ?? []), ...(entry.short ?? [])];
      const para = c.chapter.paragraphs[p]!;
      // A term pinned in the markdown (<span data-term="金人">金</span>) stands where its form does not.
      const pinned = para.overrides.some((o) => o.start === s && o.end === end && o.term === entry.term);
      assert.ok(pinned || forms.includes(para.text.slice(s, end)), `${route} ¶${p}:${s} ${entry.term}`);
    }
  }
  // A changed mark is reported, not ignored.
  const moved: GlossaryIndex = JSON.parse(JSON.stringify(index));
  const [route] = Object.keys(moved.marks);
  moved.marks[route!]![0]![2] += 1;
  assert.match(sameMarks(simplified, moved) ?? '', /simplified has .* traditional /);
});

test('the page words and notes are converted, placeholders kept', () => {
  const t = traditional();
  assert.equal(generatedTraditional.words.julian, '{label}：儒略曆{day}');
  assert.equal(generatedTraditional.words['辽'], '遼');
  for (const [id, n] of Object.entries(generatedTraditional.notes)) assert.ok(n.text.length > 0 && n.reading.length > 0, id);
  assert.equal(t.text('种谔'), '种諤');
});
