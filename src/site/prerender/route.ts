/**
 * Which routes have a prerendered page and where it is: shared by the early request (early.ts) and the paint
 * (prerender.ts), so both ask for the same file.
 */
/**
 * The routes the build prerenders (scripts/steps/prerender.ts), put in each bundle by the build (scripts/build.ts,
 * `define`) from the list the prerender step writes from: an unknown chapter is Docsify's 404, not a fetch.
 */
declare const __PRERENDERED_ROUTES__: readonly string[];
const ROUTES = new Set(__PRERENDERED_ROUTES__);

/** The route and `id` of a hash, as Docsify reads them (only the routes the build prerenders). */
export function routeOf(hash: string): { route: string; id: string | null } | null {
  const m = /^#\/?([^?]*)(?:\?(.*))?$/.exec(hash || '#/');
  const route = (m?.[1] ?? '').replace(/\.md$/, '');
  if (!ROUTES.has(route)) return null;
  return { route, id: new URLSearchParams(m?.[2] ?? '').get('id') };
}

/** The prerendered page of a route; `base` is the script's folder (`t/` or nothing). */
export function prerenderUrl(base: string, route: string): string {
  return `${base}prerender/${route || 'home'}.html`;
}

/** The page the early script asked for, handed to the paint: one request for the same file, not two. */
interface EarlyRequest {
  url: string;
  page: Promise<string | null>;
}

const KEY = '__readerEarlyPrerender';
/** The slot between the two scripts: the early request, or null once the paint has looked (then none is made). */
type Slot = Record<typeof KEY, EarlyRequest | null | undefined>;

export function askEarly(url: string): void {
  const w = window as unknown as Slot;
  // The early script is async: should it run after the paint has looked, the paint has asked by itself.
  if (w[KEY] !== undefined) return;
  const page = fetch(url, { priority: 'high' })
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
  w[KEY] = { url, page };
}

/** The early script's answer for `url`; null when it did not run (yet) or asked for another file. */
export function takeEarly(url: string): Promise<string | null> | null {
  const w = window as unknown as Slot;
  const early = w[KEY];
  w[KEY] = null;
  return early?.url === url ? early.page : null;
}
