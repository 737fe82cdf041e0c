/**
 * Year links before Docsify starts: `#/year/1088`, `#/year/元祐三年` become their entry's canonical chapter link
 * (so the right chapter is preloaded and rendered once), and anything else under `/year` becomes a safe address
 * that the years feature answers with a message. Part of the first script, so it carries only the year index and
 * the compact era table.
 */
import { yearIndex, eraTable } from './year-data.ts';
import { entryHash, resolveYearLink, yearPathOf } from '../../core/year-link.ts';
import { onRouteChange } from '../shell/router.ts';
import { pendingNotice } from '../shell/address.ts';
import { firstWords } from '../script/first-words.ts';
import type { YearLink } from '../../core/year-link.ts';

/** The readings of the link's era year when more than one state's era could be meant, the one opened first. */
function readingsOf(link: YearLink): typeof pendingNotice.readings {
  if ((link.kind !== 'entry' && link.kind !== 'gap') || !link.named?.others.length) return null;
  const { era, n, others } = link.named;
  return [{ era, n, year: link.year }, ...others].map((r) => ({ state: r.era.state, first: r.era.first, n: r.n, year: r.year, href: `#/year/${r.year}` }));
}

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
    const raw = yearPathOf(location.hash);
    // 大安四年 opens 夏 1078, and the page says that 辽 1088 is another reading (shell/notice.ts).
    if (raw !== null) pendingNotice.readings = readingsOf(resolveYearLink(raw, yearIndex, eraTable));
    const to = yearRedirect(location.href);
    if (to) history.replaceState(history.state, '', to);
  };
  settle();
  onRouteChange(settle);
}

/** Docsify `routes`: any `/year/…` is a page of ours; the placeholder holds nothing from the address. */
export const yearRoutes: Record<string, () => string> = {
  '/year(/.*)?': () => `# ${firstWords().yearTitle}\n`,
};
