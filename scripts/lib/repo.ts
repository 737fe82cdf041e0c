/** Reading the repository's text and data from Node: the one place that knows where things are. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChapter, seedParagraphs, type Chapter } from '../../src/core/text.ts';
import { parseCorrections, type Correction } from '../../src/core/corrections.ts';

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
