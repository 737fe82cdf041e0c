/**
 * The 简/繁 control: a group of two toggle buttons (WAI-ARIA APG "button", aria-pressed) at the head of the
 * sidebar. Choosing the other script remembers it and loads the page again in that script at the same place (the
 * dated entry nearest the top of the screen).
 *
 * Why a reload: Docsify reads `basePath` on every request, but it has no public way to fetch the current route, the
 * sidebar and the search index again for another copy of the site (the language-switch requests docsify#1220 and
 * docsify#1656 were closed without one), and its search plugin builds its index once, at start.
 */
import type { Script } from '../../core/script.ts';
import { placeSettings, settingGroup, settingOption } from '../shell/setting-group.ts';
import type { Feature } from '../shell/feature.ts';
import { TARGET_CLASS } from '../shell/target.ts';
import { words } from './words.ts';
import { rememberScript, script, withScript } from './script.ts';

// Each script names itself in itself (a reader who cannot read the other finds their own), so these stay as written.
const CHOICES: { script: Script; label: string; lang: string }[] = [
  { script: 's', label: '简体', lang: 'zh-Hans' },
  { script: 't', label: '繁體', lang: 'zh-Hant' },
];

/** The entry being read, to come back to after the switch: the target on screen, else the last to start above the middle. */
function place(): string | null {
  // The entry a link brought the reader to, while it is on screen.
  const target = document.querySelector<HTMLElement>(`.markdown-section .y-entry.${TARGET_CLASS}[id]`);
  const r = target?.getBoundingClientRect();
  if (target && r && r.bottom > 0 && r.top < window.innerHeight) return target.id;
  let id: string | null = null;
  for (const e of document.querySelectorAll<HTMLElement>('.markdown-section .y-entry[id]')) {
    if (e.getBoundingClientRect().top > window.innerHeight / 2) break;
    id = e.id;
  }
  return id;
}

/** The address of this page, at this place, in script `s`. */
export function switchedUrl(s: Script, at: string | null = place()): string {
  const url = new URL(location.href);
  if (at) {
    const [route, query] = url.hash.split('?');
    const params = new URLSearchParams(query ?? '');
    params.set('id', at);
    url.hash = `${route || '#/'}?${params.toString()}`;
  }
  return withScript(url.href, s);
}

export function switchScript(s: Script): void {
  if (s === script()) return;
  rememberScript(s);
  location.replace(switchedUrl(s));
}

function mount(): void {
  const sidebar = document.querySelector('.sidebar');
  if (!sidebar || sidebar.querySelector('.script-switch')) return;
  const group = settingGroup('script-switch', words().scriptGroup);
  for (const c of CHOICES) {
    const b = settingOption(c.label, () => switchScript(c.script));
    b.lang = c.lang;
    b.dataset['script'] = c.script;
    b.setAttribute('aria-pressed', String(c.script === script()));
    group.append(b);
  }
  placeSettings(sidebar, group);
}

export const scriptControl: Feature = {
  name: 'script',
  mounted: mount,
};
