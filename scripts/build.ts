/**
 * `npm run build`: writes the complete publishable site into site/. Nothing outside site/ is needed to serve it:
 * Docsify, its search plugin and themes are copied from node_modules at the pinned versions (no CDN).
 * Data faults stop the build with file:line; generated files that disagree with their sources stop it too.
 */
import { build as esbuild } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/repo.ts';
import { generators } from './lib/generators.ts';

export const OUT = join(ROOT, 'site');

/** Files copied from node_modules: [source, destination under site/]. */
const VENDOR: [string, string][] = [
  ['docsify/dist/docsify.min.js', 'vendor/docsify/docsify.min.js'],
  ['docsify/dist/plugins/search.min.js', 'vendor/docsify/plugins/search.min.js'],
  ['docsify/dist/themes/core.min.css', 'vendor/docsify/themes/core.min.css'],
  ['docsify/dist/themes/addons/core-dark.min.css', 'vendor/docsify/themes/addons/core-dark.min.css'],
  ['docsify/LICENSE', 'vendor/docsify/LICENSE'],
  // Docsify bundles Prism's core; the README's shell blocks need its bash grammar.
  ['prismjs/components/prism-bash.min.js', 'vendor/prismjs/prism-bash.min.js'],
  ['prismjs/LICENSE', 'vendor/prismjs/LICENSE'],
];

async function checkGenerated(): Promise<void> {
  const stale: string[] = [];
  for (const { run } of await generators()) {
    for (const { path, content } of await run()) {
      const file = join(ROOT, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path);
    }
  }
  if (stale.length) throw new Error(`generated files are stale: ${stale.join(', ')}. Run \`npm run gen\` and commit them.`);
}

export async function build(): Promise<void> {
  await checkGenerated();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  for (const f of ['index.html', 'README.md', '_sidebar.md', '_404.md']) cpSync(join(ROOT, f), join(OUT, f));
  cpSync(join(ROOT, 'chapters'), join(OUT, 'chapters'), { recursive: true });
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops files whose names start with "_".
  writeFileSync(join(OUT, '.nojekyll'), '');
  cpSync(join(ROOT, 'assets'), join(OUT, 'assets'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('assets', 'css')}`),
  });
  for (const [from, to] of VENDOR) {
    mkdirSync(join(OUT, to, '..'), { recursive: true });
    cpSync(join(ROOT, 'node_modules', from), join(OUT, to));
  }

  const cssDir = join(ROOT, 'assets/css');
  const css = readdirSync(cssDir)
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => `/* ${f} */\n${readFileSync(join(cssDir, f), 'utf8')}`)
    .join('\n');
  writeFileSync(join(OUT, 'assets/site.css'), css);

  await esbuild({
    entryPoints: [join(ROOT, 'src/site/main.ts')],
    outfile: join(OUT, 'assets/main.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    loader: { '.tsv': 'text' },
    legalComments: 'none',
    logLevel: 'warning',
  });

  const stepsDir = join(ROOT, 'scripts/steps');
  for (const f of readdirSync(stepsDir).filter((f) => f.endsWith('.ts')).sort()) {
    const step = (await import(pathToFileURL(join(stepsDir, f)).href)) as {
      default: (ctx: { root: string; out: string }) => Promise<void>;
    };
    await step.default({ root: ROOT, out: OUT });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await build();
    console.log(`build: site written to ${OUT}`);
  } catch (e) {
    console.error(`build failed:\n${(e as Error).message}`);
    process.exit(1);
  }
}
