/**
 * Year links before Docsify starts: `#/year/1088`, `#/year/元祐三年` become their entry's canonical chapter link
 * (so the right chapter is preloaded and rendered once), and anything else under `/year` becomes a safe address
 * that the years feature answers with a message. Part of the first script, so it carries only the year index and
 * the compact era table.
 */
import { yearIndex, eraTable } from './year-data.ts';
import { entryHash, resolveYearLink, yearPathOf } from '../../core/year-link.ts';

/** Characters that Docsify cannot take in a route (it puts the decoded path into CSS selectors). */
const UNSAFE = /["\\\p{Cc}]/u;
const UNSAFE_ALL = /["\\\p{Cc}]/gu;

/**
 * The address a year link should be replaced with: the canonical entry link when the year has an entry; a safe
 * spelling of the link (no query, well-formed percent-encoding, nothing Docsify chokes on) when it has not; null
 * when the address is not a year link or needs no change.
 */
export function yearRedirect(href: string): string | null {
  const hash = href.indexOf('#');
  if (hash < 0) return null;
  const raw = yearPathOf(href.slice(hash));
  if (raw === null) return null;
  const base = href.slice(0, hash);
  const link = resolveYearLink(raw, yearIndex, eraTable);
  if (link.kind === 'entry') return base + entryHash(link.target);
  const asIs = href.slice(hash);
  let text: string | null = null;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding (%E5%): Docsify would throw on it; the text is kept as written.
  }
  if (text !== null && asIs === `#/year/${raw}` && !UNSAFE.test(text)) return null;
  return `${base}#/year/${encodeURIComponent((text ?? raw).replace(UNSAFE_ALL, ''))}`;
}

/**
 * The fast path: called from main.ts before Docsify starts. Settles the address now and on every later hashchange,
 * ahead of Docsify's own listener (registered later), so Docsify only ever sees the settled address.
 */
export function redirectYearLink(): void {
  const settle = (): void => {
    const to = yearRedirect(location.href);
    if (to) history.replaceState(history.state, '', to);
  };
  settle();
  window.addEventListener('hashchange', settle);
}

/** Docsify `routes`: any `/year/…` is a page of ours; the placeholder holds nothing from the address. */
export const yearRoutes: Record<string, () => string> = {
  '/year(/.*)?': () => '# 年份\n',
};
