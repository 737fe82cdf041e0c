/// <reference lib="webworker" />
/**
 * The offline worker (bundled by build.ts into site/sw.js). workbox-precaching rather than a hand-written cache:
 * it already does revisioned install, atomic activation (the new cache is filled before the old is dropped, so no
 * page sees a mix of files) and URL normalisation, which Docsify's requests need. The manifest is our own build
 * step (scripts/lib/precache-manifest.ts), injected here as self.__WB_MANIFEST.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string }[] };

cleanupOutdatedCaches();
// Relative URLs resolve against the worker's own URL, so the site works under a GitHub Pages sub-path.
// Docsify adds no query to markdown; the reader's own ?script=t names the page, not a file, so every query is ignored.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: 'index.html', cleanURLs: false });

// The page asks for this from its 「有新版本」 button: the waiting worker takes over, the page reloads once.
self.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
