/**
 * The browser entry: Docsify's configuration and the one plugin that runs each feature. Loaded as a file before
 * Docsify (never inline), so the page works under a Content-Security-Policy that forbids inline scripts.
 */
import { chapterNav } from './chapter-nav.ts';
import type { Feature, RenderContext } from './feature.ts';
import { glossary, preloadGlossary } from './glossary.ts';
import { notes } from './notes.ts';
import { loadSearchLater, runLateDoneEach } from './late-search.ts';
import { installPopover } from './popover.ts';
import { preloadRouteMarkdown } from './preload.ts';
import { target } from './target.ts';
import { redirectYearLink, yearRoutes, years } from './years.ts';

interface DocsifyVm {
  route: { path: string; query: Record<string, string | undefined> };
  config: { keyBindings?: Record<string, { bindings: unknown; callback: unknown }> | false };
}
interface Hooks {
  mounted(fn: () => void): void;
  doneEach(fn: () => void): void;
  ready(fn: () => void): void;
}

// Order matters: marks nest notes inside years inside glossary terms; the target is found after all of them.
const features: Feature[] = [notes, years, chapterNav, glossary, target];

function plugin(hook: Hooks, vm: DocsifyVm): void {
  hook.mounted(() => {
    installPopover();
    for (const f of features) f.mounted?.();
  });
  hook.doneEach(() => {
    const section = document.querySelector<HTMLElement>('.markdown-section');
    if (!section) return;
    section.dataset['route'] = vm.route.path.replace(/^\//, '').replace(/\.md$/, '');
    const ctx: RenderContext = {
      route: vm.route.path.replace(/^\//, '').replace(/\.md$/, ''),
      id: vm.route.query['id'] ?? null,
      section,
      paragraphs: [...section.querySelectorAll<HTMLParagraphElement>(':scope > p')],
    };
    for (const f of features) {
      try {
        f.doneEach?.(ctx);
      } catch (e) {
        // One feature's fault must not take the text away; it is reported, the rest still runs.
        console.warn(`reader: ${f.name} failed`, e);
      }
    }
    runLateDoneEach();
  });
  hook.ready(() => {
    preloadGlossary();
    loadSearchLater(vm, 'vendor/docsify/plugins/search.min.js');
  });
}

// First: a year link becomes its entry's chapter link, so the right chapter is preloaded and rendered once.
redirectYearLink();
preloadRouteMarkdown(location.hash);

(window as unknown as { $docsify: unknown }).$docsify = {
  name: '宋史·夏国传',
  nameLink: '#/',
  loadSidebar: true,
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
    namespace: 'song-shi-xia-guo-zhuan',
  },
  plugins: [plugin],
};
