/**
 * Says on the page what the address guard changed (shell/address.ts): once, at the top of the page it led to —
 * after the render it causes, or at once when the address stays on the page on screen (only the query changed:
 * Docsify does not render again).
 * A `div`, not a `p`: the chronicle's paragraphs are the section's `<p>` children (ARCHITECTURE.md).
 */
import { el } from './dom-text.ts';
import type { Feature } from './feature.ts';
import { NOTICE_ATTR } from './address.ts';
import { onRouteChange } from './router.ts';
import { currentTarget } from './target.ts';

function show(section: HTMLElement): void {
  const text = document.documentElement.dataset[NOTICE_ATTR];
  if (!text) return;
  delete document.documentElement.dataset[NOTICE_ATTR];
  section.querySelector(':scope > .address-notice')?.remove();
  const box = el('div', 'address-notice', text);
  box.setAttribute('role', 'status');
  box.setAttribute('data-decoration', '');
  const h1 = section.querySelector(':scope > h1');
  if (h1) h1.after(box);
  else section.prepend(box);
}

export const notice: Feature = {
  name: 'notice',
  onFailedPage: true,
  mounted() {
    onRouteChange(() => {
      const section = document.querySelector<HTMLElement>('.markdown-section');
      if (section && section.dataset['route'] === currentTarget().route) show(section);
    });
  },
  doneEach(ctx) {
    show(ctx.section);
  },
};
