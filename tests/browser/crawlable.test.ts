/**
 * The chapters as pages of their own (scripts/steps/prerender.ts, src/core/crawlable.ts), fetched as a crawler
 * would — a plain HTTP GET, no JavaScript — from the site served like Pages; robots.txt; sitemap.xml from a site
 * address, well-formed as Chromium's XML parser reads it. And every prerendered page's text, in both scripts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChapters } from '../../scripts/lib/repo.ts';
import { traditionalChapters } from '../../scripts/lib/traditional.ts';
import prerenderStep, { OTHER_PAGES } from '../../scripts/steps/prerender.ts';
import { SITE, useSite, waitForRender } from './harness.ts';

const t = useSite();

/** The text of our own generated markup (the build escapes &, <, > and " and nothing else). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const paragraphsOf = (html: string, re: RegExp): string[] => [...html.matchAll(re)].map((m) => textOf(m[1]!));

const SCRIPTS = [
  { dir: '', lang: 'zh-Hans', chapters: readChapters() },
  { dir: 't/', lang: 'zh-Hant', chapters: traditionalChapters() },
];

test('each chapter is a page of its own without JavaScript: its whole text, title, description, canonical, alternates, a link into the reader', async () => {
  for (const { dir, lang, chapters } of SCRIPTS) {
    for (const { route, chapter } of chapters) {
      const r = await fetch(`${t.site.url}${dir}${route}.html`);
      assert.equal(r.status, 200, `${dir}${route}.html`);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      const html = await r.text();
      assert.doesNotMatch(html, /<script/i, 'no script');
      assert.deepEqual(
        paragraphsOf(html, /<p id="p\d+">(.*?)<\/p>/g),
        chapter.paragraphs.map((p) => p.text),
        `${dir}${route}: the whole text`,
      );
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.equal(textOf(/<title>(.*?)<\/title>/.exec(html)?.[1] ?? ''), `${chapter.title} - ${dir ? '宋史·夏國傳' : '宋史·夏国传'}`);
      const description = textOf(/<meta name="description" content="([^"]*)">/.exec(html)?.[1] ?? '');
      assert.ok(description.length > 20 && chapter.paragraphs[0]!.text.includes(description.slice(0, 20)), `description: ${description}`);
      const name = route.replace('chapters/', '');
      // Without SITE_URL (as in npm test), the canonical and alternates are relative to the page.
      const canonical = /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1] ?? '';
      assert.equal(new URL(canonical, r.url).href, `${t.site.url}${dir}${route}.html`);
      for (const [alt, d] of [
        ['zh-Hans', ''],
        ['zh-Hant', 't/'],
      ]) {
        const href = new RegExp(`<link rel="alternate" hreflang="${alt}" href="([^"]*)">`).exec(html)?.[1] ?? '';
        assert.equal(new URL(href, r.url).href, `${t.site.url}${d}${route}.html`, `${alt} alternate of ${dir}${name}`);
      }
      const reader = /<a class="reader-link" href="([^"]*)">/.exec(html)?.[1] ?? '';
      assert.equal(new URL(reader.replace(/&amp;/g, '&'), r.url).href, `${t.site.url}index.html${dir ? '?script=t' : ''}#/${route}`);
    }
  }
});

test('the link into the reader opens the chapter at the same place, in the page’s script', async () => {
  const page = await t.context.newPage();
  await page.goto(`${t.site.url}t/chapters/04-huizong.html`);
  await page.locator('a.reader-link').click();
  await waitForRender(page, 'chapters/04-huizong');
  assert.match(await page.locator('.markdown-section h1').innerText(), /徽宗建中靖國/);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('every prerendered page holds its script’s text: chapters paragraph for paragraph, the other pages present', async () => {
  for (const { dir, chapters } of SCRIPTS) {
    for (const { route, chapter } of chapters) {
      const html = await (await fetch(`${t.site.url}${dir}prerender/${route}.html`)).text();
      assert.deepEqual(
        paragraphsOf(html, /<p>(.*?)<\/p>/g),
        chapter.paragraphs.map((p) => p.text),
        `${dir}prerender/${route}`,
      );
    }
    for (const page of OTHER_PAGES.map((r) => r || 'home')) {
      const r = await fetch(`${t.site.url}${dir}prerender/${page}.html`);
      assert.equal(r.status, 200);
      assert.match(
        await r.text(),
        /^<h1 id="[^"]+" tabindex="-1"><a href="#\/[^"]*" data-id="[^"]+" class="anchor"><span>/,
        `${dir}${page}: Docsify's heading`,
      );
    }
  }
});

test('robots.txt allows all; with SITE_URL the build writes a well-formed sitemap of absolute addresses', async () => {
  const robots = await (await fetch(`${t.site.url}robots.txt`)).text();
  assert.match(robots, /^User-agent: \*\nAllow: \/\n/);
  assert.equal((await fetch(`${t.site.url}sitemap.xml`)).status, 404, 'no SITE_URL in npm test: no sitemap');
  const out = mkdtempSync(join(tmpdir(), 'sitemap-'));
  const before = process.env['SITE_URL'];
  try {
    cpSync(SITE, out, { recursive: true });
    process.env['SITE_URL'] = 'https://example.github.io/song-shi-xia-guo-zhuan';
    await prerenderStep({ root: '', out });
    const xml = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    assert.match(readFileSync(join(out, 'robots.txt'), 'utf8'), /\nSitemap: https:\/\/example\.github\.io\/song-shi-xia-guo-zhuan\/sitemap\.xml\n/);
    const page = await t.context.newPage();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return null;
      const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      return {
        root: doc.documentElement.namespaceURI === ns && doc.documentElement.localName === 'urlset',
        locs: [...doc.getElementsByTagNameNS(ns, 'loc')].map((l) => l.textContent ?? ''),
      };
    }, xml);
    await page.close();
    assert.ok(parsed, 'well-formed XML');
    assert.ok(parsed.root, 'a sitemaps.org urlset');
    const chapters = readChapters().map((c) => c.route);
    assert.deepEqual(parsed.locs, [
      'https://example.github.io/song-shi-xia-guo-zhuan/',
      ...chapters.map((r) => `https://example.github.io/song-shi-xia-guo-zhuan/${r}.html`),
      ...chapters.map((r) => `https://example.github.io/song-shi-xia-guo-zhuan/t/${r}.html`),
    ]);
    const page4 = readFileSync(join(out, 'chapters/04-huizong.html'), 'utf8');
    assert.match(page4, /<link rel="canonical" href="https:\/\/example\.github\.io\/song-shi-xia-guo-zhuan\/chapters\/04-huizong\.html">/);
  } finally {
    if (before === undefined) delete process.env['SITE_URL'];
    else process.env['SITE_URL'] = before;
    rmSync(out, { recursive: true, force: true });
  }
});
