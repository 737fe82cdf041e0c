/** `npm run witness`: the reader's traditional text against the 四库本 卷四百八十六 (see data/witness/README.md). */
import { compareChapters, compareOpenccOnly } from './lib/witness.ts';

const plain = compareOpenccOnly();
const ours = compareChapters();
const listed = ours.differences.length - ours.unlisted.length;
console.log(`compared ${ours.compared} characters with the 四库本`);
console.log(`OpenCC alone: ${plain.differences.length} differences after normalising forms and renamings`);
console.log(`with data/script/exceptions.yaml: ${ours.differences.length} (fixed ${plain.differences.length - ours.differences.length}), listed as readings ${listed}, unlisted ${ours.unlisted.length}`);
for (const d of ours.unlisted) console.log(`  unlisted: ${d.context}  witness ${d.witness || '—'}  ours ${d.ours || '—'}`);
for (const e of ours.stale) console.log(`  stale: ${e.message}`);
if (ours.unlisted.length || ours.stale.length) process.exitCode = 1;
