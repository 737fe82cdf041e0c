/**
 * The sidebar marks the chapter on screen. Docsify marks `li.active` by the whole address including `?id=`, so after
 * any link to a place in a chapter (a year, a search hit, a note's 又见) no chapter was marked; its own
 * `aria-current="page"` item is found by the path alone, so the mark follows that.
 * (Docsify 5.0.0, src/core/event/index.js `#markSidebarActiveElm` and `stripUrlExceptId`.)
 */
import type { Feature } from './feature.ts';

export const sidebar: Feature = {
  name: 'sidebar',
  onFailedPage: true,
  doneEach() {
    const nav = document.querySelector('.sidebar-nav');
    const current = nav?.querySelector('li[aria-current="page"]');
    if (!nav || !current) return;
    for (const li of nav.querySelectorAll('li.active')) if (li !== current) li.classList.remove('active');
    current.classList.add('active');
  },
};
