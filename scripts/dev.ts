/**
 * `npm run dev`: for writing. Builds, serves site/ as `npm start` does (127.0.0.1, PORT), and on every change to the
 * text, the data, the code or the assets regenerates src/generated/ and rebuilds; reload the page to see it. Each
 * rebuild runs in a fresh process, so it sees the files as they are now, and prints one line.
 *
 * It replaces docsify-cli's `docsify serve`, which brought ~110 packages for a live reload that the site's
 * Content-Security-Policy blocks, a websocket on every interface and a history fallback that hides the routing
 * faults GitHub Pages would show.
 */
import { spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/repo.ts';
import { serve } from './lib/static-server.ts';

const WATCHED = ['chapters', 'data', 'src', 'assets', 'scripts', 'index.html', 'README.md', '_sidebar.md'];
/** Written by the rebuild itself. */
const IGNORED = /^src[\\/]generated[\\/]/;
const tsx = join(ROOT, 'node_modules/.bin/tsx');

function rebuild(): void {
  const start = performance.now();
  for (const script of ['scripts/gen.ts', 'scripts/build.ts']) {
    const r = spawnSync(tsx, [script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, READER_DEV: '1' } });
    if (r.status !== 0) {
      console.log(`dev: ${script} failed:\n${(r.stderr || r.stdout).trim()}`);
      return;
    }
  }
  console.log(`dev: rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s; reload the page`);
}

rebuild();
const port = Number(process.env['PORT'] ?? 3000);
const served = await serve({ root: join(ROOT, 'site'), base: process.env['BASE'] ?? '', port });
console.log(`《宋史·夏国传》 reader (dev): ${served.url}  (Ctrl+C to stop)`);

let timer: NodeJS.Timeout | undefined;
for (const entry of WATCHED) {
  watch(join(ROOT, entry), { recursive: true }, (_event, name) => {
    const path = name ? join(entry, name.toString()) : entry;
    if (IGNORED.test(path)) return;
    // One rebuild for a burst of saves (an editor writes a file in several steps).
    clearTimeout(timer);
    timer = setTimeout(rebuild, 200);
  });
}
