/**
 * `npm run gen`: runs every generator in scripts/gen/ and writes what it returns. Generated files are committed
 * (so the browser bundle and the tests see them without a build) and tests/unit/generated.test.ts fails when
 * one is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './lib/repo.ts';
import { generators } from './lib/generators.ts';

for (const { name, run } of generators()) {
  for (const { path, content } of await run()) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), content);
    console.log(`gen: ${name} → ${path}`);
  }
}
