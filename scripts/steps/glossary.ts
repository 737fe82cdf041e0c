/**
 * Build step: checks the glossary against the chapters (faults stop the build with file:line) and writes what the
 * site needs: data/glossary.json (entries, each chapter's marks, occurrences) and the glossary page glossary.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossaryIndex, glossaryPage } from '../../src/core/glossary-index.ts';
import { parseGlossary } from '../../src/core/glossary.ts';
import { entryYears, eraTable, parsedChapters } from '../lib/chronicle.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { readGlossaryFiles } from '../lib/repo.ts';
import { chapterText } from '../../src/core/text.ts';

export default async function glossaryStep({ out }: { root: string; out: string }): Promise<void> {
  const chapters = parsedChapters();
  const glossary = parseGlossary(readGlossaryFiles(), chapters.map((c) => chapterText(c.chapter)));
  const years = entryYears();
  const index = buildGlossaryIndex(chapters, glossary, chapters.map((c) => c.yearMarks), chapters.map((c) => years.get(c.route) ?? []));
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data/glossary.json'), JSON.stringify(index));
  writeFileSync(join(out, 'glossary.md'), glossaryPage(index, undefined, (y) => songYearName(eraTable(), y)));
}
