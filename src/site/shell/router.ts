/**
 * The one listener for route changes. Listeners run in the order they subscribed; the first are the address
 * guard and the year-link redirect, subscribed in the first script before Docsify starts, so every later listener (Docsify's own included)
 * sees the settled address. One listener's fault is reported and the others still run.
 */
type Listener = () => void;

const listeners: Listener[] = [];

export function onRouteChange(fn: Listener): void {
  if (listeners.length === 0) {
    window.addEventListener('hashchange', () => {
      for (const f of listeners) {
        try {
          f();
        } catch (e) {
          console.warn('reader: a route listener failed', e);
        }
      }
    });
  }
  listeners.push(fn);
}
