/**
 * The reading-mode control in the sidebar, under the script switch: 全注 / 简注 / 白文 as a group of toggle buttons
 * (WAI-ARIA APG "button", aria-pressed), the per-kind filters of 全注 as a second group, and the `m` key, which
 * steps through the modes. A change redecorates the text on screen (main.ts clears the paragraphs back to their
 * text and runs the features again), so 白文 leaves nothing in the DOM and print follows what is shown.
 */
import { isTyping } from '../shell/dom-text.ts';
import { placeSettings, settingGroup, settingOption } from '../shell/setting-group.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { liveRegion, type LiveRegion } from '../shell/live.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';
import { applyMode, FILTERS, isHidden, mode, MODES, setMode, setShown, type Mode } from './settings.ts';

let redecorate: () => void = () => {};
/** Says which mode is on. */
let live: LiveRegion | null = null;

function sync(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.mode-switch button')) {
    b.setAttribute('aria-pressed', String(b.dataset['mode'] === mode()));
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('.mode-filters button')) {
    b.setAttribute('aria-pressed', String(!isHidden(b.dataset['filter'] as never)));
  }
  const filters = document.querySelector<HTMLElement>('.mode-filters');
  if (filters) filters.hidden = mode() !== 'full';
}

export function chooseMode(m: Mode): void {
  if (m === mode()) return;
  setMode(m);
  sync();
  redecorate();
  live?.say(fill(words().modeSaid, { mode: words()[MODES.find((x) => x.mode === m)!.label] }));
}

function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  if (e.key !== 'm' && e.key !== 'M') return;
  e.preventDefault();
  const i = MODES.findIndex((x) => x.mode === mode());
  chooseMode(MODES[(i + 1) % MODES.length]!.mode);
}

function mount(): void {
  applyMode();
  const sidebar = document.querySelector('.sidebar');
  if (!sidebar || sidebar.querySelector('.mode-switch')) return;
  const w = words();
  const group = settingGroup('mode-switch', w.modeGroup);
  group.title = w.modeGroupTitle;
  for (const m of MODES) {
    const b = settingOption(w[m.label], () => chooseMode(m.mode));
    b.dataset['mode'] = m.mode;
    b.setAttribute('aria-keyshortcuts', 'M');
    group.append(b);
  }
  const filters = settingGroup('mode-filters', w.filterGroup);
  for (const f of FILTERS) {
    const b = settingOption(w[f.label], () => {
      setShown(f.filter, isHidden(f.filter));
      sync();
      redecorate();
    });
    b.dataset['filter'] = f.filter;
    filters.append(b);
  }
  live = liveRegion('mode-live');
  placeSettings(sidebar, group, filters);
  sidebar.append(live.element);
  sync();
  document.addEventListener('keydown', onKey);
}

/** Called by the features chunk with main.ts's redecoration of the render on screen. */
export function onModeChange(fn: () => void): void {
  redecorate = fn;
}

export const modes: Feature = {
  name: 'modes',
  mounted: mount,
  doneEach(ctx: RenderContext) {
    // 白文 is the bare text: even the markdown's own term pins (<span data-term>) go; the text stays the text.
    if (mode() !== 'plain') return;
    for (const p of ctx.paragraphs) if (p.childElementCount) p.replaceChildren(p.textContent ?? '');
  },
};
