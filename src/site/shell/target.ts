/**
 * `?id=` for any element the features add (year entries `y1088`, terms `t3-45`, notes `n-fu-1`): Docsify scrolls
 * only to headings, and does not render again when only the query changes (a link to another place of the same
 * chapter), so the reader marks and scrolls to the target itself: after every render, on such a hash change, and
 * when late decorations (the glossary's) arrive.
 */
import { rangeAt } from './dom-text.ts';
import type { Feature, RenderContext } from './feature.ts';
import { onRouteChange } from './router.ts';

export const TARGET_CLASS = 'is-target';

/**
 * A feature may name a part of the target to show (`data-focus="35-37"`, text offsets, as search does for its
 * match): a long paragraph's match can lie below the fold when the paragraph itself is centred.
 */
function bringIntoView(el: HTMLElement): void {
  const focus = /^(\d+)-(\d+)$/.exec(el.dataset['focus'] ?? '');
  const range = focus ? rangeAt(el, Number(focus[1]), Number(focus[2])) : null;
  const rect = range?.getBoundingClientRect();
  range?.detach();
  if (rect && rect.height > 0) window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2 });
  else el.scrollIntoView({ block: 'center' });
}

/**
 * Marks the element `id` inside `section` as the target and brings it into view; resolves once it is in view (or at
 * once when there is no such element).
 */
export function markTarget(section: HTMLElement, id: string | null): Promise<void> {
  for (const el of section.querySelectorAll(`.${TARGET_CLASS}`)) el.classList.remove(TARGET_CLASS);
  if (!id || !/^[\w-]+$/.test(id)) return Promise.resolve();
  const el = document.getElementById(id);
  if (!el || !section.contains(el) || /^H[1-6]$/.test(el.tagName)) return Promise.resolve();
  el.classList.add(TARGET_CLASS);
  // After Docsify's own scroll-to-top has run.
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      bringIntoView(el);
      resolve();
    }),
  );
}

/** The route and `id` of the current address, as Docsify reads them. */
export function currentTarget(): { route: string; id: string | null } {
  const m = /^#\/?([^?]*)(?:\?(.*))?$/.exec(location.hash) ?? [];
  return { route: (m[1] ?? '').replace(/\.md$/, ''), id: new URLSearchParams(m[2] ?? '').get('id') };
}

/**
 * Whether the route change on its way is to a new history entry (a typed address, a link) rather than Back or
 * Forward. Docsify scrolls to the top only after a click: to Docsify a typed address is a "history" navigation, so a
 * new chapter opened at the old scroll position. Every entry the reader has been on is stamped in its history
 * state; an entry without the stamp is new. Back and Forward keep the position the browser restores.
 */
const landing = { fresh: false };
const SEEN = 'readerSeen';

function stampEntry(): boolean {
  const state: unknown = history.state;
  const seen = typeof state === 'object' && state !== null && SEEN in state;
  if (!seen) history.replaceState({ ...(typeof state === 'object' ? state : {}), [SEEN]: true }, '');
  return !seen;
}

export const target: Feature = {
  name: 'target',
  mounted() {
    stampEntry();
    onRouteChange(() => {
      landing.fresh = stampEntry();
      const section = document.querySelector<HTMLElement>('.markdown-section');
      const { route, id } = currentTarget();
      if (section && route === section.dataset['route']) void markTarget(section, id);
    });
  },
  doneEach(ctx: RenderContext) {
    // A new chapter without a target opens at its top, however it was reached.
    if (landing.fresh && !ctx.id) window.scrollTo(0, 0);
    landing.fresh = false;
    return markTarget(ctx.section, ctx.id);
  },
  /** A target that a late decoration created (a glossary term, once its data arrived) is marked now. */
  ready(ctx: RenderContext) {
    const { route, id } = currentTarget();
    if (route !== ctx.route || !id || document.getElementById(id)?.classList.contains(TARGET_CLASS)) return undefined;
    return markTarget(ctx.section, id);
  },
};
