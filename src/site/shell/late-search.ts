/**
 * Docsify's search plugin, loaded after the first page is on screen instead of before it: its script is as large
 * as Docsify's own, and on a slow line it delayed the first text by a third (see bench/load.bench.ts).
 *
 * Docsify reads `$docsify.plugins` once, at start, and has no API to add a plugin later (plugins added after start
 * never see their hooks: docsifyjs/docsify#233). So the late plugin is installed with the hook object Docsify gave
 * the reader's own plugin: its `doneEach` registers with Docsify itself; `mounted`, long past, is run at once. Its
 * `init` is not run: its one task, adding the `focusSearch` key binding, only works before Docsify reads the
 * bindings at start, so the binding is part of the configuration instead (`searchKeyBindings`).
 */
type Register = (fn: () => void) => void;

/** The registration functions Docsify hands a plugin (Docsify's published `Hooks` type describes the callbacks). */
export interface DocsifyHooks {
  init: Register;
  mounted: Register;
  beforeEach: Register;
  afterEach: Register;
  doneEach: Register;
  ready: Register;
}

type Install = (hook: DocsifyHooks, vm: unknown) => void;

/** The keys of Docsify's search (its defaults: `/`, ⌘K, Ctrl+K) focus the search field, opening the sidebar first. */
export const searchKeyBindings = {
  focusSearch: {
    bindings: ['/', 'meta+k', 'ctrl+k'],
    callback(): void {
      const sidebar = document.querySelector('.sidebar');
      const input = sidebar?.querySelector<HTMLInputElement>('input[type="search"]');
      if (!input) return;
      if ((sidebar?.getBoundingClientRect().x ?? 0) < 0) document.querySelector<HTMLElement>('.sidebar-toggle')?.click();
      input.focus({ preventScroll: true });
    },
  },
};

/** Resolves once the plugin is installed, or could not be loaded (reported, and the page goes on without it). */
export function loadSearchLater(hook: DocsifyHooks, vm: unknown, src: string): Promise<void> {
  const w = window as unknown as { $docsify: { plugins: Install[] } };
  const before = new Set(w.$docsify.plugins);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.onerror = () => {
      console.warn(`reader: search unavailable (${src})`);
      resolve();
    };
    script.onload = () => {
      const install = w.$docsify.plugins.find((p) => !before.has(p));
      if (install) {
        install(
          {
            ...hook,
            init: () => {},
            mounted: (fn) => fn(),
            // Docsify runs it on every later render; the render on screen gets it now.
            doneEach: (fn) => {
              hook.doneEach(fn);
              fn();
            },
          },
          vm,
        );
      }
      resolve();
    };
    document.body.appendChild(script);
  });
}
