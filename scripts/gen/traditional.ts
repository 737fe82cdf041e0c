/**
 * What the traditional page carries in its features chunk (the chapters, the glossary and the pages are files
 * under site/t/, written by the build): the textual notes, the era table and the page's own words, converted at
 * generation time with the text's converter (scripts/lib/traditional.ts), so that the page converts nothing.
 * The era table keeps its state keys (宋 夏 辽 金 are identifiers in the code); their display forms are words.
 */
import { compactEras, type CompactEra } from '../../src/core/eras.ts';
import { WORDS, type Words } from '../../src/core/words.ts';
import { FIRST_WORDS } from '../../src/core/first-words.ts';
import { eraTable } from '../lib/chronicle.ts';
import { traditional, traditionalChapters } from '../lib/traditional.ts';
import eraDisputes from './era-disputes.ts';
import notes from './notes.ts';
import type { EraDispute } from '../../src/core/era-disputes-view.ts';

export interface TraditionalData {
  words: Words;
  eras: CompactEra[];
  notes: Record<string, { text: string; reading: string; kind: string }>;
  /** Chapter titles by route, for the previous/next links. */
  chapters: Record<string, string>;
  /** The disputed era years, their basis and sources converted (the bubbles' 一说). */
  disputes: EraDispute[];
}

export default async function traditionalData() {
  const t = traditional();
  const words = Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, t.text(v, `words.${k}`)])) as unknown as Words;
  const eras = compactEras(eraTable().eras).map(([state, name, temple, ruler, ...rest]): CompactEra => [state, t.text(name), t.text(temple), t.text(ruler), ...rest]);
  const [notesFile] = await notes();
  const data = JSON.parse(notesFile!.content) as { notes: Record<string, { text: string; reading: string; kind: string }> };
  const [disputesFile] = await eraDisputes();
  const disputes = (JSON.parse(disputesFile!.content) as EraDispute[]).map((d) => ({
    ...d,
    era: t.text(d.era, `dispute ${d.line}`),
    basis: t.text(d.basis, `dispute ${d.line}`),
    sources: d.sources.map((x) => t.text(x, `dispute ${d.line}`)),
  }));
  const out: TraditionalData = {
    disputes,
    words,
    eras,
    chapters: Object.fromEntries(traditionalChapters(t).map((c) => [c.route, c.chapter.title])),
    notes: Object.fromEntries(Object.entries(data.notes).map(([id, n]) => [id, { text: t.text(n.text, `note ${id}`), reading: t.text(n.reading, `note ${id}`), kind: t.text(n.kind, `note ${id}`) }])),
  };
  const content = `{\n "words": ${JSON.stringify(out.words)},\n "chapters": ${JSON.stringify(out.chapters)},\n "eras": [\n${out.eras.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ],\n "disputes": ${JSON.stringify(out.disputes)},\n "notes": ${JSON.stringify(out.notes, null, 1).replace(/\n/g, '\n ')}\n}\n`;
  // The first script's few words (a page that could not be fetched), bundled in both scripts: small, and needed when
  // nothing else could be fetched.
  const first = { s: FIRST_WORDS, t: Object.fromEntries(Object.entries(FIRST_WORDS).map(([k, v]) => [k, t.text(v, `first words.${k}`)])) };
  return [
    { path: 'src/generated/traditional.json', content },
    { path: 'src/generated/first-words.json', content: `${JSON.stringify(first, null, 1)}\n` },
  ];
}
