/**
 * Links to a reign year, `#/year/1088`, `#/year/元祐三年` (or its percent-encoded form), and what they resolve to.
 * Pure: no DOM and no bundled data, so Node tests call it with the real era table and year index.
 *
 * A year link never fetches anything and never becomes HTML: it resolves to a chapter and an entry anchor from the
 * bundled year index, or to a message that the page writes with textContent.
 */
import { STATE_SPANS, formatEraYear, type Era, type EraTable, type State } from './eras.ts';
import { readEraYear } from './year-tokens.ts';
import type { YearContext } from './years.ts';

/** src/generated/year-index.json (see scripts/gen/year-index.ts). */
export interface YearIndex {
  chapters: {
    chapter: string;
    start: YearContext;
    entries: { paragraph: number; offset: number; end: number; year: number; anchor: string }[];
  }[];
  years: { year: number; chapter: string; anchor: string; entries: { chapter: string; anchor: string }[] }[];
}

/** The years a year link may name and get an answer about: the Song dynasty's (960–1279). */
export const LINK_FIRST = STATE_SPANS['宋'].first;
export const LINK_LAST = STATE_SPANS['宋'].last;

export interface YearEntry {
  year: number;
  chapter: string;
  anchor: string;
}

/** How the address named the year, when it named it by an era: 元祐三年 → 元祐, 3. */
export interface EraYear {
  era: Era;
  n: number;
  /** The same words read as another state's era (大安四年: 夏 1078 is taken, 辽 1088 is another reading). */
  others: EraReading[];
}

/** One reading of an era year: the era and the Gregorian year its n-th year falls in. */
export interface EraReading {
  era: Era;
  n: number;
  year: number;
}

/**
 * Every reading of `name` year `n` among the eras that bore that name and reached that year, in the table's order
 * (宋, 夏, 辽, 金; the earliest era first): 大安四年 is 夏 1078 and 辽 1088 (金's 大安 had three years), 天庆元年 is
 * 夏 1194 and 辽 1111. A state named before the era (辽大安四年) keeps only its own. Pure.
 */
export function eraYearReadings(table: EraTable, name: string, n: number, state: State | null = null): EraReading[] {
  const out: EraReading[] = [];
  for (const era of table.byName(name)) {
    if (state !== null && era.state !== state) continue;
    const year = table.toGregorian(era, n);
    if (year !== null) out.push({ era, n, year });
  }
  return out;
}

export type YearLink =
  /** The year has entries: open the first. */
  | { kind: 'entry'; year: number; target: YearEntry; named: EraYear | null }
  /** A Song-period year the chronicle has no entry for: the nearest entries on either side. */
  | { kind: 'gap'; year: number; before: YearEntry | null; after: YearEntry | null; named: EraYear | null }
  /** A number, but no year of the Song period. */
  | { kind: 'outside'; year: number }
  /** An era that exists, with a year it never reached (元祐九十年: 元祐 has nine). */
  | { kind: 'no-such-era-year'; era: Era; n: number; last: number }
  /** Anything else: not a year, not an era, malformed percent-encoding, empty. */
  | { kind: 'unknown'; text: string | null };

const NUMBER = /^(\d{1,7})\s*年?$/;
const MAX_TEXT = 40;

/** `/year/<what>` of a hash route (`#/year/1088?x=y` → `1088`, still percent-encoded; `#/year` → ''), or null. */
export function yearPathOf(hashOrPath: string): string | null {
  const path = hashOrPath.replace(/^#/, '').split('?')[0] ?? '';
  const m = /^\/?year(?:\/(.*))?$/s.exec(path);
  return m ? (m[1] ?? '') : null;
}

/** Canonical hash of an entry: `#/chapters/02-yuanyou?id=y1088`. */
export function entryHash(e: { chapter: string; anchor: string }): string {
  return `#/${e.chapter}?id=${e.anchor}`;
}

function entryOf(index: YearIndex, year: number): YearEntry | null {
  const row = index.years.find((y) => y.year === year);
  return row ? { year: row.year, chapter: row.chapter, anchor: row.anchor } : null;
}

/** The entries nearest before and after a year (the year itself excluded). */
export function nearestEntries(index: YearIndex, year: number): { before: YearEntry | null; after: YearEntry | null } {
  let before: YearEntry | null = null;
  let after: YearEntry | null = null;
  for (const row of index.years) {
    if (row.year < year) before = { year: row.year, chapter: row.chapter, anchor: row.anchor };
    else if (row.year > year && !after) after = { year: row.year, chapter: row.chapter, anchor: row.anchor };
  }
  return { before, after };
}

function byYear(index: YearIndex, year: number, named: EraYear | null): YearLink {
  if (year < LINK_FIRST || year > LINK_LAST) return { kind: 'outside', year };
  const target = entryOf(index, year);
  if (target) return { kind: 'entry', year, target, named };
  return { kind: 'gap', year, ...nearestEntries(index, year), named };
}

/** What follows `/year/`, decoded and normalized; null when its percent-encoding is malformed. */
function linkText(raw: string): string | null {
  try {
    return decodeURIComponent(raw).normalize('NFKC').trim();
  } catch {
    return null;
  }
}

/**
 * A Gregorian year link (`1101`) resolved from the index alone, as `resolveYearLink` resolves it; null for any other
 * text, whose reading needs the era table (prerender/early.ts asks before the table has arrived).
 */
export function resolveGregorianLink(raw: string, index: YearIndex): YearLink | null {
  const num = NUMBER.exec(linkText(raw) ?? '');
  return num ? byYear(index, Number(num[1]), null) : null;
}

/**
 * Resolves what follows `/year/` in the address (percent-encoded or not). The era table is asked for only when the
 * text is not a number, so a numeric link needs nothing but the index.
 */
export function resolveYearLink(raw: string, index: YearIndex, eras: () => EraTable): YearLink {
  const text = linkText(raw);
  if (text === null || text === '') return { kind: 'unknown', text: null };
  const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  const num = NUMBER.exec(text);
  if (num) return byYear(index, Number(num[1]), null);

  const table = eras();
  // Either script's names: a traditional link opens in the simplified page (and in the first script, which has only
  // the simplified table), a simplified one in the traditional page.
  const typed = readEraYear(text, table.typedNames(), table.typedStates());
  const named = typed && { name: table.spelled(typed.name), n: typed.n, state: typed.state === null ? null : table.stateOf(typed.state) };
  if (named) {
    // A name several states used (大安) goes to Song first, then Xia, Liao, Jin; the earliest era of that name first.
    // The other readings go with it, for the page to offer.
    const [first, ...others] = eraYearReadings(table, named.name, named.n, named.state);
    if (first) return byYear(index, first.year, { era: first.era, n: named.n, others });
    const best = table.byName(named.name).filter((e) => named.state === null || e.state === named.state)[0];
    if (best) return { kind: 'no-such-era-year', era: best, n: named.n, last: best.last - best.first + 1 };
  }
  return { kind: 'unknown', text: shown };
}

/** The era year as the address gave it, for messages: 元祐三年. */
export function namedText(named: EraYear): string {
  return formatEraYear(named.era, named.n);
}
