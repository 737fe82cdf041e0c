import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './repo.ts';

export type Generated = { path: string; content: string };
export type Generator = () => Promise<Generated[]>;

/**
 * Every `scripts/gen/*.ts` module, by name, in name order. A module is imported only when it runs, so a generator
 * sees what the ones before it wrote (year-index.ts reads the calendar table that calendar.ts writes): one
 * `npm run gen` is enough. A generator whose output another reads therefore sorts before it.
 */
export function generators(): { name: string; run: Generator }[] {
  const dir = join(ROOT, 'scripts/gen');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((name) => ({
      name,
      run: async () => ((await import(pathToFileURL(join(dir, name)).href)) as { default: Generator }).default(),
    }));
}
