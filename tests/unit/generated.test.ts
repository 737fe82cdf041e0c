import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/repo.ts';
import { generators } from '../../scripts/lib/generators.ts';

// Every scripts/gen/*.ts module, regenerated in memory, must equal what is committed: a stale file would ship an
// old index or table while the tests of the core pass.
for (const { name, run } of await generators()) {
  test(`generated files of scripts/gen/${name} are up to date`, async () => {
    const outputs = await run();
    assert.ok(outputs.length > 0, `${name} generates nothing`);
    for (const { path, content } of outputs) {
      const file = join(ROOT, path);
      assert.ok(existsSync(file), `${path} is missing: run \`npm run gen\``);
      assert.ok(readFileSync(file, 'utf8') === content, `${path} is stale (differs from what scripts/gen/${name} makes now): run \`npm run gen\``);
    }
  });
  test(`scripts/gen/${name} is deterministic`, async () => {
    const [a, b] = [await run(), await run()];
    assert.deepEqual(a, b);
  });
}

test('the generated data passes the schemas its readers check it with, and a faulty file is named', async () => {
  const { ChaptersSchema, ErasSchema, NotesSchema, readDerived, YearIndexSchema } = await import('../../src/core/derived.ts');
  const json = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'src/generated', name), 'utf8'));
  readDerived(ChaptersSchema, json('chapters.json'), 'chapters.json');
  readDerived(ErasSchema, json('eras.json'), 'eras.json');
  readDerived(NotesSchema, json('notes.json'), 'notes.json');
  const index = readDerived(YearIndexSchema, json('year-index.json'), 'year-index.json');
  const broken = structuredClone(index) as unknown as { years: { year: unknown }[] };
  broken.years[3]!.year = '1089';
  assert.throws(() => readDerived(YearIndexSchema, broken, 'year-index.json'), /^Error: year-index\.json: at years\.3\.year: /);
});
