/**
 * Which script the reader reads, 简 (`s`) or 繁 (`t`), settled in the first script before Docsify starts: a link
 * sets it (`?script=t` before the `#`, or inside the route's query, `#/chapters/02-yuanyou?id=y1088&script=t`), else
 * the reader's last choice (localStorage), else simplified. The traditional text is a second copy of every page
 * the build writes under `t/` (scripts/lib/traditional-site.ts), read through Docsify's `basePath`; routes, anchors
 * and offsets are the same in both.
 *
 * While the traditional text is on, the address carries `?script=t` (before the `#`, where Docsify never looks), so
 * the address bar and every copied entry link share the traditional text.
 */
import { recall, remember } from '../shell/settings-store.ts';
import type { Script } from '../../core/script.ts';

const SCRIPT_KEY = 'script';
const PARAM = 'script';

let current: Script = 's';

function parse(v: string | null | undefined): Script | null {
  return v === 's' || v === 't' ? v : null;
}

function fromHash(hash: string): string | null {
  const q = hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(PARAM);
}

function stored(): Script | null {
  return parse(recall(SCRIPT_KEY));
}

export function rememberScript(s: Script): void {
  remember(SCRIPT_KEY, s);
}

/** The address of `href` with the script parameter for `s` (only the traditional one is written). */
export function withScript(href: string, s: Script): string {
  const url = new URL(href);
  if (s === 't') url.searchParams.set(PARAM, 't');
  else url.searchParams.delete(PARAM);
  const q = url.hash.indexOf('?');
  if (q >= 0) {
    // The route's query keeps only what Docsify reads (id): the script lives before the `#`.
    const params = new URLSearchParams(url.hash.slice(q + 1));
    params.delete(PARAM);
    const rest = params.toString();
    url.hash = url.hash.slice(0, q) + (rest ? `?${rest}` : '');
  }
  return url.href;
}

function linkedScript(): Script | null {
  return parse(new URLSearchParams(location.search).get(PARAM)) ?? parse(fromHash(location.hash));
}

/** The script this visit will read, without settling it (prerender/early.ts asks before the first module runs). */
export function chosenScript(): Script {
  return linkedScript() ?? stored() ?? 's';
}

/** Settles the script for this visit; a link's choice is remembered like a click on the control. */
export function initScript(): Script {
  const linked = linkedScript();
  current = chosenScript();
  if (linked) rememberScript(linked);
  const canonical = withScript(location.href, current);
  if (canonical !== location.href) history.replaceState(history.state, '', canonical);
  document.documentElement.lang = current === 't' ? 'zh-Hant' : 'zh-Hans';
  document.documentElement.dataset['script'] = current;
  return current;
}

export function script(): Script {
  return current;
}

/** Where this script's pages and data are, relative to the site: Docsify's basePath and the features' fetches. */
export function scriptBase(s: Script = current): string {
  return s === 't' ? 't/' : '';
}
