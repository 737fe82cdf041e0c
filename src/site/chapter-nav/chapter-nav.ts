/** Previous/next chapter links at the foot of each chapter, in sidebar order. */
import { ChaptersSchema, readDerived } from '../../core/derived.ts';
import chaptersJson from '../../generated/chapters.json';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { chapterTitle } from '../script/data.ts';

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
    const nav = document.createElement('nav');
    nav.className = 'chapter-nav';
    nav.setAttribute('aria-label', '上下章');
    const prev = chapters[i - 1];
    const next = chapters[i + 1];
    if (prev) nav.append(link(prev.route, '上一章', chapterTitle(prev.route, prev.title), 'prev'));
    if (next) nav.append(link(next.route, '下一章', chapterTitle(next.route, next.title), 'next'));
    ctx.section.append(nav);
  },
};
