/**
 * Offline after one visit: registers site/sw.js (relative URL and scope, so a GitHub Pages sub-path works) after
 * the first render, marks <html data-offline="ready"> once a worker is active, and offers 「有新版本，点此刷新」
 * when a new deploy's worker is waiting, so no page ever runs on a mix of old and new files.
 */
import type { Feature } from '../shell/feature.ts';
import { words } from '../script/words.ts';

function offerUpdate(waiting: ServiceWorker): void {
  if (document.querySelector('.offline-update')) return;
  const bar = document.createElement('div');
  bar.className = 'offline-update';
  bar.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = words().offlineUpdate;
  button.addEventListener('click', () => waiting.postMessage({ type: 'SKIP_WAITING' }));
  bar.append(button);
  document.body.append(bar);
}

async function register(): Promise<void> {
  const reg = await navigator.serviceWorker.register('sw.js', { scope: './' });
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
  });
  if (reg.waiting && hadController) offerUpdate(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(w);
    });
  });
  await navigator.serviceWorker.ready;
  document.documentElement.dataset['offline'] = 'ready';
}

export const offline: Feature = {
  name: 'offline',
  mounted() {
    // Not under `npm run dev` (a worker would serve the previous build after a rebuild), nor without support.
    if (!('serviceWorker' in navigator) || document.documentElement.dataset['dev'] === '1') return;
    register().catch((e: unknown) => console.warn('reader: offline unavailable', e));
  },
};
