/**
 * Settles the address before Docsify reads it (core/address.ts says why), on load and on every route change — the
 * first of the route listeners (shell/router.ts), registered before Docsify's own, so Docsify only ever sees the settled address. What was changed is
 * left for the notice feature to say (`data-address-notice` on the root element, text only).
 */
import { settleAddress } from '../../core/address.ts';
import { onRouteChange } from './router.ts';

export const NOTICE_ATTR = 'addressNotice';

export function guardAddress(): void {
  const settle = (): void => {
    const s = settleAddress(location.hash);
    if (!s) return;
    history.replaceState(history.state, '', s.hash);
    if (s.notice) document.documentElement.dataset[NOTICE_ATTR] = s.notice;
  };
  settle();
  onRouteChange(settle);
}
