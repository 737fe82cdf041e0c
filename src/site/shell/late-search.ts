/**
 * Docsify's search plugin, loaded after the first page is on screen instead of before it: its script is as large
 * as Docsify's own, and on a slow line it delayed the first text by a third (see bench/load.bench.ts). Docsify
 * only installs plugins at start, so the late plugin is installed here with the hooks it uses.
 */
type Hook = (fn: (...args: unknown[]) => unknown) => void;
type Install = (hook: Record<string, Hook>, vm: unknown) => void;

interface LateVm {
  config: { keyBindings?: Record<string, { bindings: unknown; callback: unknown }> | false };
}

const lateDoneEach: (() => void)[] = [];

/** Called from the reader's doneEach: the late plugin sees every render after it arrived. */
export function runLateDoneEach(): void {
  for (const fn of lateDoneEach) fn();
}

/** Docsify keeps bindings as sorted key lists, normalised once at start; a late binding must arrive so. */
function normalise(bindings: unknown): string[][] {
  const mods = ['alt', 'ctrl', 'meta', 'shift'];
  return (Array.isArray(bindings) ? bindings : [bindings]).map((keys: string) => {
    const parts = keys.split('+').map((k) => k.trim().toLowerCase());
    return [...parts.filter((k) => mods.includes(k)).sort(), ...parts.filter((k) => !mods.includes(k)).sort()];
  });
}

export function loadSearchLater(vm: LateVm, src: string): void {
  const w = window as unknown as { $docsify: { plugins: Install[] } };
  const before = new Set(w.$docsify.plugins);
  const script = document.createElement('script');
  script.src = src;
  script.onload = () => {
    const install = w.$docsify.plugins.find((p) => !before.has(p));
    if (!install) return;
    install(
      {
        init: (fn) => {
          fn();
          const kb = vm.config.keyBindings;
          if (kb && kb['focusSearch']) kb['focusSearch'].bindings = normalise(kb['focusSearch'].bindings);
        },
        mounted: (fn) => void fn(),
        doneEach: (fn) => {
          lateDoneEach.push(fn as () => void);
          fn();
        },
        beforeEach: () => {},
        afterEach: () => {},
        ready: () => {},
      },
      vm,
    );
  };
  document.body.appendChild(script);
}
