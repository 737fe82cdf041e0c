/**
 * The sidebar's reader settings (script, reading mode, filters, type size, appearance) are all one widget: a
 * labelled group of toggle buttons (APG "Button" pattern with aria-pressed, inside role=group). The shell owns its
 * classes and CSS (setting-group.css) so every setting looks and behaves alike.
 */
import { el } from './dom-text.ts';

export function settingGroup(className: string, label: string): HTMLElement {
  const g = el('div', `reader-setting ${className}`);
  g.setAttribute('role', 'group');
  g.setAttribute('aria-label', label);
  return g;
}

export function settingOption(label: string, onChoose: () => void): HTMLButtonElement {
  const b = el('button', 'reader-setting-option', label);
  b.type = 'button';
  b.addEventListener('click', onChoose);
  return b;
}

/** Groups go above the table of contents, in the order given. */
export function placeSettings(sidebar: Element, ...groups: HTMLElement[]): void {
  const nav = sidebar.querySelector('.sidebar-nav');
  for (const g of groups) sidebar.insertBefore(g, nav);
}
