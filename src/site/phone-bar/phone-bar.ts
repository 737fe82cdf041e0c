/**
 * On a phone (Docsify's mobile width, 640 px and less) the table of contents hides behind a faint tab on the left
 * edge and the year navigator's list behind the bar at the top. This bar at the bottom of the screen, in reach of
 * the thumb, has two labelled buttons (44 px high, WCAG 2.5.5): 目录 opens or closes the sidebar and 年份 the year
 * list. Each is a disclosure button (WAI-ARIA APG Disclosure: aria-expanded follows what it opens).
 *
 * The sidebar is opened the way Docsify's own `\` key does it, by a click on its toggle: Docsify 5.0.0 has no
 * public call for it (docsify#1905, "API to get/set the state of the sidebar", was closed without one; the toggle is
 * src/core/event/index.js `#toggleSidebar`). Docsify makes the rest of the page inert while the sidebar is open on a
 * phone, all but its `<main>`: so the bar lives in `<main>`, and 目录 can close what it opened. The year list is the navigator's own (year-nav.ts `setOpen`, `addOpener`).
 */
import { el } from '../shell/dom-text.ts';
import type { Feature } from '../shell/feature.ts';
import { words } from '../script/words.ts';
import { addOpener, isOpen, setOpen } from '../years/year-nav.ts';

function sidebarShown(): boolean {
  return document.querySelector('.sidebar')?.classList.contains('show') ?? false;
}

function toggleSidebar(): void {
  document.querySelector<HTMLElement>('.sidebar-toggle-button')?.click();
}

function button(cls: string, label: string, more = ''): HTMLButtonElement {
  const b = el('button', `phone-bar-button ${cls}`);
  b.type = 'button';
  b.append(el('span', `phone-bar-icon ${cls}-icon`), el('span', 'phone-bar-label', label));
  // The name begins with the visible word (WCAG 2.5.3) and says, for the ear, what it opens (年份 alone is also a
  // filter of 全注).
  if (more) b.setAttribute('aria-label', label + more);
  b.querySelector('.phone-bar-icon')!.setAttribute('aria-hidden', 'true');
  return b;
}

function mount(): void {
  const main = document.querySelector('main');
  const sidebar = document.querySelector('.sidebar');
  if (!main || !sidebar || main.querySelector(':scope > .phone-bar')) return;
  const w = words();
  const bar = el('nav', 'phone-bar');
  bar.setAttribute('aria-label', `${w.tocButton}、${w.yearsButton}`);
  // No aria-controls="__sidebar": Docsify writes its own English aria-label on every element that has it.
  const toc = button('phone-bar-toc', w.tocButton);
  const years = button('phone-bar-years', w.yearsButton, w.yearsButtonMore);
  bar.append(toc, years);
  main.append(bar);
  addOpener(years);

  const sync = (): void => toc.setAttribute('aria-expanded', String(sidebarShown()));
  sync();
  // Docsify shows and hides the sidebar by its class (toggle, a link followed, the window widened).
  new MutationObserver(sync).observe(sidebar, { attributes: true, attributeFilter: ['class'] });
  toc.addEventListener('click', () => {
    if (isOpen()) setOpen(false);
    toggleSidebar();
  });
  years.addEventListener('click', () => {
    // The year list is in the content, which Docsify makes inert while the sidebar is open on a phone.
    if (sidebarShown()) toggleSidebar();
    // Focus goes to the current year, as with the `y` key: a screen reader and a keyboard land in the list.
    setOpen(!isOpen(), true);
  });
}

export const phoneBar: Feature = {
  name: 'phone-bar',
  mounted: mount,
};
