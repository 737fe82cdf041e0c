import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCorrections, INVISIBLE, parseCorrections } from '../../src/core/corrections.ts';
import { CHAPTERS_STATEMENT, EDITION_STATEMENT } from '../../src/core/edition.ts';
import { jiaokanEntries, jiaokanPage } from '../../src/core/jiaokan.ts';
import { read, readCorrections } from '../../scripts/lib/repo.ts';
import { chronicleJiaokan } from '../../scripts/lib/jiaokan.ts';
import notes from '../../src/generated/notes.json' with { type: 'json' };

test('the 校勘记 has every correction once, numbered in the order of its first place in the text', () => {
  const { entries, chapters } = chronicleJiaokan();
  assert.deepEqual(entries.map((e) => e.correction.id).sort(), readCorrections().map((c) => c.id).sort());
  assert.deepEqual(entries.map((e) => e.n), entries.map((_, i) => i + 1));
  const pos = (e: (typeof entries)[number]) => {
    const p = e.places[0]!;
    return [chapters.findIndex((c) => c.route === p.route), p.paragraph, p.start];
  };
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [pos(entries[i - 1]!), pos(entries[i]!)];
    assert.ok(a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!))), `entry ${i + 1} after entry ${i}`);
  }
  // Places: as many as each correction's count, each the corrected text itself, each with the id the page gives it.
  for (const e of entries) {
    assert.equal(e.places.length, e.correction.count, e.correction.id);
    const marks = Object.values(notes.marks).flat().filter((m) => m.id === e.correction.id).map((m) => m.anchor).sort();
    assert.deepEqual(e.places.map((p) => p.anchor).sort(), marks, `${e.correction.id}: the page's note ids`);
    for (const p of e.places) {
      const text = chapters.find((c) => c.route === p.route)!.paragraphs[p.paragraph]!;
      assert.ok(e.correction.reading.includes(text.slice(p.start, p.end)), `${e.correction.id} at ${p.route} ${p.anchor}`);
    }
  }
});

test('the 校勘记 page: the edition, the chapters statement, entries with ids; text escaped, no box character', () => {
  const { entries, chapters } = chronicleJiaokan();
  const page = jiaokanPage(entries, chapters);
  assert.ok(page.includes(EDITION_STATEMENT) && page.includes(CHAPTERS_STATEMENT));
  assert.match(page, /<p class="jk-entry" id="jk-1" data-kind="录入之误"><span class="jk-n">〔一〕<\/span>/u);
  assert.doesNotMatch(page, INVISIBLE);
  const evil = parseCorrections(
    `- id: x
  kind: 录入之误
  seed: "\\uE24E"
  reading: 鄜
  count: 1
  certainty: confirmed
  lemma: 鄜<script>
  record: 『鄜』字<img src=x onerror=alert(1)>，据四库本补。
  evidence: 四库本作「鄜」。
  sources:
    - title: 宋史
`,
    'x.yaml',
  );
  const { marks } = applyCorrections(['　　\uE24E延'], evil);
  const chs = [{ route: 'chapters/x', title: 'x', paragraphs: ['　　鄜延'] }];
  const html = jiaokanPage(jiaokanEntries(evil, marks, chs), chs);
  assert.doesNotMatch(html, /<script>|<img/);
  assert.match(html, /鄜&lt;script&gt;/);
});

test('the home page states the edition in the words the notes use, and is a page for readers', () => {
  const home = read('home.md');
  assert.ok(home.includes(EDITION_STATEMENT), 'home.md carries EDITION_STATEMENT word for word');
  assert.ok(home.includes(CHAPTERS_STATEMENT));
  assert.doesNotMatch(home, /npm|git/i);
  assert.doesNotMatch(home, INVISIBLE);
  assert.match(read('_sidebar.md'), /\]\(jiaokan\.md\)/);
  assert.match(read('src/site/main.ts'), /homepage: 'home\.md'/);
});

test('a 校 marker goes after the reading, or after the clause an opening mark opens', async () => {
  const { markerOffset } = await import('../../src/core/jiaokan-view.ts');
  const text = '彼必曰：『新天子即位，我辈以武力取之。』小则上书';
  const open = text.indexOf('『');
  assert.equal(markerOffset(text, open, open + 1), text.indexOf('，'), 'after 『新天子即位, before its comma');
  const close = text.indexOf('』');
  assert.equal(markerOffset(text, close, close + 1), close + 1, 'a closing mark keeps its marker');
  const age = '时年二十六。';
  assert.equal(markerOffset(age, 2, 5), 5);
  assert.equal(markerOffset('「无尽', 0, 1), 3, 'an opened clause that runs to the paragraph’s end');
  // Every opening mark among the real corrections: the marker never stands right after it.
  for (const [route, marks] of Object.entries(notes.marks)) {
    for (const m of marks) {
      const reading = notes.notes[m.id as keyof typeof notes.notes].reading;
      if (/^[『「《（]$/.test(reading)) assert.ok(markerOffset(`${reading}甲乙，`, 0, 1) > 1, `${route} ${m.id}`);
    }
  }
});
