/**
 * What the address may carry into Docsify. Docsify 5 puts the decoded route path into a CSS selector
 * (`.sidebar a[href='…']`) and the `?id=` into `querySelector('#…')`, so a `'` in a path or an id that is not a CSS
 * identifier (`1abc`, `a<b`) throws before any plugin runs and leaves a half-built page (no notes, no years, the
 * features never loaded). Invisible characters (controls, a right-to-left override) would silently change what a
 * year link reads. The address is settled before Docsify sees it, and the reader is told what was changed.
 * Pure: string in, string out; the shell applies it (shell/address.ts).
 */
import { FIRST_WORDS, type FirstWords } from './first-words.ts';
import { fill } from './words.ts';

/**
 * Characters Docsify cannot take in a path (it quotes the path in a selector: quotes and backslash) and those that
 * change what a reader sees without being seen (controls, format marks such as a right-to-left override).
 */
const UNSAFE = /['"\\\p{Cc}\p{Cf}]/gu;
/**
 * An id Docsify can look up (it puts `?id=` into a selector unescaped): a CSS identifier not starting with a digit.
 * Every id the reader makes starts with a letter (y1088, p3, t3-45, n-fu-1, g-5218-6cd5); Docsify's own heading
 * slugs are the heading's characters (徽宗建中靖国至宣和（1101—1125）), valid as CSS identifiers too.
 */
const ID = /^(?:[A-Za-z_]|[^\p{ASCII}\p{C}\p{Z}])(?:[\w-]|[^\p{ASCII}\p{C}\p{Z}])*$/u;
const MAX_SHOWN = 24;

/** A character as a reader can see it in a message: invisible ones by code point. */
function visible(c: string): string {
  return /[\p{Cc}\p{Cf}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c;
}

export function shown(s: string, max = MAX_SHOWN): string {
  const chars = [...s].map(visible).join('');
  return chars.length > max ? `${chars.slice(0, max)}…` : chars;
}

export interface SettledAddress {
  hash: string;
  /** What was changed, in the words given (the reader's script), for the page to say; null when nothing needs saying. */
  notice: string | null;
}

/** The hash Docsify should see, or null when `hash` is safe as it is; `w`, the first script's words in the reader's script. */
export function settleAddress(hash: string, w: FirstWords = FIRST_WORDS): SettledAddress | null {
  const m = /^#(\/?[^?]*)(?:\?(.*))?$/s.exec(hash);
  if (!m) return null;
  const rawPath = m[1]!;
  const query = m[2];
  const notices: string[] = [];
  let path = rawPath;
  let decoded: string | null;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = null;
  }
  if (decoded === null) {
    // Malformed percent-encoding: year links answer it themselves (years/year-redirect.ts); elsewhere it is
    // a page that does not exist.
    if (!/^\/?year(\/|$)/.test(rawPath)) {
      path = rawPath.replace(/%/g, '');
      notices.push(w.badEncoding);
    }
  } else {
    const bad = decoded.match(UNSAFE);
    if (bad) {
      const clean = decoded.replace(UNSAFE, '');
      path = encodeURI(clean);
      const chars = [...new Set(bad)].map((c) => `「${visible(c)}」`).join('');
      notices.push(fill(w.unsafeCharacters, { chars, route: shown(clean.replace(/^\/?year\//, '')) }));
    }
  }
  let q = query;
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    const id = params.get('id');
    if (id !== null && !ID.test(id)) {
      params.delete('id');
      q = params.toString();
      notices.push(fill(w.badId, { id: shown(id) }));
    }
  }
  if (notices.length === 0) return null;
  return { hash: `#${path}${q ? `?${q}` : ''}`, notice: notices.join('') };
}
