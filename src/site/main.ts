/**
 * The browser entry: Docsify's configuration and the one plugin that runs each feature. Loaded as a file before
 * Docsify (never inline), so the page works under a Content-Security-Policy that forbids inline scripts.
 */
import { chapterNav } from './chapter-nav.ts';
import type { Feature, RenderContext } from './feature.ts';
import { notes } from './notes.ts';
import { installPopover } from './popover.ts';

interface DocsifyVm {
  route: { path: string; query: Record<string, string | undefined> };
}
interface Hooks {
  mounted(fn: () => void): void;
  doneEach(fn: () => void): void;
}

const features: Feature[] = [notes, chapterNav];

function plugin(hook: Hooks, vm: DocsifyVm): void {
  hook.mounted(() => {
    installPopover();
    for (const f of features) f.mounted?.();
  });
  hook.doneEach(() => {
    const section = document.querySelector<HTMLElement>('.markdown-section');
    if (!section) return;
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
  });
}

(window as unknown as { $docsify: unknown }).$docsify = {
  name: '宋史·夏国传',
  nameLink: '#/',
  loadSidebar: true,
  // Chapters live in chapters/; without this Docsify first asks for chapters/_sidebar.md (a 404).
  alias: { '/.*/_sidebar.md': '/_sidebar.md' },
  notFoundPage: '_404.md',
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
