/**
 * `npm run bench`: runs every bench/*.bench.ts (or those whose names contain an argument) in name order.
 * Benchmarks print ratios against a baseline measured in the same run; they are not tests and assert nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../scripts/lib/repo.ts';

const filters = process.argv.slice(2);
const dir = join(ROOT, 'bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
for (const f of files) {
  console.log(`\n## ${f}`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: () => Promise<void> };
  await mod.default();
}
