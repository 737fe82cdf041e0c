/**
 * The citation settings (localStorage through shell/settings-store.ts): which form the 「引」 controls copy
 * (GB/T 7714 by default, or Chicago) and whether paragraph numbers stand in the margin. Kept apart from cite.ts so
 * that the first script (src/site/prerender/) can ask `showsNumbers()` without the feature's code.
 */
import { recall, remember } from '../shell/settings-store.ts';
import { CITE_FORMS, type CiteForm } from '../../core/cite.ts';

const FORM_KEY = 'cite-form';
const NUMBERS_KEY = 'paragraph-numbers';

export function citeForm(): CiteForm {
  const v = recall(FORM_KEY);
  return CITE_FORMS.find((f) => f === v) ?? 'gbt';
}

export function setCiteForm(f: CiteForm): void {
  remember(FORM_KEY, f);
}

/** Whether the margin shows ¶ numbers (off unless the reader turned them on). */
export function showsNumbers(): boolean {
  return recall(NUMBERS_KEY) === 'on';
}

export function setShowsNumbers(on: boolean): void {
  remember(NUMBERS_KEY, on ? 'on' : 'off');
}

/**
 * The prerendered copy's cite decorations that the live page will not have (src/site/prerender/ calls this): all of
 * them in 白文, the entries' without year entries, the ¶ numbers unless shown. Classes are this feature's own
 * (core/prerender.ts writes them).
 */
export function followCite(article: Element, plain: boolean, entries: boolean): void {
  const drop = plain ? '.cite-btn, .cite-pn' : [entries ? '' : '.cite-entry', showsNumbers() ? '' : '.cite-pn'].filter(Boolean).join(', ');
  if (drop) for (const e of article.querySelectorAll(`p > :is(${drop})`)) e.remove();
}
