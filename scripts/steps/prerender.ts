/**
 * Build step: the site's pages as HTML, in both scripts, so that text never waits for Docsify.
 *
 * - `prerender/<route>.html` (and `t/prerender/…`): the content column of each route (home, chapters, glossary,
 *   校勘记) as Docsify renders it (scripts/lib/docsify-html.ts), the chapters' paragraphs carrying every decoration
 *   the features add in 全注 (src/core/prerender.ts). The first script paints it before Docsify has run
 *   (src/site/prerender/).
 * - `data/years.json`: each chapter's year mentions as the parser finds them here, at build time: the page marks
 *   the references and fills the year bubbles from it, and no longer carries the parser (src/site/years/).
 * - `chapters/<name>.html` (and `t/chapters/…`): each chapter as a page of its own, readable without JavaScript,
 *   for search engines and anyone without script: title, description, canonical and script alternates, the text,
 *   its textual notes, a link into the reader at the same chapter.
 * - `robots.txt`, and `sitemap.xml` when the site's address is known (`SITE_URL`, set by the Pages workflow):
 *   a sitemap takes absolute addresses only, so without one none is written and the build says so.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ChaptersSchema,
  GlossaryIndexSchema,
  NotesSchema,
  readDerived,
  TraditionalPagesSchema,
  YearIndexSchema,
  type PageMention,
} from '../../src/core/derived.ts';
import { KIND_ORDER, kindTitle, termAnchor } from '../../src/core/glossary-view.ts';
import {
  citedParagraphHtml,
  decoratedHtml,
  escapeHtml,
  withEntryCite,
  noteHtmlMark,
  overrideHtmlMark,
  termHtmlMark,
  yearHtmlMark,
  type HtmlMark,
} from '../../src/core/prerender.ts';
import { crawlablePage, robotsTxt, sitemapXml, siteUrlOf, type CrawlableLabels } from '../../src/core/crawlable.ts';
import { WORDS, type Words } from '../../src/core/words.ts';
import type { YearMention } from '../../src/core/years.ts';
import { docsifyHtml } from '../lib/docsify-html.ts';
import { parsedChapters } from '../lib/chronicle.ts';
import { read } from '../lib/repo.ts';
import { traditional } from '../lib/traditional.ts';
import { parseChapter } from '../../src/core/text.ts';

/** What the page needs of a mention (src/site/years/year-marks.ts): the parser's result without its parallel eras. */
function pageMention(m: YearMention): PageMention {
  const { parallel: _parallel, ...rest } = m;
  return rest;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The marks, words and chapter order every script's pages are made from. */
function inputs() {
  const parsed = parsedChapters();
  const yearIndex = readDerived(YearIndexSchema, JSON.parse(read('src/generated/year-index.json')), 'src/generated/year-index.json');
  const notes = readDerived(NotesSchema, JSON.parse(read('src/generated/notes.json')), 'src/generated/notes.json');
  const order = readDerived(ChaptersSchema, JSON.parse(read('src/generated/chapters.json')), 'src/generated/chapters.json');
  const traditionalData = readDerived(TraditionalPagesSchema, JSON.parse(read('src/generated/traditional.json')), 'src/generated/traditional.json');
  // The year mentions, parsed once here: the page receives them as data.
  const mentions: Record<string, PageMention[]> = {};
  for (const c of parsed) mentions[c.route] = c.years.mentions.filter((m) => m.kind !== 'date').map(pageMention);
  return { parsed, yearIndex, notes, order, traditionalData, mentions };
}

const SITE_NAME = '宋史·夏国传';
/** The routes besides the chapters, each a markdown file the steps before this one wrote (`` is home.md). */
export const OTHER_PAGES = ['', 'glossary', 'jiaokan', 'map', 'timeline'] as const;
const LABELS: CrawlableLabels = { open: '在阅读器中打开本章（纪年、注释与校勘）', notes: '校勘', paragraph: '第{n}段', prev: '上一章', next: '下一章' };

const SCRIPTS = [
  { dir: '', lang: 'zh-Hans' },
  { dir: 't/', lang: 'zh-Hant' },
] as const;

/**
 * The prerendered pages of one script's site (`` or `t/`), from the markdown already written there: the simplified
 * site by this step, the traditional one by build.ts once scripts/lib/traditional-site.ts has written site/t/.
 * The marks are the simplified text's: the traditional text aligns with it character for character.
 */
export function prerenderScript(out: string, dir: '' | 't/'): void {
  const { yearIndex, notes, order, traditionalData, mentions } = inputs();
  const glossary = readDerived(GlossaryIndexSchema, JSON.parse(readFileSync(join(out, 'data/glossary.json'), 'utf8')), 'site/data/glossary.json');
  const words: Record<string, string> = dir ? traditionalData.words : WORDS;
  const word = (k: keyof Words): string => words[k] ?? WORDS[k];
  const title = (r: string): string => (dir ? traditionalData.chapters[r] : undefined) ?? order.find((c) => c.route === r)?.title ?? r;
  const lang = SCRIPTS.find((s) => s.dir === dir)!.lang;
  const siteUrl = siteUrlOf(process.env['SITE_URL']);
  const up = dir ? '../../' : '../';
  const c = (x: string): string => (dir ? traditional().text(x, 'chapter page') : x);
  const labels: CrawlableLabels = { open: c(LABELS.open), notes: c(LABELS.notes), paragraph: c(LABELS.paragraph), prev: c(LABELS.prev), next: c(LABELS.next) };

  /** Every decoration of a paragraph in 全注. */
  function paragraphMarks(route: string, n: number): HtmlMark[] {
    const marks: HtmlMark[] = [];
    const entries = yearIndex.chapters.find((c) => c.chapter === route)?.entries ?? [];
    for (const e of entries) if (e.paragraph === n) marks.push(withEntryCite(yearHtmlMark({ start: e.offset, end: e.end, year: e.year, anchor: e.anchor })));
    for (const m of mentions[route] ?? []) {
      if (m.kind === 'reference' && m.paragraph === n) {
        marks.push(yearHtmlMark({ start: m.offset, end: m.offset + m.match.length, year: m.year, anchor: null, summary: m.summary === true }));
      }
    }
    for (const m of notes.marks[route] ?? []) if (m.paragraph === n) marks.push(noteHtmlMark(m));
    for (const [e, p, start, end] of glossary.marks[route] ?? []) {
      const entry = glossary.entries[e];
      if (entry && p === n) marks.push(termHtmlMark({ start, end, kind: entry.kind, anchor: termAnchor(p, start) }));
    }
    return marks;
  }

  /** What the features add after a chapter's text: the glossary's legend and the previous/next chapter links. */
  function chapterFoot(route: string): string {
    const present = new Set((glossary.marks[route] ?? []).map(([e]) => glossary.entries[e]?.kind));
    const kindWord = (k: string): string => (k in WORDS ? word(k as keyof Words) : kindTitle(k));
    let html = '';
    if (present.size) {
      const kinds = KIND_ORDER.filter((k) => present.has(k)).map((k) => `<span class="gl gl-${k}">${escapeHtml(kindWord(k))}</span> `);
      html += `<div class="gl-legend" data-decoration=""><span class="gl-legend-title">${escapeHtml(word('legend'))}</span>${kinds.join('')}<a href="#/glossary">${escapeHtml(word('legendIndex'))}</a></div>`;
    }
    // The pictures' links (src/site/pictures/), before the previous/next chapter links.
    const name = encodeURIComponent(route.replace(/^chapters\//, ''));
    html += `<nav class="pictures-links" aria-label="${escapeHtml(word('picLinks'))}"><a href="#/map?chapter=${name}">${escapeHtml(word('picChapterMap'))}</a> · <a href="#/timeline">${escapeHtml(word('picTimeline'))}</a></nav>`;
    const i = order.findIndex((c) => c.route === route);
    const link = (c: { route: string } | undefined, label: string, rel: string): string =>
      c ? `<a href="#/${c.route}" rel="${rel}"><small>${label}</small><span>${escapeHtml(title(c.route))}</span></a>` : '';
    if (i >= 0) html += `<nav class="chapter-nav" aria-label="上下章">${link(order[i - 1], '上一章', 'prev')}${link(order[i + 1], '下一章', 'next')}</nav>`;
    return html;
  }

  const crawlUrl = (d: string, route: string): string => (siteUrl ? `${siteUrl}${d}${route}.html` : `${up}${d}${route}.html`);
  for (const [i, { route }] of order.entries()) {
    const file = `${route}.md`;
    const markdown = readFileSync(join(out, dir, file), 'utf8');
    const chapter = parseChapter(markdown, join('site', dir, file));
    const html = docsifyHtml(markdown, route, {
      paragraph: (n) => {
        const p = chapter.paragraphs[n];
        if (!p) return undefined;
        return `<p>${citedParagraphHtml(route, n, decoratedHtml(p.text, [...paragraphMarks(route, n), ...p.overrides.map(overrideHtmlMark)]))}</p>`;
      },
    });
    write(join(out, dir, 'prerender', `${route}.html`), html + chapterFoot(route));

    const near = (c: { route: string } | undefined) => (c ? { href: `${c.route.replace(/^chapters\//, '')}.html`, title: title(c.route) } : null);
    write(
      join(out, dir, `${route}.html`),
      crawlablePage({
        lang,
        siteName: dir ? traditional().text(SITE_NAME, 'site name') : SITE_NAME,
        title: chapter.title,
        paragraphs: chapter.paragraphs.map((p) => p.text),
        notes: (notes.marks[route] ?? []).map((m) => {
          const note = notes.notes[m.id];
          const text = dir ? traditionalData.notes[m.id]?.text : note?.text;
          return {
            paragraph: m.paragraph,
            reading: note ? (dir ? (traditionalData.notes[m.id]?.reading ?? note.reading) : note.reading) : '',
            text: text ?? '',
          };
        }),
        canonical: crawlUrl(dir, route),
        alternates: Object.fromEntries(SCRIPTS.map((s) => [s.lang, crawlUrl(s.dir, route)])),
        reader: `${up}index.html${dir ? '?script=t' : ''}#/${route}`,
        prev: near(order[i - 1]),
        next: near(order[i + 1]),
        labels,
      }),
    );
  }
  // The other pages, as Docsify renders them.
  for (const route of OTHER_PAGES) {
    const file = `${route || 'home'}.md`;
    write(join(out, dir, 'prerender', `${route || 'home'}.html`), docsifyHtml(readFileSync(join(out, dir, file), 'utf8'), route));
  }
}

export default async function prerenderStep({ out }: { root: string; out: string }): Promise<void> {
  const { mentions, order } = inputs();
  write(join(out, 'data/years.json'), JSON.stringify({ chapters: mentions }));
  prerenderScript(out, '');
  const siteUrl = siteUrlOf(process.env['SITE_URL']);
  const pages = [
    { path: '', alternates: {} },
    ...order.map((c) => ({ path: `${c.route}.html`, alternates: Object.fromEntries(SCRIPTS.map((s) => [s.lang, `${s.dir}${c.route}.html`])) })),
    ...order.map((c) => ({ path: `t/${c.route}.html`, alternates: Object.fromEntries(SCRIPTS.map((s) => [s.lang, `${s.dir}${c.route}.html`])) })),
  ];
  write(join(out, 'robots.txt'), robotsTxt(siteUrl));
  if (siteUrl) write(join(out, 'sitemap.xml'), sitemapXml(siteUrl, pages));
  else console.log("build: SITE_URL is not set: no sitemap.xml, and the chapter pages' canonical links are relative (the Pages workflow sets it)");
}
