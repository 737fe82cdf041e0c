/**
 * Time until a chapter's text is visible, on loopback with a throttled network (150 ms round trip, 1.6 Mbit/s,
 * cache off): this site (the chapter route and a year link to it) against a plain HTML page holding the same
 * text, in the same run, and, for reference, plain Docsify 5 (the same files, no plugin, no search, no style sheet
 * of ours). Then a repeat visit (a new tab in the same browser, the server sending max-age=600 as Pages does)
 * against the plain page's, the bytes of a first visit (before the text and in all), and the Cumulative Layout
 * Shift of a cold load of every chapter.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChapters, ROOT } from '../scripts/lib/repo.ts';
import { serve } from '../scripts/lib/static-server.ts';
import type { Browser } from 'playwright-core';
import { median, readLayoutShift, throttle, throttledPage, timeToText, transferred, watchLayoutShift } from './lib.ts';
import { launch, serveSite, SITE, waitForRender } from '../tests/browser/harness.ts';

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
  const times = { site: [] as number[], plain: [] as number[], bare: [] as number[], year: [] as number[] };
  const repeat = { site: [] as number[], plain: [] as number[] };
  const bytes = { before: [] as number[], total: [] as number[] };
  const cls: [string, number][] = [];
  const year = yearOf(chapter.route);
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so that drift in the machine's load falls on all alike.
      for (const which of ['plain', 'bare', 'site', 'year'] as const) {
        const { page, close } = await throttledPage(browser);
        const url = { site: `${site.url}#/${chapter.route}`, year: `${site.url}#/year/${year}`, bare: `${bare.url}#/${chapter.route}`, plain: plain.url }[
          which
        ];
        const t = await timeToText(page, url, phrase);
        times[which].push(t);
        if (which === 'site') {
          // The whole first visit: every feature done with the render and nothing in flight.
          await waitForRender(page, chapter.route);
          await quiet(page);
          const b = await transferred(page, t);
          bytes.before.push(b.before);
          bytes.total.push(b.total);
        }
        await close();
      }
      for (const which of ['plain', 'site'] as const) {
        const url = which === 'site' ? `${site.url}#/${chapter.route}` : plain.url;
        repeat[which].push(await repeatVisit(browser, url, phrase, which === 'site' ? chapter.route : null));
      }
    }
    for (const c of readChapters()) {
      const { page, close } = await throttledPage(browser);
      await watchLayoutShift(page);
      await page.goto(`${site.url}#/${c.route}`);
      await waitForRender(page, c.route);
      cls.push([c.route, await readLayoutShift(page)]);
      await close();
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
  const y = median(times.year);
  console.log(`  this site, #/year/${year}: ${y.toFixed(0)} ms   [${times.year.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(
    `  ratio site/plain HTML: ${(s / p).toFixed(2)}×   year link/plain HTML: ${(y / p).toFixed(2)}×   plain Docsify/plain HTML: ${(b / p).toFixed(2)}×   site/plain Docsify: ${(s / b).toFixed(2)}×`,
  );
  const rs = median(repeat.site);
  const rp = median(repeat.plain);
  console.log(`repeat visit (a new tab, same browser, max-age=600), median of ${RUNS}:`);
  console.log(`  plain HTML page: ${rp.toFixed(0)} ms   [${repeat.plain.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  this site:       ${rs.toFixed(0)} ms   [${repeat.site.map((x) => x.toFixed(0)).join(' ')}]`);
  console.log(`  ratio site/plain HTML: ${(rs / rp).toFixed(2)}×`);
  const kb = (x: number): string => `${(x / 1000).toFixed(1)} KB`;
  console.log(
    `bytes transferred on a first visit (median of ${RUNS}): ${kb(median(bytes.before))} by the time the text is visible, ${kb(median(bytes.total))} in all once every feature is done`,
  );
  console.log(
    `Cumulative Layout Shift, cold load, throttled: ${cls.map(([r, v]) => `${r.replace('chapters/', '')} ${v.toFixed(3)}`).join('   ')}   (max ${Math.max(...cls.map(([, v]) => v)).toFixed(3)})`,
  );
}

/** The year of the chapter's first entry: a year link that resolves into it. */
function yearOf(route: string): number {
  const index = JSON.parse(readFileSync(join(ROOT, 'src/generated/year-index.json'), 'utf8')) as {
    chapters: { chapter: string; entries: { year: number }[] }[];
  };
  const y = index.chapters.find((c) => c.chapter === route)?.entries[0]?.year;
  if (!y) throw new Error(`no year entry in ${route}`);
  return y;
}

/** Waits until the page has no request in flight for a moment that the page itself reports (its resource list stops growing between two frames). */
async function quiet(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const n = performance.getEntriesByType('resource').length;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(performance.getEntriesByType('resource').length === n && document.readyState === 'complete')),
        );
      }),
    null,
    { timeout: 30000, polling: 200 },
  );
}

/**
 * A repeat visit: one visit (to its end, so the cache holds what it fetched), then the same address in a new tab
 * of the same browser context, timed to the text as a first visit is.
 */
async function repeatVisit(browser: Browser, url: string, phrase: string, route: string | null): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const first = await context.newPage();
    await throttle(first, true);
    await first.goto(url, { waitUntil: 'load' });
    if (route) await waitForRender(first, route);
    await quiet(first);
    const again = await context.newPage();
    await throttle(again, true);
    return await timeToText(again, url, phrase);
  } finally {
    await context.close();
  }
}
