/**
 * Years: what a year link and the years feature cost.
 *
 * 1. A cold year link (`#/year/1119`) against the same chapter opened by its plain route (`#/chapters/04-huizong`)
 *    and by the canonical entry link it becomes (`…?id=y1119`): time until the entry's paragraph is visible and
 *    until the entry is highlighted, throttled as in load.bench.ts (150 ms RTT, 1.6 Mbit/s, no cache).
 * 2. Per chapter render, in one page moving through the five chapters: Docsify's own render (its `beforeEach` to its
 *    `doneEach`), the reader's features together (`reader:features`), the years feature's synchronous part, the
 *    glossary's decoration, and the years' idle part (the year parser over the chapter and the references it
 *    decorates), at CPU ×1 and ×4.
 * What the features add to the first text is measured by load.bench.ts: they are a chunk loaded after it.
 */
import { readChapters } from '../scripts/lib/repo.ts';
import { launch, serveSite } from '../tests/browser/harness.ts';
import type { Browser, Page } from 'playwright-core';
import yearIndex from '../src/generated/year-index.json' with { type: 'json' };
import { median, throttledPage, timeToText } from './lib.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);
const YEAR = 1119;

/** Records when the element `id` first carries the target highlight (a frame after), for `targetTime`. */
async function watchTarget(page: Page, id: string): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const id = ${JSON.stringify(id)};
      const obs = new MutationObserver(() => {
        const el = document.getElementById(id);
        if (el && el.classList.contains('is-target')) {
          obs.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => (window.__targetShown = performance.now())));
        }
      });
      obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    })();`,
  });
}

/** Milliseconds from navigation start until the target was highlighted. */
async function targetTime(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __targetShown?: number }).__targetShown, null, { timeout: 60000, polling: 50 });
  return page.evaluate(() => (window as unknown as { __targetShown: number }).__targetShown);
}

/** Bench plugins around the reader's: marks at Docsify's beforeEach and doneEach, and after every feature ran. */
const RENDER_MARKS = `(() => {
  const log = (window.__renders = []);
  const first = (hook) => {
    hook.beforeEach((md) => { performance.mark('bench:before'); return md; });
    hook.doneEach(() => performance.mark('bench:docsify-done'));
  };
  const last = (hook) => {
    hook.doneEach(() => {
      performance.mark('bench:plugin-done');
      const at = (n) => { const e = performance.getEntriesByName(n); return e[e.length - 1]; };
      const years = at('years:doneEach');
      const reader = at('reader:features');
      const glossary = at('glossary:decorate');
      // Only measures taken during this render count (the features chunk may not have run yet on the first one).
      const since = at('bench:docsify-done').startTime;
      const dur = (e) => (e && e.startTime >= since ? e.duration : 0);
      log.push({
        hash: location.hash,
        docsify: since - at('bench:before').startTime,
        plugin: dur(reader),
        years: dur(years),
        glossary: dur(glossary),
      });
    });
  };
  let config;
  Object.defineProperty(window, '$docsify', {
    configurable: true,
    get() { return config; },
    set(v) { v.plugins = [first, ...(v.plugins || []), last]; config = v; },
  });
})();`;

interface Render {
  hash: string;
  docsify: number;
  plugin: number;
  years: number;
  glossary: number;
}

async function renderCosts(browser: Browser, url: string, cpu: number): Promise<Map<string, { docsify: number[]; plugin: number[]; years: number[]; glossary: number[]; idle: number[] }>> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript({ content: RENDER_MARKS });
  const routes = readChapters().map((c) => c.route);
  const out = new Map(routes.map((r) => [r, { docsify: [] as number[], plugin: [] as number[], years: [] as number[], glossary: [] as number[], idle: [] as number[] }]));
  await page.goto(`${url}#/`);
  await page.waitForFunction(() => (window as unknown as { __renders: Render[] }).__renders.length > 0, null, { timeout: 30000 });
  // Let the glossary data arrive, so that every counted render does the same work.
  await page.waitForTimeout(1500);
  for (let round = 0; round < ROUNDS; round++) {
    for (const route of routes) {
      const before = await page.evaluate(() => (window as unknown as { __renders: Render[] }).__renders.length);
      await page.evaluate((r) => (location.hash = `#/${r}`), route);
      await page.waitForFunction((n) => (window as unknown as { __renders: Render[] }).__renders.length > n, before, { timeout: 30000 });
      // The idle part runs after the frame; wait for it before the next route.
      await page.waitForTimeout(400);
      const r = await page.evaluate(() => {
        const renders = (window as unknown as { __renders: Render[] }).__renders;
        const idle = performance.getEntriesByName('years:idle');
        return { ...renders[renders.length - 1]!, idle: idle.length ? idle[idle.length - 1]!.duration : 0 };
      });
      // The first round warms Docsify's caches (sidebar, markdown); it is not counted.
      if (round === 0) continue;
      const o = out.get(route)!;
      o.docsify.push(r.docsify);
      o.plugin.push(r.plugin);
      o.years.push(r.years);
      o.glossary.push(r.glossary);
      o.idle.push(r.idle);
    }
  }
  await context.close();
  return out;
}

export default async function run(): Promise<void> {
  const row = yearIndex.years.find((y) => y.year === YEAR)!;
  const chapter = readChapters().find((c) => c.route === row.chapter)!;
  const entry = yearIndex.chapters.find((c) => c.chapter === row.chapter)!.entries.find((e) => e.anchor === row.anchor)!;
  const phrase = chapter.chapter.paragraphs[entry.paragraph]!.text.slice(entry.end, entry.end + 10);
  const site = await serveSite();
  const browser = await launch();
  const kinds = {
    year: `#/year/${YEAR}`,
    plain: `#/${row.chapter}`,
    canonical: `#/${row.chapter}?id=${row.anchor}`,
  } as const;
  const text = { year: [] as number[], plain: [] as number[], canonical: [] as number[] };
  const target = { year: [] as number[], canonical: [] as number[] };
  let costs1: Awaited<ReturnType<typeof renderCosts>>;
  let costs4: Awaited<ReturnType<typeof renderCosts>>;
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so that drift in the machine's load falls on all alike.
      for (const which of ['plain', 'year', 'canonical'] as const) {
        const { page, close } = await throttledPage(browser);
        if (which !== 'plain') await watchTarget(page, row.anchor);
        text[which].push(await timeToText(page, `${site.url}${kinds[which]}`, phrase));
        if (which !== 'plain') target[which].push(await targetTime(page));
        await close();
      }
    }
    costs1 = await renderCosts(browser, site.url, 1);
    costs4 = await renderCosts(browser, site.url, 4);
  } finally {
    await site.close();
    await browser.close();
  }
  const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms   [${xs.map((x) => x.toFixed(0)).join(' ')}]`;
  console.log(`cold year link, ${row.chapter}, median of ${RUNS}, throttled 150 ms RTT / 1.6 Mbit/s, no cache:`);
  console.log(`  entry paragraph visible   plain route ${kinds.plain}:      ${fmt(text.plain)}`);
  console.log(`                            year link ${kinds.year}:               ${fmt(text.year)}`);
  console.log(`                            canonical ${kinds.canonical}: ${fmt(text.canonical)}`);
  console.log(`  entry highlighted         year link:  ${fmt(target.year)}`);
  console.log(`                            canonical:  ${fmt(target.canonical)}`);
  console.log(`  ratio year link / plain route (text): ${(median(text.year) / median(text.plain)).toFixed(2)}×   ` +
    `year link / canonical (text): ${(median(text.year) / median(text.canonical)).toFixed(2)}×   ` +
    `(highlight): ${(median(target.year) / median(target.canonical)).toFixed(2)}×`);
  for (const [cpu, costs] of [[1, costs1], [4, costs4]] as const) {
    console.log(`\nper chapter render, in-app navigation, CPU ×${cpu}, median of ${ROUNDS - 1} (ms):`);
    console.log('  chapter                         Docsify   reader (all)   years sync   glossary   years idle   reader/Docsify');
    const all = { docsify: [] as number[], plugin: [] as number[], years: [] as number[], glossary: [] as number[], idle: [] as number[] };
    const row = (name: string, d: number, p: number, y: number, g: number, i: number) =>
      console.log(`  ${name.padEnd(30)} ${d.toFixed(2).padStart(8)} ${p.toFixed(2).padStart(13)} ${y.toFixed(2).padStart(12)} ${g.toFixed(2).padStart(10)} ${i.toFixed(2).padStart(12)} ${(p / d).toFixed(2).padStart(15)}×`);
    for (const [route, c] of costs) {
      const v = [median(c.docsify), median(c.plugin), median(c.years), median(c.glossary), median(c.idle)] as const;
      all.docsify.push(v[0]);
      all.plugin.push(v[1]);
      all.years.push(v[2]);
      all.glossary.push(v[3]);
      all.idle.push(v[4]);
      row(route, ...v);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    row('all five chapters', sum(all.docsify), sum(all.plugin), sum(all.years), sum(all.glossary), sum(all.idle));
  }
}
