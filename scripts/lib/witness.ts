/** The 四库本 comparison as the tests and `npm run witness` run it. */
import { compareWithWitness, parseWitnessData, type Comparison } from '../../src/core/witness.ts';
import { Traditional } from '../../src/core/script.ts';
import { chapterText } from '../../src/core/text.ts';
import { read, readChapters } from './repo.ts';
import { EXCEPTIONS_FILE, openccOnly, traditionalChapters } from './traditional.ts';

export const WITNESS_FILE = 'data/witness/KR2a0032_486.txt';
export const DIFFERENCES_FILE = 'data/witness/differences.yaml';

/** Compares the chapters converted by `t` (the reviewed converter by default) with the witness. */
export function compareChapters(t?: Traditional): Comparison {
  const simplified = readChapters().map((c) => chapterText(c.chapter)).join('\n');
  const traditional = traditionalChapters(t).map((c) => chapterText(c.chapter)).join('\n');
  const data = parseWitnessData(read(DIFFERENCES_FILE), DIFFERENCES_FILE);
  return compareWithWitness(simplified, traditional, read(WITNESS_FILE), data, DIFFERENCES_FILE);
}

/** The same with OpenCC alone: what the exceptions fix is the difference between the two. */
export function compareOpenccOnly(): Comparison {
  return compareChapters(new Traditional(openccOnly(), { rules: [], overrides: [] }, EXCEPTIONS_FILE));
}
