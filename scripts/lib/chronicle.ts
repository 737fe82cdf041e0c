/** The chronicle as the build sees it: chapters with their year mentions, parsed once, from the same core. */
import { EraTable, parseEras } from '../../src/core/eras.ts';
import { YearParser, yearMarks, type DocumentResult, type YearMark } from '../../src/core/years.ts';
import { read, readChapters, type ChapterFile } from './repo.ts';
import { readDerived, YearIndexSchema } from '../../src/core/derived.ts';

export const ERAS_FILE = 'data/eras.tsv';

export function eraTable(): EraTable {
  return new EraTable(parseEras(read(ERAS_FILE), ERAS_FILE));
}

export interface ParsedChapter extends ChapterFile {
  years: DocumentResult;
  yearMarks: YearMark[];
}

export function parsedChapters(): ParsedChapter[] {
  const chapters = readChapters();
  const docs = new YearParser(eraTable()).parseDocuments(
    chapters.map((c) => ({ file: c.route, paragraphs: c.chapter.paragraphs.map((p) => p.text) })),
  );
  return chapters.map((c, i) => ({ ...c, years: docs[i]!, yearMarks: yearMarks(docs[i]!.mentions) }));
}

/**
 * By chapter route: [paragraph, offset, year] of each dated entry in reading order, from the generated year index
 * (read when asked, checked against its schema), so that a place in the text can say in which year it stands.
 */
export function entryYears(): Map<string, [number, number, number][]> {
  const file = 'src/generated/year-index.json';
  const index = readDerived(YearIndexSchema, JSON.parse(read(file)), file);
  return new Map(index.chapters.map((c) => [c.chapter, c.entries.map((e) => [e.paragraph, e.offset, e.year] as [number, number, number])]));
}
