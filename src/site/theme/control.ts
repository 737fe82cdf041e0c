/** The type-size and appearance controls in the sidebar: two groups of toggle buttons (APG "button", aria-pressed). */
import { el } from '../shell/dom-text.ts';
import type { Feature } from '../shell/feature.ts';
import { currentSize, currentTheme, setSize, setTheme, SIZES, THEMES } from './theme.ts';

function group(className: string, name: string): HTMLElement {
  const g = el('div', `reader-setting ${className}`);
  g.setAttribute('role', 'group');
  g.setAttribute('aria-label', name);
  return g;
}

function sync(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.size-switch button')) b.setAttribute('aria-pressed', String(b.dataset['size'] === currentSize()));
  for (const b of document.querySelectorAll<HTMLButtonElement>('.theme-switch button')) b.setAttribute('aria-pressed', String(b.dataset['theme'] === currentTheme()));
}

function mount(): void {
  const sidebar = document.querySelector('.sidebar');
  if (!sidebar || sidebar.querySelector('.size-switch')) return;
  const sizes = group('size-switch', '字号');
  for (const s of SIZES) {
    const b = el('button', 'reader-setting-option', s.label);
    b.type = 'button';
    b.dataset['size'] = s.size;
    // The visible 小/中/大 begins the accessible name (WCAG 2.5.3).
    b.setAttribute('aria-label', s.name);
    b.addEventListener('click', () => {
      setSize(s.size);
      sync();
    });
    sizes.append(b);
  }
  const themes = group('theme-switch', '外观');
  for (const t of THEMES) {
    const b = el('button', 'reader-setting-option', t.label);
    b.type = 'button';
    b.dataset['theme'] = t.theme;
    b.addEventListener('click', () => {
      setTheme(t.theme);
      sync();
    });
    themes.append(b);
  }
  const nav = sidebar.querySelector('.sidebar-nav');
  sidebar.insertBefore(sizes, nav);
  sidebar.insertBefore(themes, nav);
  sync();
}

export const themeControl: Feature = { name: 'theme', mounted: mount };
