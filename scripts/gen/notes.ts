/** Textual notes: where each corrected character stands in the chapters, and the note shown there. */
import { applyCorrections, changedText, noteText } from '../../src/core/corrections.ts';
import { CORRECTIONS_FILE, readChapters, readCorrections, readSeedParagraphs } from '../lib/repo.ts';

export interface NotesData {
  notes: Record<string, { text: string; reading: string; certainty: string }>;
  /** By chapter route: the corrected characters' places. */
  marks: Record<string, { paragraph: number; start: number; end: number; id: string }[]>;
}

export default async function notes() {
  const corrections = readCorrections();
  const { marks } = applyCorrections(readSeedParagraphs(), corrections, CORRECTIONS_FILE);
  const data: NotesData = { notes: {}, marks: {} };
  for (const c of corrections) {
    data.notes[c.id] = { text: noteText(c), reading: changedText(c.seed, c.reading), certainty: c.certainty };
  }
  // Chapters are the corrected seed's paragraphs in order (tests/unit/text.test.ts proves it), so a seed
  // paragraph number maps to a chapter by counting.
  let first = 0;
  for (const { route, chapter } of readChapters()) {
    const n = chapter.paragraphs.length;
    data.marks[route] = marks
      .filter((m) => m.paragraph >= first && m.paragraph < first + n)
      .map((m) => ({ ...m, paragraph: m.paragraph - first }));
    first += n;
  }
  return [{ path: 'src/generated/notes.json', content: JSON.stringify(data, null, 1) + '\n' }];
}
