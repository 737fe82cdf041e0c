/** Reading the repository's text and data from Node: the one place that knows where things are. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChapter, seedParagraphs, type Chapter } from '../../src/core/text.ts';
import { parseCorrections, type Correction } from '../../src/core/corrections.ts';
import type { GlossaryFile } from '../../src/core/glossary.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface ChapterFile {
  /** Docsify route without extension and leading slash: `chapters/02-yuanyou`. */
  route: string;
  file: string;
  markdown: string;
  chapter: Chapter;
}

export function read(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

/** The chapters in reading order (file names sort in order). */
export function readChapters(): ChapterFile[] {
  return readdirSync(join(ROOT, 'chapters'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = `chapters/${f}`;
      const markdown = read(file);
      return { route: file.replace(/\.md$/, ''), file, markdown, chapter: parseChapter(markdown, file) };
    });
}

export const SEED_FILE = 'data/seed/song-shi-xia-guo-zhuan.txt';
export const CORRECTIONS_FILE = 'data/corrections.yaml';

export function readSeedParagraphs(): string[] {
  return seedParagraphs(read(SEED_FILE));
}

export function readCorrections(): Correction[] {
  return parseCorrections(read(CORRECTIONS_FILE), CORRECTIONS_FILE);
}

export const GLOSSARY_DIR = 'data/glossary';

/** data/glossary/*.yaml in name order (none yet is an empty glossary). */
export function readGlossaryFiles(): GlossaryFile[] {
  const dir = join(ROOT, GLOSSARY_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: `${GLOSSARY_DIR}/${f}`, text: read(`${GLOSSARY_DIR}/${f}`) }));
}
