/**
 * `npm run notes:check [FILE...]`: every fault of the glossary (fields, forms, `sources` in the known citation
 * forms, 「事迹不详」 only with what was searched), as file:line lines; with FILE arguments only the faults in those
 * files. Exits 1 on any fault. The build runs the same checks (scripts/steps/glossary.ts) and fails on them.
 */
import { checkGlossary } from '../src/core/glossary.ts';
import { chapterText } from '../src/core/text.ts';
import { readChapters, readGlossaryFiles } from './lib/repo.ts';

const only = process.argv.slice(2).map((f) => f.replace(/^\.\//, ''));
const chapterTexts = readChapters().map(({ chapter }) => chapterText(chapter));
const { glossary, errors } = checkGlossary(readGlossaryFiles(), chapterTexts);
const shown = only.length ? errors.filter((e) => only.some((f) => e.file.endsWith(f))) : errors;
for (const e of shown) console.error(e.message);
console.log(`${glossary.entries.length} entries; ${shown.length} fault(s)${only.length ? ` in ${only.join(', ')}` : ''}`);
process.exitCode = shown.length ? 1 : 0;
