/**
 * `?id=` for any element the features add (year entries `y1088`, terms `t3-45`, notes `n-fu-1`): Docsify scrolls
 * only to headings, and does not render again when only the query changes (a link to another place of the same
 * chapter), so the reader marks and scrolls to the target itself: after every render, on such a hash change, and
 * when late decorations (the glossary's) arrive.
 */
import type { Feature, RenderContext } from './feature.ts';

export const TARGET_CLASS = 'is-target';

/** Marks the element `id` inside `section` as the target and brings it into view; false if there is none. */
export function markTarget(section: HTMLElement, id: string | null): boolean {
  for (const el of section.querySelectorAll(`.${TARGET_CLASS}`)) el.classList.remove(TARGET_CLASS);
  if (!id || !/^[\w-]+$/.test(id)) return false;
  const el = document.getElementById(id);
  if (!el || !section.contains(el) || /^H[1-6]$/.test(el.tagName)) return false;
  el.classList.add(TARGET_CLASS);
  // After Docsify's own scroll-to-top has run.
  requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
  return true;
}

/** The route and `id` of the current address, as Docsify reads them. */
export function currentTarget(): { route: string; id: string | null } {
  const m = /^#\/?([^?]*)(?:\?(.*))?$/.exec(location.hash) ?? [];
  return { route: (m[1] ?? '').replace(/\.md$/, ''), id: new URLSearchParams(m[2] ?? '').get('id') };
}

export const target: Feature = {
  name: 'target',
  mounted() {
    window.addEventListener('hashchange', () => {
      const section = document.querySelector<HTMLElement>('.markdown-section');
      const { route, id } = currentTarget();
      if (section && route === section.dataset['route']) markTarget(section, id);
    });
  },
  doneEach(ctx: RenderContext) {
    markTarget(ctx.section, ctx.id);
  },
};
