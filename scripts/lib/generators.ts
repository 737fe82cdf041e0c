import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './repo.ts';

export type Generated = { path: string; content: string };
export type Generator = () => Promise<Generated[]>;

/** Every `scripts/gen/*.ts` module, by name, in name order. */
export async function generators(): Promise<{ name: string; run: Generator }[]> {
  const dir = join(ROOT, 'scripts/gen');
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      run: ((await import(pathToFileURL(join(dir, name)).href)) as { default: Generator }).default,
    })),
  );
}
