import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/repo.ts';

const CLI = join(ROOT, 'scripts/years-cli.ts');
const run = (...files: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', CLI, ...files], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { dates?: Record<string, unknown>[] });

test('npm run years: one JSON line a year expression, kind entry or reference, dates on their entry', () => {
  const lines = run('chapters/01-bingchang.md', 'chapters/02-yuanyou.md');
  assert.ok(lines.every((l) => l['kind'] === 'entry' || l['kind'] === 'reference'));
  const first = lines[0]!;
  assert.deepEqual(
    [first['file'], first['year'], first['era'], first['eraYear'], first['state'], first['kind'], first['paragraph'], first['offset'], first['match']],
    ['chapters/01-bingchang.md', 1086, '元祐', 1, '宋', 'entry', 0, 2, '元祐元年'],
  );
  const yichou = first.dates?.find((d) => d['match'] === '秋七月乙丑');
  assert.deepEqual(yichou?.['date'], { julian: '1086-08-21', gregorian: '1086-08-27' });
  // Context runs on across files: chapter 02's bare 三年 is 元祐三年.
  const y1088 = lines.find((l) => l['file'] === 'chapters/02-yuanyou.md' && l['match'] === '三年');
  assert.deepEqual([y1088?.['year'], y1088?.['era'], y1088?.['kind']], [1088, '元祐', 'entry']);
  const back = lines.find((l) => l['match'] === '元丰四年');
  assert.deepEqual([back?.['year'], back?.['kind']], [1081, 'reference']);
});

test('npm run years: a missing file is a clear error and exit 1', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'no/such.md'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /years: cannot read no\/such\.md/);
  assert.equal(r.stdout, '');
});
