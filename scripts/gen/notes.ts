/** Textual notes: where each corrected character stands in the chapters, the note shown there and its 校勘记 entry. */
import { noteReading, noteText } from '../../src/core/corrections.ts';
import type { NotesData } from '../../src/core/derived.ts';
import { chronicleJiaokan } from '../lib/jiaokan.ts';

export default async function notes() {
  const { entries, chapters } = chronicleJiaokan();
  const data: NotesData = { notes: {}, marks: Object.fromEntries(chapters.map((c) => [c.route, []])) };
  for (const { n, anchor, correction: c, places } of entries) {
    data.notes[c.id] = { text: noteText(c), reading: noteReading(c), certainty: c.certainty, kind: c.kind, n, entry: anchor };
    for (const p of places) data.marks[p.route]!.push({ paragraph: p.paragraph, start: p.start, end: p.end, id: c.id, anchor: p.anchor });
  }
  for (const list of Object.values(data.marks)) list.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return [{ path: 'src/generated/notes.json', content: JSON.stringify(data, null, 1) + '\n' }];
}
