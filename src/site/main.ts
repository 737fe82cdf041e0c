/**
 * The first script: Docsify's configuration and the one plugin, loaded as a module before Docsify (never inline),
 * so the page works under a Content-Security-Policy that forbids inline scripts. It is kept small — the year-link
 * redirect, the markdown preload and the plugin's dispatch — because it is on the way to the first text; the
 * features arrive as a chunk after the first render and decorate the page then (features.ts).
 */
import { guardAddress } from './shell/address.ts';
import { chapterParagraphs } from './shell/dom-text.ts';
import { failedStatus, showFailure } from './shell/failure.ts';
import type { Feature, RenderContext } from './shell/feature.ts';
import { preloadRouteMarkdown } from './shell/preload.ts';
import { redirectYearLink, yearRoutes } from './years/year-redirect.ts';
import { initScript, scriptBase } from './script/script.ts';
import { firstWords } from './script/first-words.ts';
import { initTheme } from './theme/theme.ts';
import { paintPrerendered } from './prerender/prerender.ts';
import { startDocsify } from './shell/start-docsify.ts';

interface DocsifyVm {
  /** `response`: the status of the route's file, which Docsify keeps (5.0.0, src/core/fetch/index.js). */
  route: { path: string; query: Record<string, string | undefined>; response?: { ok: boolean; status: number } };
}

/**
 * index.html is one file for both scripts: its title and its loading line (until Docsify mounts over it) are put
 * in the reader's script here. Docsify then titles each page `<page> - <name>`.
 */
function showLoadingWords(): void {
  const w = firstWords();
  document.title = w.pageTitle;
  const app = document.getElementById('app');
  if (app && app.childElementCount === 0) app.textContent = w.loading;
}

let features: Feature[] | null = null;
let loading: Promise<void> | null = null;
let lastRender: RenderContext | null = null;

/** Runs one hook of every feature on a render; resolves when the work each returned has settled. */
function runHook(ctx: RenderContext, hook: 'doneEach' | 'ready'): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const f of features ?? []) {
    if (ctx.failed && !f.onFailedPage) continue;
    try {
      const later = f[hook]?.(ctx);
      if (later) pending.push(later.catch((e: unknown) => console.warn(`reader: ${f.name} failed`, e)));
    } catch (e) {
      // One feature's fault must not take the text away; it is reported, the rest still runs.
      console.warn(`reader: ${f.name} failed`, e);
    }
  }
  return Promise.all(pending).then(() => undefined);
}

function runFeatures(ctx: RenderContext): Promise<void> {
  // bench/years.bench.ts reads this measure: the reader's own share of a render.
  performance.mark('reader:start');
  const done = runHook(ctx, 'doneEach');
  performance.measure('reader:features', 'reader:start');
  return done;
}

/**
 * A reading mode or filter changed: the render on screen goes back to its bare text (decorations carry no text, so
 * a paragraph's textContent is the chronicle's) and the features decorate it again under the new settings. The
 * address's target is not sought again: the reader stays where they are.
 */
function redecorate(): void {
  if (!lastRender?.section.isConnected) return;
  for (const p of lastRender.paragraphs) p.replaceChildren(p.textContent ?? '');
  const ctx: RenderContext = { ...lastRender, id: null };
  lastRender = ctx;
  delete ctx.section.dataset['ready'];
  markReady(ctx, runFeatures(ctx));
}

type FeaturesModule = typeof import('./shell/features.ts');
let attempts = 0;

/**
 * The features chunk. A retry asks for it under a new URL (the worker ignores the query, src/sw/sw.ts): a browser
 * that keeps a failed module fetch in its module map, as the HTML standard long said (whatwg/html#6768) and
 * Chromium 150 still does, would fail the same URL again without asking the network. index.html names the chunk
 * (scripts/build.ts, preloadFirstScript).
 */
function importFeatures(): Promise<FeaturesModule> {
  const retry = attempts++;
  const href = document.querySelector<HTMLMetaElement>('meta[name="reader-features"]')?.content;
  if (retry === 0 || !href) return import('./shell/features.ts');
  return import(new URL(`${href}?retry=${retry}`, import.meta.url).href) as Promise<FeaturesModule>;
}

function loadFeatures(): Promise<void> {
  loading ??= importFeatures().then(
    async (m) => {
      // Without its words the traditional page still works, in simplified words: reported, not fatal.
      await m.prepareFeatures().catch((e: unknown) => console.warn('reader: traditional data unavailable', e));
      features = m.features;
      m.mountFeatures(redecorate);
      // The render that was on screen when the chunk arrived is decorated now, if it still is on screen.
      if (lastRender?.section.isConnected && lastRender.section.dataset['route'] === lastRender.route) {
        return runFeatures(lastRender);
      }
      return undefined;
    },
    (e: unknown) => {
      console.warn('reader: features unavailable', e);
      // The next render asks again (a failed dynamic import is not kept by the browser): the text alone until then.
      loading = null;
    },
  );
  return loading;
}

/**
 * The page says when a render is complete: `data-ready` on the content section (with `data-route`) and a
 * `reader:ready` event, once every feature's work for it has settled and the features' `ready` hooks have run.
 * Tests and anything else that must see the finished page wait on this, never on time.
 */
function markReady(ctx: RenderContext, work: Promise<unknown>): void {
  const current = (): boolean => lastRender === ctx && ctx.section.isConnected;
  void work.then(() => (current() ? runHook(ctx, 'ready') : undefined)).then(() => {
    if (!current()) return;
    ctx.section.dataset['ready'] = '';
    document.dispatchEvent(new CustomEvent('reader:ready', { detail: { route: ctx.route } }));
  });
}

/** The part of Docsify's plugin API the reader uses (docs: "Write a plugin"). */
interface DocsifyHooks {
  doneEach(fn: () => void): void;
}

function plugin(hook: DocsifyHooks, vm: DocsifyVm): void {
  hook.doneEach(() => {
    const section = document.querySelector<HTMLElement>('.markdown-section');
    if (!section) return;
    const route = vm.route.path.replace(/^\//, '').replace(/\.md$/, '');
    section.dataset['route'] = route;
    delete section.dataset['ready'];
    // Docsify's own page for a failed fetch is 「0 -」 or a status line, which the features would decorate.
    const status = failedStatus(vm.route.response);
    if (status !== null) showFailure(section, vm.route.path, status);
    const paragraphs = status === null ? chapterParagraphs(section) : [];
    // Paragraph anchors (`?id=p3`, ARCHITECTURE.md): the one address every paragraph has, chapter or not.
    for (const [i, p] of paragraphs.entries()) if (!p.id) p.id = `p${i}`;
    const ctx: RenderContext = { route, id: vm.route.query['id'] ?? null, section, paragraphs, failed: status !== null };
    lastRender = ctx;
    markReady(ctx, features ? runFeatures(ctx) : loadFeatures());
  });
}

// First the script (a link's ?script=t), so that what the page says from here on is in the reader's script; then an
// address Docsify cannot take is settled (and the reader told); the theme; then a year link becomes its entry's
// chapter link, so the right chapter is preloaded and rendered once.
initScript();
guardAddress();
initTheme();
showLoadingWords();
redirectYearLink();
preloadRouteMarkdown(location.hash, scriptBase());
// The route's text as the build rendered it, painted before Docsify is even asked for (prerender/prerender.ts,
// shell/start-docsify.ts).
void paintPrerendered(scriptBase()).then(startDocsify);

(window as unknown as { $docsify: unknown }).$docsify = {
  name: firstWords().siteName,
  nameLink: '#/',
  // The readers' home page; README.md stays the repository's read-me.
  homepage: 'home.md',
  loadSidebar: true,
  // The traditional text is the same site under t/ (src/site/script/script.ts).
  basePath: scriptBase(),
  // Chapters live in chapters/; without this Docsify first asks for chapters/_sidebar.md (a 404).
  alias: { '/.*/_sidebar.md': '/_sidebar.md' },
  routes: yearRoutes,
  auto2top: true,
  maxLevel: 2,
  subMaxLevel: 0,
  executeScript: false,
  noEmoji: true,
  externalLinkTarget: '_self',
  plugins: [plugin],
};
