/**
 * Text before Docsify. On a cold load the first script fetches the route's page as the build rendered it
 * (`prerender/<route>.html`, scripts/steps/prerender.ts: Docsify's markup with every decoration of 全注 already in
 * it) and paints it in Docsify's layout — the content column with the year navigator's bar, beside an empty
 * sidebar — over (after, in the document) the page Docsify is building, which stays hidden until the reader marks its first render complete
 * (`reader:ready`, main.ts). Then the painted copy goes, in one frame, and the live page stands in its place: the
 * same text at the same place (tests/browser/prerender.test.ts measures both), so nothing moves. A route change
 * before that drops the copy at once.
 *
 * The copy carries no ids (they are the live page's: targets, anchors), only `data-anchor`, and is inert: no
 * popover, no copy button. It follows the reading mode and the script: 白文 or a hidden kind loses those decorations.
 */
import { mode, shows, showsKind } from '../modes/settings.ts';
import { followCite } from '../cite/settings.ts';
import { onRouteChange } from '../shell/router.ts';
import { prerenderUrl, routeOf, takeEarly } from './route.ts';

const state = {
  overlay: null as HTMLElement | null,
};

function drop(): void {
  state.overlay?.remove();
  state.overlay = null;
}

function unwrap(e: Element): void {
  e.replaceWith(...e.childNodes);
}

/** The decorations the reader's mode does not show go, as the features would not have added them. */
function followMode(article: HTMLElement): void {
  followCite(article, mode() === 'plain', shows('year'));
  if (!shows('note')) for (const e of article.querySelectorAll('.tn-marker')) e.remove();
  if (!shows('note')) for (const e of article.querySelectorAll('.tn')) unwrap(e);
  if (!shows('year')) {
    for (const e of article.querySelectorAll('.y [data-decoration]')) e.remove();
    for (const e of article.querySelectorAll('.y-expr, .y')) unwrap(e);
  }
  let terms = false;
  for (const e of article.querySelectorAll<HTMLElement>('p .gl')) {
    const kind = [...e.classList].find((c) => c.startsWith('gl-'))?.slice(3) ?? '';
    if (showsKind(kind)) terms = true;
    else unwrap(e);
  }
  if (!terms) article.querySelector(':scope > .gl-legend')?.remove();
}

function paint(html: string, id: string | null): void {
  // Docsify replaces #app with its <main> when it starts.
  const app = document.getElementById('app') ?? document.querySelector('body > main');
  if (!app || document.querySelector('.markdown-section[data-ready]')) return;
  const overlay = document.createElement('div');
  overlay.className = 'prerender';
  overlay.setAttribute('aria-busy', 'true');
  const main = document.createElement('main');
  const sidebar = document.createElement('aside');
  // Shown as Docsify shows it (its template, render/tpl.js): not on a phone, where a shown sidebar pushes the
  // content aside and the page would be zoomed out to fit.
  const breakpoint = getComputedStyle(document.documentElement).getPropertyValue('--_mobile-breakpoint').trim();
  const mobile = breakpoint !== '' && matchMedia(`(max-width: ${breakpoint})`).matches;
  sidebar.className = mobile ? 'sidebar' : 'sidebar show';
  const content = document.createElement('section');
  content.className = 'content';
  // A div, not Docsify's nav element: Docsify takes the document's first <nav> as its own (initRender).
  const nav = document.createElement('div');
  nav.className = 'year-nav';
  nav.append(Object.assign(document.createElement('div'), { className: 'year-bar' }));
  const article = document.createElement('article');
  article.className = 'markdown-section';
  // The build's own page (escaped there, scripts/steps/prerender.ts), fetched from a path this module chose from
  // the routes it knows: nothing from the address or a data file reaches this HTML.
  article.innerHTML = html;
  for (const e of article.querySelectorAll('[id]')) {
    e.setAttribute('data-anchor', e.id);
    e.removeAttribute('id');
  }
  followMode(article);
  content.append(nav, article);
  main.append(sidebar, content);
  overlay.append(main);
  // After the app, so that whatever looks for the page's first .markdown-section, .content or .sidebar (Docsify, the
  // plugin, the features) finds the live page's.
  app.after(overlay);
  state.overlay = overlay;
  // A link to a place in the chapter: shown where the target feature will bring it (target.ts, centred).
  const target = id && /^[\w-]+$/.test(id) ? article.querySelector<HTMLElement>(`[data-anchor="${id}"]`) : null;
  if (target && !/^H[1-6]$/.test(target.tagName)) {
    target.classList.add('is-target');
    target.scrollIntoView({ block: 'center' });
  }
}

/**
 * Paints the route's prerendered page as soon as it arrives; resolves once it is painted, or is not to be. `base` is the
 * script's folder (`t/` or nothing). Call after the year-link redirect, so the chapter route is the one painted.
 */
export function paintPrerendered(base: string): Promise<void> {
  const at = routeOf(location.hash);
  if (!at) return Promise.resolve();
  document.addEventListener('reader:ready', drop, { once: true });
  onRouteChange(drop);
  const url = prerenderUrl(base, at.route);
  // Asked for already by the early script (early.ts) when the address named the route itself.
  const page = takeEarly(url) ?? fetch(url, { priority: 'high' }).then((r) => (r.ok ? r.text() : null));
  return page
    .then((html) => {
      // The reader may have gone elsewhere while the page arrived.
      if (html !== null && routeOf(location.hash)?.route === at.route) paint(html, at.id);
    })
    .catch(() => undefined);
}
