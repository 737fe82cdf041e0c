/**
 * `npm run notes:coverage`: every proper name of the chronicle that the glossary does not cover — from
 * data/names.txt and from the heuristic extractor (src/core/coverage.ts explains both) — one line each with its
 * chapter and context, then a summary. Exits 1 if anything is missing or a data file is at fault, else 0.
 */
import { pathToFileURL } from 'node:url';
import { checkGlossary } from '../src/core/glossary.ts';
import { chapterText } from '../src/core/text.ts';
import { coverage, formatCoverage, parseNamesList, type CoverageReport } from '../src/core/coverage.ts';
import type { DataError } from '../src/core/data-error.ts';
import { read, readChapters, readGlossaryFiles } from './lib/repo.ts';

export const NAMES_FILE = 'data/names.txt';
/** The coverage of the repository's data, and the faults of the glossary and names.txt found on the way. */
export function repoCoverage(): { report: CoverageReport; glossaryErrors: DataError[]; namesErrors: DataError[] } {
  const chapters = readChapters().map(({ file, chapter }) => ({ file, chapter }));
  const chapterTexts = chapters.map(({ chapter }) => chapterText(chapter));
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
