/**
 * Years: Gregorian markers and era bubbles on the chronicle's year expressions, a copy-link control on each dated
 * entry, the year navigator, the `[` `]` `y` keys, and links to a reign year (`#/year/1088`, `#/year/元祐三年`).
 *
 * A year link is settled before Docsify sees it: `redirectYearLink()` (called from main.ts before Docsify starts,
 * and on every hashchange ahead of Docsify's own listener) replaces a resolvable link with the canonical entry link
 * (`#/chapters/02-yuanyou?id=y1088`, history.replaceState: no extra history entry, no extra render) from the bundled
 * year index, so Docsify renders the chapter directly. Anything else under `/year/` is a virtual route (`yearRoutes`)
 * whose placeholder page this feature fills with a message, by textContent only.
 */
import type { Feature, RenderContext } from '../shell/feature.ts';
import { registerTip } from '../shell/popover.ts';
import { currentTarget } from '../shell/target.ts';
import { chronicleSpan, eraTable, yearIndex } from './year-data.ts';
import { parallelYears, songYearName } from '../../core/year-format.ts';
import { entryHash, LINK_FIRST, LINK_LAST, namedText, resolveYearLink, yearPathOf, type YearEntry, type YearLink } from '../../core/year-link.ts';
import { buildYearNote, decorateEntries, dropChapter, decorateReferences, installCopy, loadMentions, parallelParagraph } from './year-marks.ts';
import { currentYear, followChapter, isOpen, mountNav, pinTo, setOpen, stepFrom, stopFollowing } from './year-nav.ts';
import { el, isTyping } from '../shell/dom-text.ts';
import { onRouteChange } from '../shell/router.ts';
import { words } from '../script/words.ts';
import { firstWords } from '../script/first-words.ts';
import { fill } from '../../core/words.ts';
import { shows } from '../modes/settings.ts';

// ── the year page (a year with no entry, or no year at all) ───────────────────────────────────────────────────

function entryLink(e: YearEntry, rel?: string): HTMLAnchorElement {
  const a = el('a', 'year-page-link', fill(words().yearPageLink, { year: e.year, name: songYearName(eraTable(), e.year) }));
  a.href = entryHash(e);
  if (rel) a.rel = rel;
  return a;
}

function span(): string {
  return fill(words().yearPageSpan, chronicleSpan());
}

function helpParagraph(): HTMLParagraphElement {
  const w = words();
  const p = el('p', 'year-page-help', w.yearPageHelp);
  const a = el('a', '', '#/year/1088');
  a.href = '#/year/1088';
  // The example in the reader's script: a year link reads either script's era names (core/year-link.ts).
  const b = el('a', '', `#/year/${w.yearPageExample}`);
  b.href = `#/year/${encodeURIComponent(w.yearPageExample)}`;
  p.append(a, w.listSeparator, b, fill(w.yearPageHelpEnd, { span: span() }));
  return p;
}

function yearPage(section: HTMLElement, link: YearLink): { title: string; year: number | null } {
  const h1 = el('h1', 'year-page-title');
  const body: Node[] = [];
  let year: number | null = null;
  const table = eraTable();
  const w = words();
  switch (link.kind) {
    case 'gap': {
      year = link.year;
      h1.textContent = fill(w.yearPageGapTitle, { name: link.named ? namedText(link.named) : songYearName(table, year), year });
      body.push(parallelParagraph(parallelYears(table, year, null, (s) => words()[s])));
      const p = el('p', 'year-page-near', link.before && link.after ? w.yearPageNear : fill(w.yearPageNearSpan, { span: span() }));
      if (link.before) p.append(entryLink(link.before, 'prev'));
      if (link.before && link.after) p.append('；');
      if (link.after) p.append(entryLink(link.after, 'next'));
      p.append('。');
      body.push(p);
      break;
    }
    case 'outside':
      h1.textContent = w.yearPageOutsideTitle;
      body.push(el('p', '', fill(w.yearPageOutside, { year: link.year, first: LINK_FIRST, last: LINK_LAST })), helpParagraph());
      break;
    case 'no-such-era-year':
      h1.textContent = w.yearPageNoYearTitle;
      body.push(
        el('p', '', fill(w.yearPageNoYear, { state: w[link.era.state], era: link.era.name, last: link.last, from: link.era.first, to: link.era.last, n: link.n })),
        helpParagraph(),
      );
      break;
    case 'unknown':
      h1.textContent = w.yearPageUnknownTitle;
      body.push(el('p', '', link.text ? fill(w.yearPageUnknown, { text: link.text }) : w.yearPageUnknownEmpty), helpParagraph());
      break;
    case 'entry':
      break;
  }
  section.replaceChildren(h1, ...body);
  return { title: h1.textContent ?? '', year };
}

// ── keys ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** `[` previous year, `]` next year, `y` the navigator; never while typing, composing, or with a modifier. */
function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
  if (e.key === '[' || e.key === ']') {
    const to = stepFrom(currentYear(), e.key === '[' ? -1 : 1);
    e.preventDefault();
    if (to) location.hash = entryHash(to);
  } else if (e.key === 'y' || e.key === 'Y') {
    e.preventDefault();
    setOpen(!isOpen(), true);
  }
}

// ── the feature ───────────────────────────────────────────────────────────────────────────────────────────────

let rendered: RenderContext | null = null;

/**
 * A jump to another entry of the chapter on screen (Docsify does not render again; the target feature marks and
 * scrolls to it): the navigator's current year follows the jump.
 */
function onHashChange(): void {
  if (!rendered?.section.isConnected) return;
  const { route, id } = currentTarget();
  if (route !== rendered.route || !id || !/^y\d+(-\d+)?$/.test(id)) return;
  if (shows('year')) pinTo(id);
  else showEntryParagraph(rendered, id);
}

/** Without year decorations an entry has no element: a link to one brings its paragraph into view instead. */
function showEntryParagraph(ctx: RenderContext, id: string | null): void {
  const entry = id ? yearIndex.chapters.find((c) => c.chapter === ctx.route)?.entries.find((e) => e.anchor === id) : undefined;
  const p = entry ? ctx.paragraphs[entry.paragraph] : undefined;
  if (p) requestAnimationFrame(() => p.scrollIntoView({ block: 'start' }));
}

/** Runs `fn` when the browser is idle; resolves after it ran. */
function idle(fn: () => void): Promise<void> {
  const w = window as Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };
  return new Promise((resolve) => {
    const run = (): void => {
      fn();
      resolve();
    };
    if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: 300 });
    else window.setTimeout(run, 50);
  });
}

export const years: Feature = {
  name: 'years',
  mounted() {
    registerTip('year', buildYearNote);
    void loadMentions();
    installCopy();
    mountNav();
    document.addEventListener('keydown', onKey);
    onRouteChange(onHashChange);
  },
  doneEach(ctx: RenderContext) {
    performance.mark('years:start');
    rendered = ctx;
    const raw = yearPathOf(ctx.route);
    if (raw !== null) {
      const link = resolveYearLink(raw, yearIndex, eraTable);
      if (link.kind === 'entry') {
        // Reached without the fast path (it runs first in main.ts): go to the entry, replacing this address.
        location.replace(entryHash(link.target));
        return;
      }
      const page = yearPage(ctx.section, link);
      // As Docsify titles a page (its app name is the first words', main.ts).
      document.title = `${page.title} - ${firstWords().siteName}`;
      stopFollowing(page.year);
    } else if (!shows('year')) {
      // No year decorations (白文, or years turned off): an entry has no element, so a link to one brings its
      // paragraph into view instead.
      dropChapter();
      stopFollowing(null);
      showEntryParagraph(ctx, ctx.id);
    } else {
      const { entries, render } = decorateEntries(ctx.route, ctx.section, ctx.paragraphs);
      if (render) {
        followChapter(ctx.section, entries, ctx.id);
        performance.measure('years:doneEach', 'years:start');
        // The references wait for the chapter's mentions (data/years.json), then for an idle moment.
        return loadMentions().then(() =>
          idle(() => {
            performance.mark('years:idle:start');
            decorateReferences(render);
            performance.measure('years:idle', 'years:idle:start');
          }),
        );
      }
      stopFollowing(null);
    }
    performance.measure('years:doneEach', 'years:start');
    return undefined;
  },
};
