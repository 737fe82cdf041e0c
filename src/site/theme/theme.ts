/**
 * Type size (three steps) and light / dark / system appearance, settled in the first script so that the first text
 * already has them. Dark is one attribute, `html[data-theme='dark']`, which every style sheet's dark rules select;
 * Docsify's dark add-on (index.html loads it with the system's media query, for the moment before this runs) is
 * switched with its link's `media`. "System" follows the system setting as it changes.
 */
import type { Words } from '../../core/words.ts';
import { recall, remember } from '../shell/settings-store.ts';
export type Theme = 'system' | 'light' | 'dark';
export type Size = 's' | 'm' | 'l';

// Labels by their words' keys: this module is in the first script, which has no words (the control reads them).
export const THEMES: { theme: Theme; label: keyof Words }[] = [
  { theme: 'light', label: 'themeLight' },
  { theme: 'dark', label: 'themeDark' },
  { theme: 'system', label: 'themeSystem' },
];

export const SIZES: { size: Size; label: keyof Words; name: keyof Words }[] = [
  { size: 's', label: 'sizeS', name: 'sizeSName' },
  { size: 'm', label: 'sizeM', name: 'sizeMName' },
  { size: 'l', label: 'sizeL', name: 'sizeLName' },
];

const THEME_KEY = 'theme';
const SIZE_KEY = 'size';
const DARK = '(prefers-color-scheme: dark)';


let theme: Theme = 'system';
let size: Size = 'm';

function apply(): void {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia(DARK).matches);
  const root = document.documentElement;
  root.dataset['theme'] = dark ? 'dark' : 'light';
  root.dataset['size'] = size;
  const link = document.querySelector<HTMLLinkElement>('link[href$="core-dark.min.css"]');
  if (link) link.media = dark ? 'all' : 'not all';
}

export function initTheme(): void {
  const t = recall(THEME_KEY);
  const s = recall(SIZE_KEY);
  theme = THEMES.some((x) => x.theme === t) ? (t as Theme) : 'system';
  size = SIZES.some((x) => x.size === s) ? (s as Size) : 'm';
  apply();
  matchMedia(DARK).addEventListener('change', () => theme === 'system' && apply());
}

export function currentTheme(): Theme {
  return theme;
}

export function currentSize(): Size {
  return size;
}

export function setTheme(t: Theme): void {
  theme = t;
  remember(THEME_KEY, t);
  apply();
}

export function setSize(s: Size): void {
  size = s;
  remember(SIZE_KEY, s);
  apply();
}
