/** The type-size and appearance controls in the sidebar: two groups of toggle buttons (APG "button", aria-pressed). */
import type { Feature } from '../shell/feature.ts';
import { placeSettings, settingGroup, settingOption } from '../shell/setting-group.ts';
import { words } from '../script/words.ts';
import { currentSize, currentTheme, setSize, setTheme, SIZES, THEMES } from './theme.ts';

function sync(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.size-switch button')) b.setAttribute('aria-pressed', String(b.dataset['size'] === currentSize()));
  for (const b of document.querySelectorAll<HTMLButtonElement>('.theme-switch button')) b.setAttribute('aria-pressed', String(b.dataset['theme'] === currentTheme()));
}

function mount(): void {
  const sidebar = document.querySelector('.sidebar');
  if (!sidebar || sidebar.querySelector('.size-switch')) return;
  const w = words();
  const sizes = settingGroup('size-switch', w.sizeGroup);
  for (const s of SIZES) {
    const b = settingOption(w[s.label], () => {
      setSize(s.size);
      sync();
    });
    b.dataset['size'] = s.size;
    // The visible 小/中/大 begins the accessible name (WCAG 2.5.3).
    b.setAttribute('aria-label', w[s.name]);
    sizes.append(b);
  }
  const themes = settingGroup('theme-switch', w.themeGroup);
  for (const t of THEMES) {
    const b = settingOption(w[t.label], () => {
      setTheme(t.theme);
      sync();
    });
    b.dataset['theme'] = t.theme;
    themes.append(b);
  }
  placeSettings(sidebar, sizes, themes);
  sync();
}

export const themeControl: Feature = { name: 'theme', mounted: mount };
