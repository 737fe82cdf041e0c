/**
 * A throw-away copy of the repository (without .git, site/ and node_modules, which is linked), for tests that
 * change a data file or a chapter and run a script on the result: the real tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT } from '../../scripts/lib/repo.ts';

const SKIP = new Set(['.git', 'node_modules', 'site']);

export interface TempCopy {
  root: string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Runs a repository script (`scripts/build.ts`) with tsx in the copy. */
  run(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string };
  remove(): void;
}

export function tempCopy(): TempCopy {
  const root = mkdtempSync(join(tmpdir(), 'repo-copy-'));
  cpSync(ROOT, root, {
    recursive: true,
    filter: (src) => !SKIP.has(relative(ROOT, src).split(sep)[0] ?? ''),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    read: (rel) => readFileSync(join(root, rel), 'utf8'),
    write: (rel, text) => writeFileSync(join(root, rel), text),
    run: (script, ...args) => {
      const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [script, ...args], { cwd: root, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
