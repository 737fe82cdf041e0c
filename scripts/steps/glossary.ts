/**
 * Build step: checks the glossary against the chapters (faults stop the build with file:line) and writes what the
 * site needs: data/glossary.json (entries, each chapter's marks, occurrences) and the glossary page glossary.md.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossaryIndex, glossaryPage } from '../../src/core/glossary-index.ts';
import { parseGlossary } from '../../src/core/glossary.ts';
import { parsedChapters } from '../lib/chronicle.ts';
import { read } from '../lib/repo.ts';

export const GLOSSARY_DIR = 'data/glossary';

export function readGlossaryFiles(root: string): { file: string; text: string }[] {
  return readdirSync(join(root, GLOSSARY_DIR))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `${GLOSSARY_DIR}/${f}`, text: read(`${GLOSSARY_DIR}/${f}`) }));
}

export default async function glossaryStep({ root, out }: { root: string; out: string }): Promise<void> {
  const chapters = parsedChapters();
  const glossary = parseGlossary(
    readGlossaryFiles(root),
    chapters.map((c) => c.chapter.paragraphs.map((p) => p.text).join('\n')),
  );
  const index = buildGlossaryIndex(chapters, glossary, chapters.map((c) => c.yearMarks));
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data/glossary.json'), JSON.stringify(index));
  writeFileSync(join(out, 'glossary.md'), glossaryPage(index));
}
