/** Previous/next chapter links at the foot of each chapter, in sidebar order. */
import { ChaptersSchema, readDerived } from '../../core/derived.ts';
import chaptersJson from '../../generated/chapters.json';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { chapterTitle } from '../script/data.ts';
import { words } from '../script/words.ts';

const chapters = readDerived(ChaptersSchema, chaptersJson, 'src/generated/chapters.json');

function link(route: string, label: string, title: string, rel: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `#/${route}`;
  a.rel = rel;
  const small = document.createElement('small');
  small.textContent = label;
  const strong = document.createElement('span');
  strong.textContent = title;
  a.append(small, strong);
  return a;
}

export const chapterNav: Feature = {
  name: 'chapter-nav',
  doneEach(ctx: RenderContext) {
    const i = chapters.findIndex((c) => c.route === ctx.route);
    if (i < 0) return;
    // Idempotent: a change of reading mode runs the features again on the same render.
    ctx.section.querySelector(':scope > .chapter-nav')?.remove();
    ctx.section.querySelector(':scope > .skip-link')?.remove();
    const nav = document.createElement('nav');
    nav.className = 'chapter-nav';
    nav.id = NAV_ID;
    const w = words();
    nav.setAttribute('aria-label', w.chapterNavLabel);
    const prev = chapters[i - 1];
    const next = chapters[i + 1];
    if (prev) nav.append(link(prev.route, w.chapterPrev, chapterTitle(prev.route, prev.title), 'prev'));
    if (next) nav.append(link(next.route, w.chapterNext, chapterTitle(next.route, next.title), 'next'));
    ctx.section.append(nav);
    ctx.section.prepend(skipLink(ctx.route, nav));
  },
};

const NAV_ID = 'chapter-nav';

/**
 * The first stop of the chapter for the keyboard (WCAG 2.4.1 bypass blocks): past the text to its chapter links.
 * Shown when focused. Its address names the place, but Docsify would only scroll there: the click moves focus.
 */
function skipLink(route: string, nav: HTMLElement): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'skip-link';
  a.href = `#/${route}?id=${NAV_ID}`;
  a.textContent = words().skipToChapterNav;
  a.addEventListener('click', (e) => {
    const to = nav.querySelector<HTMLElement>('a[href]');
    if (!to) return;
    e.preventDefault();
    to.focus();
  });
  return a;
}
