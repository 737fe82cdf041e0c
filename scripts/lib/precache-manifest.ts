/**
 * The service worker's precache list: every file the reader can fetch, each with a revision that is a hash of its
 * bytes, so a deploy changes exactly the entries whose content changed and the worker re-downloads only those.
 * Our own step rather than workbox-build's getManifest: the list has to be taken after the traditional copy and
 * its prerendered pages are written (the last thing build.ts does), and the exclusions below are ours to state;
 * a forty-line pure function is easier to test than a glob configuration.
 */
import { createHash } from 'node:crypto';

export interface PrecacheEntry {
  url: string;
  revision: string;
}

/**
 * Not precached, and why:
 * - the crawlable no-JS chapter pages (chapters/NN-x.html, t/chapters/NN-x.html): they exist for search engines and
 *   carry the same text as the reader's markdown, which is precached; doubling the cache buys an offline reader nothing;
 * - sitemap.xml, robots.txt, .nojekyll: for crawlers and for GitHub Pages, never fetched by the page;
 * - sw.js itself: the browser fetches the worker script outside any cache, and caching it would pin an old worker;
 * - source maps and licence files: never requested by the page.
 */
export function excluded(path: string): boolean {
  return (
    /^(t\/)?chapters\/[^/]+\.html$/.test(path) ||
    /^(sitemap\.xml|robots\.txt|\.nojekyll|sw\.js)$/.test(path) ||
    path.endsWith('.map') ||
    /(^|\/)LICENSE$/.test(path)
  );
}

export const revision = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Paths are site-relative with "/" separators; the output is sorted so the manifest is reproducible. */
export function precacheManifest(files: { path: string; bytes: Uint8Array }[]): PrecacheEntry[] {
  return files
    .filter((f) => !excluded(f.path))
    .map((f) => ({ url: f.path, revision: revision(f.bytes) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}
