/**
 * The chapters as pages of their own, for readers without JavaScript and for search engines (a hash-routed Docsify
 * site shows them one page, docsify#231): plain HTML with the whole text, the corrections' notes, a title, a
 * description, a canonical address with the other script as an alternate, and a link into the reader at the same
 * chapter. Plus robots.txt and sitemap.xml. Pure: scripts/steps/prerender.ts writes them.
 */
import { escapeHtml } from './prerender.ts';

/** The site's address as the Pages workflow gives it (`https://user.github.io/repo`), ending in `/`; null if unset. */
export function siteUrlOf(raw: string | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new Error(`SITE_URL is not an address: ${JSON.stringify(s)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be http(s): ${JSON.stringify(s)}`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export interface CrawlableLabels {
  /** The link into the reader. */
  open: string;
  notes: string;
  /** `第{n}段`. */
  paragraph: string;
  prev: string;
  next: string;
}

export interface CrawlableChapter {
  lang: string;
  siteName: string;
  title: string;
  paragraphs: string[];
  notes: { paragraph: number; reading: string; text: string }[];
  canonical: string;
  /** By language tag, the page in each script (the page's own included, as hreflang asks). */
  alternates: Record<string, string>;
  /** The reader at this chapter (`../index.html#/chapters/04-huizong`). */
  reader: string;
  prev: { href: string; title: string } | null;
  next: { href: string; title: string } | null;
  labels: CrawlableLabels;
}

const DESCRIPTION_LENGTH = 90;

/** The description: the chapter's opening words, without the full-width indentation. */
export function describe(paragraphs: readonly string[]): string {
  const text = paragraphs.map((p) => p.trim().replace(/^\u3000+/, '')).join('');
  return text.length > DESCRIPTION_LENGTH ? `${text.slice(0, DESCRIPTION_LENGTH)}……` : text;
}

export function crawlablePage(c: CrawlableChapter): string {
  const e = escapeHtml;
  const alternates = Object.entries(c.alternates)
    .map(([lang, href]) => `<link rel="alternate" hreflang="${e(lang)}" href="${e(href)}">`)
    .join('\n');
  const notes = c.notes.length
    ? `<section><h2>${e(c.labels.notes)}</h2><ol>${c.notes
        .map((n) => `<li><a href="#p${n.paragraph}">${e(c.labels.paragraph.replace('{n}', String(n.paragraph + 1)))}</a>「${e(n.reading)}」：${e(n.text)}</li>`)
        .join('')}</ol></section>`
    : '';
  const near = [
    c.prev ? `<a rel="prev" href="${e(c.prev.href)}">${e(c.labels.prev)}：${e(c.prev.title)}</a>` : '',
    c.next ? `<a rel="next" href="${e(c.next.href)}">${e(c.labels.next)}：${e(c.next.title)}</a>` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${e(c.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(c.title)} - ${e(c.siteName)}</title>
<meta name="description" content="${e(describe(c.paragraphs))}">
<link rel="canonical" href="${e(c.canonical)}">
${alternates}
</head>
<body>
<p><a class="reader-link" href="${e(c.reader)}">${e(c.labels.open)}</a></p>
<main>
<article>
<h1>${e(c.title)}</h1>
${c.paragraphs.map((p, i) => `<p id="p${i}">${e(p)}</p>`).join('\n')}
</article>
${notes}
</main>
${near.length ? `<nav>${near.join(' ')}</nav>` : ''}
</body>
</html>
`;
}

export function robotsTxt(siteUrl: string | null): string {
  return `User-agent: *\nAllow: /\n${siteUrl ? `Sitemap: ${siteUrl}sitemap.xml\n` : ''}`;
}

/** A sitemap of `pages` (paths under the site), each with its script alternates (xhtml:link, as search engines read them). */
export function sitemapXml(siteUrl: string, pages: readonly { path: string; alternates: Record<string, string> }[]): string {
  const x = escapeHtml;
  const urls = pages.map((p) => {
    const alts = Object.entries(p.alternates)
      .map(([lang, path]) => `\n    <xhtml:link rel="alternate" hreflang="${x(lang)}" href="${x(siteUrl + path)}"/>`)
      .join('');
    return `  <url>\n    <loc>${x(siteUrl + p.path)}</loc>${alts}\n  </url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}
