/**
 * Time until a chapter's text is visible, on loopback with a throttled network (150 ms round trip, 1.6 Mbit/s,
 * cache off): this site against a plain HTML page holding the same text, in the same run, and, for reference,
 * plain Docsify 5 (the same files, no plugin, no search, no style sheet of ours).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChapters } from '../scripts/lib/repo.ts';
import { serve } from '../scripts/lib/static-server.ts';
import { launch, serveSite, SITE } from '../tests/browser/harness.ts';
import { median, throttledPage, timeToText } from './lib.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);

/** The built site with an index.html that loads Docsify alone: what "plain Docsify" costs here. */
function bareDocsify(dir: string): void {
  cpSync(SITE, dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="vendor/docsify/themes/core.min.css"></head>
<body><div id="app"></div><script>window.$docsify = { loadSidebar: true, alias: { '/.*/_sidebar.md': '/_sidebar.md' } };</script>
<script src="vendor/docsify/docsify.min.js"></script></body></html>`,
  );
}

function plainPage(title: string, paragraphs: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</body></html>`;
}

export default async function run(): Promise<void> {
  const chapter = readChapters().find((c) => c.route === 'chapters/04-huizong')!;
  const texts = chapter.chapter.paragraphs.map((p) => p.text);
  const phrase = texts[0]!.slice(2, 14);
  const dir = mkdtempSync(join(tmpdir(), 'plain-'));
  writeFileSync(join(dir, 'index.html'), plainPage(chapter.chapter.title, texts));
  const bareDir = mkdtempSync(join(tmpdir(), 'bare-'));
  bareDocsify(bareDir);
  const site = await serveSite();
  const plain = await serve({ root: dir, base: '/plain/' });
  const bare = await serve({ root: bareDir, base: '/bare/' });
  const browser = await launch();
  const times = { site: [] as number[], plain: [] as number[], bare: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so that drift in the machine's load falls on both alike.
      for (const which of ['plain', 'bare', 'site'] as const) {
        const { page, close } = await throttledPage(browser);
        const url = { site: `${site.url}#/${chapter.route}`, bare: `${bare.url}#/${chapter.route}`, plain: plain.url }[which];
        times[which].push(await timeToText(page, url, phrase));
        await close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
    await plain.close();
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
  const s = median(times.site);
  const p = median(times.plain);
  const b = median(times.bare);
  console.log(`chapter text visible (${chapter.route}), median of ${RUNS}, throttled 150 ms RTT / 1.6 Mbit/s, no cache:`);
  console.log(`  plain HTML page: ${p.toFixed(0)} ms   [${times.plain.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  this site:       ${s.toFixed(0)} ms   [${times.site.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  plain Docsify 5:  ${b.toFixed(0)} ms   [${times.bare.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  ratio site/plain HTML: ${(s / p).toFixed(2)}×   plain Docsify/plain HTML: ${(b / p).toFixed(2)}×   site/plain Docsify: ${(s / b).toFixed(2)}×`);
}
