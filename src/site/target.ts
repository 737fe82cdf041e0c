/**
 * `?id=` for any element the features add (year entries `y1088`, terms `t3-45`, notes `n-fu-1`): Docsify scrolls
 * only to headings, so after every feature has decorated the page, the plugin scrolls to the target and marks it.
 */
import type { Feature, RenderContext } from './feature.ts';

export const TARGET_CLASS = 'is-target';

export const target: Feature = {
  name: 'target',
  doneEach(ctx: RenderContext) {
    for (const el of ctx.section.querySelectorAll(`.${TARGET_CLASS}`)) el.classList.remove(TARGET_CLASS);
    if (!ctx.id || !/^[\w-]+$/.test(ctx.id)) return;
    const el = document.getElementById(ctx.id);
    if (!el || !ctx.section.contains(el) || /^H[1-6]$/.test(el.tagName)) return;
    el.classList.add(TARGET_CLASS);
    // After Docsify's own scroll-to-top has run.
    requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
  },
};
