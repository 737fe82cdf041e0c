/**
 * Reading modes: 全注 (everything), 简注 (years and 校 shown, terms not underlined until hovered or focused), 白文 (the
 * bare text: nothing added to it at all). In 全注 each kind can be turned off. Remembered in localStorage; the
 * decorating features ask `shows()` before they add anything, and print follows (printed notes are built from what
 * is on the page).
 */
import type { Words } from '../../core/words.ts';
import { recall, remember } from '../shell/settings-store.ts';
export type Mode = 'full' | 'light' | 'plain';
export type Filter = 'person' | 'place' | 'office' | 'object' | 'year' | 'note';

// Labels by their words' keys: this module is in the first script, which has no words (modes.ts reads them). The
// kinds' filters are named as the glossary names its kinds.
export const MODES: { mode: Mode; label: keyof Words }[] = [
  { mode: 'full', label: 'modeFull' },
  { mode: 'light', label: 'modeLight' },
  { mode: 'plain', label: 'modePlain' },
];

export const FILTERS: { filter: Filter; label: keyof Words }[] = [
  { filter: 'person', label: 'person' },
  { filter: 'place', label: 'place' },
  { filter: 'office', label: 'office' },
  { filter: 'object', label: 'object' },
  { filter: 'year', label: 'filterYear' },
  { filter: 'note', label: 'filterNote' },
];

/** Which filter turns a glossary kind off: states go with places, institutions with offices, eras with years. */
const KIND_FILTER: Record<string, Filter> = {
  person: 'person',
  state: 'place',
  place: 'place',
  office: 'office',
  institution: 'office',
  object: 'object',
  term: 'object',
  era: 'year',
};

const MODE_KEY = 'mode';
const HIDDEN_KEY = 'hidden';


function storedMode(): Mode {
  const v = recall(MODE_KEY);
  return MODES.some((m) => m.mode === v) ? (v as Mode) : 'full';
}

function storedHidden(): Set<Filter> {
  const names = (recall(HIDDEN_KEY) ?? '').split(',');
  return new Set(FILTERS.map((f) => f.filter).filter((f) => names.includes(f)));
}

let current: Mode = storedMode();
let hidden: Set<Filter> = storedHidden();

export function mode(): Mode {
  return current;
}

export function isHidden(f: Filter): boolean {
  return hidden.has(f);
}

/** Whether decorations of this kind are added to the text now. */
export function shows(f: Filter): boolean {
  if (current === 'plain') return false;
  return current === 'light' || !hidden.has(f);
}

export function showsKind(kind: string): boolean {
  return shows(KIND_FILTER[kind] ?? 'object');
}

/** Whether printed notes include the glossary's (only in 全注: 简注 prints years and 校 only). */
export function printsTerms(): boolean {
  return current === 'full';
}

/** The page's attribute for CSS (简注's quiet terms). */
export function applyMode(): void {
  document.documentElement.dataset['mode'] = current;
}

export function setMode(m: Mode): void {
  current = m;
  remember(MODE_KEY, m);
  applyMode();
}

export function setShown(f: Filter, shown: boolean): void {
  hidden = new Set(hidden);
  if (shown) hidden.delete(f);
  else hidden.add(f);
  remember(HIDDEN_KEY, [...hidden].join(','));
}
