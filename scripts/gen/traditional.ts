/**
 * What the traditional page carries in its features chunk (the chapters, the glossary and the pages are files
 * under site/t/, written by the build): the textual notes, the era table and the page's own words, converted at
 * generation time with the text's converter (scripts/lib/traditional.ts), so that the page converts nothing.
 * The era table keeps its state keys (宋 夏 辽 金 are identifiers in the code); their display forms are words.
 */
import { compactEras, STATES, type CompactEra } from '../../src/core/eras.ts';
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

/**
 * The traditional spelling of every era and state name that has one, to the simplified name (紹聖 → 绍圣, 遼 → 辽):
 * bundled with the first script's simplified era table, so that a year link or a search in either script's names
 * is read in both pages (EraTable's `spellings`; the traditional table takes them the other way round). A spelling
 * that is another era's or state's name in the other script would make a link mean two things: refused.
 */
function eraSpellings(traditionalEras: CompactEra[]): Record<string, string> {
  const t = traditional();
  const simplified = compactEras(eraTable().eras);
  const pairs: [string, string][] = [
    ...STATES.map((s): [string, string] => [t.text(s), s]),
    ...traditionalEras.map((row, i): [string, string] => [row[1], simplified[i]![1]]),
  ];
  const names = new Set(pairs.map(([, s]) => s));
  const out: Record<string, string> = {};
  for (const [trad, simp] of pairs) {
    if (trad === simp) continue;
    if (names.has(trad)) throw new Error(`era names: the traditional ${trad} (of ${simp}) is also a simplified name`);
    if (out[trad] !== undefined && out[trad] !== simp) throw new Error(`era names: ${trad} is both ${out[trad]} and ${simp}`);
    out[trad] = simp;
  }
  return out;
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
    { path: 'src/generated/era-spellings.json', content: `${JSON.stringify(eraSpellings(eras), null, 1)}\n` },
    { path: 'src/generated/first-words.json', content: `${JSON.stringify(first, null, 1)}\n` },
  ];
}
