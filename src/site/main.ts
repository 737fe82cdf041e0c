/**
 * The first script: Docsify's configuration and the one plugin, loaded as a module before Docsify (never inline),
 * so the page works under a Content-Security-Policy that forbids inline scripts. It is kept small — the year-link
 * redirect, the markdown preload and the plugin's dispatch — because it is on the way to the first text; the
 * features arrive as a chunk after the first render and decorate the page then (features.ts).
 */
import { chapterParagraphs } from './shell/dom-text.ts';
import type { Feature, RenderContext } from './shell/feature.ts';
import { loadSearchLater, runLateDoneEach } from './shell/late-search.ts';
import { preloadRouteMarkdown } from './shell/preload.ts';
import { redirectYearLink, yearRoutes } from './years/year-redirect.ts';
import { initScript, scriptBase } from './script/script.ts';
import { initTheme } from './theme/theme.ts';

interface DocsifyVm {
  route: { path: string; query: Record<string, string | undefined> };
  config: { keyBindings?: Record<string, { bindings: unknown; callback: unknown }> | false };
}
interface Hooks {
  doneEach(fn: () => void): void;
  ready(fn: () => void): void;
}

let features: Feature[] | null = null;
let loading: Promise<void> | null = null;
let lastRender: RenderContext | null = null;

function runFeatures(ctx: RenderContext): void {
  // bench/years.bench.ts reads this measure: the reader's own share of a render.
  performance.mark('reader:start');
  for (const f of features ?? []) {
    try {
      f.doneEach?.(ctx);
    } catch (e) {
      // One feature's fault must not take the text away; it is reported, the rest still runs.
      console.warn(`reader: ${f.name} failed`, e);
    }
  }
  performance.measure('reader:features', 'reader:start');
}

/**
 * A reading mode or filter changed: the render on screen goes back to its bare text (decorations carry no text, so
 * a paragraph's textContent is the chronicle's) and the features decorate it again under the new settings. The
 * address's target is not sought again: the reader stays where they are.
 */
function redecorate(): void {
  if (!lastRender?.section.isConnected) return;
  for (const p of lastRender.paragraphs) p.replaceChildren(p.textContent ?? '');
  runFeatures({ ...lastRender, id: null });
}

function loadFeatures(): Promise<void> {
  loading ??= import('./shell/features.ts').then(
    async (m) => {
      // Without its words the traditional page still works, in simplified words: reported, not fatal.
      await m.prepareFeatures().catch((e: unknown) => console.warn('reader: traditional data unavailable', e));
      features = m.features;
      m.mountFeatures(redecorate);
      // The render that was on screen when the chunk arrived is decorated now, if it still is on screen.
      if (lastRender?.section.isConnected && lastRender.section.dataset['route'] === lastRender.route) {
        runFeatures(lastRender);
      }
    },
    (e: unknown) => console.warn('reader: features unavailable', e),
  );
  return loading;
}

function plugin(hook: Hooks, vm: DocsifyVm): void {
  hook.doneEach(() => {
    const section = document.querySelector<HTMLElement>('.markdown-section');
    if (!section) return;
    const route = vm.route.path.replace(/^\//, '').replace(/\.md$/, '');
    section.dataset['route'] = route;
    lastRender = {
      route,
      id: vm.route.query['id'] ?? null,
      section,
      paragraphs: chapterParagraphs(section),
    };
    if (features) runFeatures(lastRender);
    else void loadFeatures();
    runLateDoneEach();
  });
  hook.ready(() => loadSearchLater(vm, 'vendor/docsify/plugins/search.min.js'));
}

// First the script (a link's ?script=t), then a year link becomes its entry's chapter link, so the right chapter
// is preloaded and rendered once.
const reading = initScript();
initTheme();
redirectYearLink();
preloadRouteMarkdown(location.hash, scriptBase());

(window as unknown as { $docsify: unknown }).$docsify = {
  name: '宋史·夏国传',
  nameLink: '#/',
  loadSidebar: true,
  // The traditional text is the same site under t/ (src/site/script/script.ts).
  basePath: scriptBase(),
  // Chapters live in chapters/; without this Docsify first asks for chapters/_sidebar.md (a 404).
  alias: { '/.*/_sidebar.md': '/_sidebar.md' },
  notFoundPage: '_404.md',
  routes: yearRoutes,
  auto2top: true,
  maxLevel: 2,
  subMaxLevel: 0,
  executeScript: false,
  noEmoji: true,
  externalLinkTarget: '_self',
  search: {
    paths: 'auto',
    placeholder: '搜索全文',
    noData: '没有找到',
    depth: 2,
    // One index a script: the search finds what the reader reads.
    namespace: reading === 't' ? 'song-shi-xia-guo-zhuan-t' : 'song-shi-xia-guo-zhuan',
  },
  plugins: [plugin],
};
