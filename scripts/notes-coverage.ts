/**
 * `npm run notes:coverage`: every proper name of the chronicle that the glossary does not cover — from
 * data/names.txt and from the heuristic extractor (src/core/coverage.ts explains both) — one line each with its
 * chapter and context, then a summary. Exits 1 if anything is missing or a data file is at fault, else 0.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkGlossary, type GlossaryFile } from '../src/core/glossary.ts';
import { coverage, formatCoverage, parseNamesList, type CoverageReport } from '../src/core/coverage.ts';
import type { DataError } from '../src/core/data-error.ts';
import { ROOT, read, readChapters } from './lib/repo.ts';

export const NAMES_FILE = 'data/names.txt';
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

/** The coverage of the repository's data, and the faults of the glossary and names.txt found on the way. */
export function repoCoverage(): { report: CoverageReport; glossaryErrors: DataError[]; namesErrors: DataError[] } {
  const chapters = readChapters().map(({ file, chapter }) => ({ file, chapter }));
  const chapterTexts = chapters.map(({ chapter }) => chapter.paragraphs.map((p) => p.text).join('\n'));
  // Coverage is wanted while the glossary is being written, so a faulty glossary still counts as far as it goes.
  const { glossary, errors: glossaryErrors } = checkGlossary(readGlossaryFiles(), chapterTexts);
  const { list, errors: namesErrors } = parseNamesList(read(NAMES_FILE), NAMES_FILE);
  const report = coverage(chapters, glossary, list, NAMES_FILE);
  return { report, glossaryErrors, namesErrors };
}

function main(): number {
  const { report, glossaryErrors, namesErrors } = repoCoverage();
  console.log(formatCoverage(report));
  for (const e of namesErrors) console.error(e.message);
  if (glossaryErrors.length) {
    console.error(`\nthe glossary has ${glossaryErrors.length} fault(s); coverage counted its usable entries:`);
    for (const e of glossaryErrors) console.error(e.message);
  }
  const faults = report.missing.length + report.problems.length + namesErrors.length + glossaryErrors.length;
  return faults === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
