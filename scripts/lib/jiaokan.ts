/** The 校勘记 entries of the repository's chronicle: the corrections applied to the seed, placed in the chapters. */
import { applyCorrections } from '../../src/core/corrections.ts';
import { jiaokanEntries, type ChapterText, type JiaokanEntry } from '../../src/core/jiaokan.ts';
import { CORRECTIONS_FILE, readChapters, readCorrections, readSeedParagraphs } from './repo.ts';

export function chronicleJiaokan(): { entries: JiaokanEntry[]; chapters: ChapterText[] } {
  const corrections = readCorrections();
  const { marks } = applyCorrections(readSeedParagraphs(), corrections, CORRECTIONS_FILE);
  const chapters = readChapters().map(({ route, chapter }) => ({ route, title: chapter.title, paragraphs: chapter.paragraphs.map((p) => p.text) }));
  return { entries: jiaokanEntries(corrections, marks, chapters), chapters };
}
