/**
 * Settles the address before Docsify reads it (core/address.ts says why), on load and on every route change — the
 * first of the route listeners (shell/router.ts), registered before Docsify's own, so Docsify only ever sees the settled address. What was changed is
 * left for the notice feature to say (`pendingNotice`, text and data only).
 */
import { settleAddress } from '../../core/address.ts';
import type { State } from '../../core/eras.ts';
import { firstWords } from '../script/first-words.ts';
import { onRouteChange } from './router.ts';

/** One reading of an ambiguous era year, by the keys the features' era table finds it by (in the reader's script). */
export interface ReadingRef {
  state: State;
  first: number;
  n: number;
  year: number;
  href: string;
}

/**
 * What the notice feature (shell/notice.ts) is to say after the next render, left by the first script: what the
 * address guard changed, and the readings of an era year that more than one state's era could mean (the first is
 * the one opened). Shared with the features chunk (one module), never read from the address as HTML.
 */
export const pendingNotice = {
  text: null as string | null,
  readings: null as ReadingRef[] | null,
};

export function guardAddress(): void {
  const settle = (): void => {
    const s = settleAddress(location.hash, firstWords());
    if (!s) return;
    history.replaceState(history.state, '', s.hash);
    if (s.notice) pendingNotice.text = s.notice;
  };
  settle();
  onRouteChange(settle);
}
