/**
 * `npm run build`: writes the complete publishable site into site/. Nothing outside site/ is needed to serve it:
 * Docsify and its themes are copied from node_modules at the pinned versions (no CDN).
 * Data faults stop the build with file:line; generated files that disagree with their sources stop it too.
 */
import { build as esbuild, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkChapters } from '../src/core/corrections.ts';
import { readDerived, YearIndexSchema } from '../src/core/derived.ts';
import { CORRECTIONS_FILE, read, readChapters, readCorrections, readSeedParagraphs, ROOT } from './lib/repo.ts';
import { generators } from './lib/generators.ts';
import { writeTraditional } from './lib/traditional-site.ts';
import { type PrecacheEntry, precacheManifest } from './lib/precache-manifest.ts';
import { OTHER_PAGES, prerenderScript } from './steps/prerender.ts';

export const OUT = join(ROOT, 'site');

/** What every script the build bundles shares. */
const BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  target: 'es2020',
  // The bundles carry Chinese text (era names, notes): as UTF-8 it is a third of its \u-escaped size.
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
} as const;

/** Files copied from node_modules: [source, destination under site/]. */
const VENDOR: [string, string][] = [
  ['docsify/dist/docsify.min.js', 'vendor/docsify/docsify.min.js'],
  ['docsify/dist/themes/core.min.css', 'vendor/docsify/themes/core.min.css'],
  ['docsify/dist/themes/addons/core-dark.min.css', 'vendor/docsify/themes/addons/core-dark.min.css'],
  ['docsify/LICENSE', 'vendor/docsify/LICENSE'],
  // Docsify bundles Prism's core; the README's shell blocks need its bash grammar.
  ['prismjs/components/prism-bash.min.js', 'vendor/prismjs/prism-bash.min.js'],
  ['prismjs/LICENSE', 'vendor/prismjs/LICENSE'],
];

async function checkGenerated(): Promise<void> {
  const stale: string[] = [];
  for (const { run } of generators()) {
    for (const { path, content } of await run()) {
      const file = join(ROOT, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path);
    }
  }
  if (stale.length) throw new Error(`generated files are stale: ${stale.join(', ')}. Run \`npm run gen\` and commit them.`);
}

/**
 * The chunks main.js imports statically are on the way to the first text: index.html names them as module
 * preloads, so they download alongside main.js instead of one round trip after it. It also names the features
 * chunk, relative to main.js, for main.js's retry of a failed download (src/site/main.ts, importFeatures).
 */
function preloadFirstScript(meta: Metafile): void {
  const main = Object.entries(meta.outputs).find(([, o]) => o.entryPoint?.endsWith('src/site/main.ts'));
  if (!main) throw new Error('build: no output for src/site/main.ts');
  const url = (path: string, from: string): string => relative(from, join(ROOT, path)).split(sep).join('/');
  const links = main[1].imports
    .filter((i) => i.kind === 'import-statement')
    .map((i) => `    <link rel="modulepreload" href="${url(i.path, OUT)}" />`);
  const chunks = main[1].imports.filter((i) => i.kind === 'dynamic-import');
  if (chunks.length !== 1) throw new Error(`build: main.js should import one chunk dynamically, not ${chunks.length}`);
  links.push(`    <meta name="reader-features" content="./${url(chunks[0]!.path, join(OUT, 'assets'))}" />`);
  const file = join(OUT, 'index.html');
  const html = readFileSync(file, 'utf8');
  if (!html.includes('  </head>')) throw new Error('build: index.html has no "  </head>" line');
  writeFileSync(file, html.replace('  </head>', `${links.map((l) => `${l}\n`).join('')}  </head>`));
}

/** The chapters are the seed and the documented corrections, nothing else (file:line on any difference). */
function checkText(): void {
  const chapters = readChapters().map(({ file, chapter }) => ({ file, paragraphs: chapter.paragraphs }));
  checkChapters(readSeedParagraphs(), readCorrections(), CORRECTIONS_FILE, chapters);
}

const cssIn = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((f) => `${dir}/${f}`);

/**
 * The one style sheet, in this order: the page's own (assets/css/, type, theme, print of the page), then each
 * feature's, which owns its screen and print rules (src/site/<feature>/*.css): shell/ first, as the others build
 * on it, then the features' folders in name order.
 */
function styleSheets(): string[] {
  const features = readdirSync(join(ROOT, 'src/site'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shell')
    .map((d) => d.name)
    .sort();
  return [...cssIn('assets/css'), ...['shell', ...features].flatMap((f) => cssIn(`src/site/${f}`))];
}

export async function build(): Promise<void> {
  // First: a changed text must be named as such, not as the stale generated files it also causes.
  checkText();
  await checkGenerated();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  for (const f of ['index.html', 'README.md', 'home.md', '_sidebar.md']) cpSync(join(ROOT, f), join(OUT, f));
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

  writeFileSync(
    join(OUT, 'assets/site.css'),
    styleSheets()
      .map((f) => `/* ${f} */\n${readFileSync(join(ROOT, f), 'utf8')}`)
      .join('\n'),
  );

  // ESM with splitting: main.js is the small first script; the features it imports dynamically become a chunk
  // fetched after the first render (index.html loads main.js as a module; main.js asks for Docsify after the paint).
  // What the early script needs, for it and the first module alike, checked here rather than in the page (no schema
  // library in the early script): the routes that have a prerendered page (src/site/prerender/route.ts) and the
  // year index (src/site/years/year-index.ts).
  const yearIndexFile = 'src/generated/year-index.json';
  const define = {
    __PRERENDERED_ROUTES__: JSON.stringify([...OTHER_PAGES, ...readChapters().map((c) => c.route)]),
    __YEAR_INDEX__: JSON.stringify(readDerived(YearIndexSchema, JSON.parse(read(yearIndexFile)), yearIndexFile)),
  };
  const bundle = await esbuild({
    ...BUNDLE,
    entryPoints: [join(ROOT, 'src/site/main.ts')],
    define,
    outdir: join(OUT, 'assets'),
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    metafile: true,
  });
  preloadFirstScript(bundle.metafile);
  // The early request for the route's prerendered page (src/site/prerender/early.ts): a classic script, so that it
  // can run, async, before the first module has arrived.
  await classicScript('src/site/prerender/early.ts', 'assets/early.js', define);

  const stepsDir = join(ROOT, 'scripts/steps');
  for (const f of readdirSync(stepsDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const step = (await import(pathToFileURL(join(stepsDir, f)).href)) as {
      default: (ctx: { root: string; out: string }) => Promise<void>;
    };
    await step.default({ root: ROOT, out: OUT });
  }
  // Last, from everything the steps wrote: the traditional-character site under site/t/.
  await writeTraditional(OUT);
  // Its prerendered and crawlable pages, from the traditional markdown just written (scripts/steps/prerender.ts).
  prerenderScript(OUT, 't/');
  // After everything that writes into site/: the precache list must name the files as they will be served.
  const manifest = writePrecacheManifest();
  // `npm run dev` rebuilds on every change: a worker there would serve the previous build, so there is none.
  if (process.env['READER_DEV'] === '1') {
    const index = join(OUT, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<html ', '<html data-dev="1" '));
  } else await writeWorker(manifest);
}

function writePrecacheManifest(): PrecacheEntry[] {
  const files = (readdirSync(OUT, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(OUT, join(d.parentPath, d.name)).split(sep).join('/'))
    .map((path) => ({ path, bytes: readFileSync(join(OUT, path)) }));
  const manifest = precacheManifest(files);
  writeFileSync(join(OUT, 'precache-manifest.json'), JSON.stringify(manifest));
  return manifest;
}

/** The worker, with the manifest inlined: a new deploy changes sw.js's bytes, which is how the browser notices it. */
async function writeWorker(manifest: PrecacheEntry[]): Promise<void> {
  await classicScript('src/sw/sw.ts', 'sw.js', { 'self.__WB_MANIFEST': JSON.stringify(manifest), 'process.env.NODE_ENV': '"production"' });
}

/** A script that is not a module (no imports, no chunks): the early request and the worker. */
async function classicScript(entry: string, outfile: string, define: Record<string, string>): Promise<void> {
  await esbuild({ ...BUNDLE, entryPoints: [join(ROOT, entry)], outfile: join(OUT, outfile), define, format: 'iife' });
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
