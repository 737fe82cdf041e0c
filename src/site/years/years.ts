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
import { eraTable, yearIndex } from './year-data.ts';
import { parallelYears, songYearName } from '../../core/year-format.ts';
import { entryHash, LINK_FIRST, LINK_LAST, namedText, resolveYearLink, yearPathOf, type YearEntry, type YearLink } from '../../core/year-link.ts';
import { buildYearNote, decorateEntries, dropChapter, decorateReferences, installCopy, loadMentions, parallelParagraph } from './year-marks.ts';
import { currentYear, followChapter, isOpen, mountNav, pinTo, setOpen, stepFrom, stopFollowing } from './year-nav.ts';
import { el, isTyping } from '../shell/dom-text.ts';
import { onRouteChange } from '../shell/router.ts';
import { words } from '../script/words.ts';
import { shows } from '../modes/settings.ts';

const SITE_NAME = '宋史·夏国传';

// ── the year page (a year with no entry, or no year at all) ───────────────────────────────────────────────────

function entryLink(e: YearEntry, rel?: string): HTMLAnchorElement {
  const a = el('a', 'year-page-link', `${e.year}年 ${songYearName(eraTable(), e.year)}`);
  a.href = entryHash(e);
  if (rel) a.rel = rel;
  return a;
}

function span(): string {
  const rows = yearIndex.years;
  return `本传纪事起于${rows[0]!.year}年，止于${rows[rows.length - 1]!.year}年`;
}

function helpParagraph(): HTMLParagraphElement {
  const p = el('p', 'year-page-help', '按年份打开，可以这样写：');
  const a = el('a', '', '#/year/1088');
  a.href = '#/year/1088';
  const b = el('a', '', '#/year/元祐三年');
  b.href = `#/year/${encodeURIComponent('元祐三年')}`;
  p.append(a, '、', b, `。${span()}；按 y 键或点上方的年份，可从年份导航中选择。`);
  return p;
}

function yearPage(section: HTMLElement, link: YearLink): { title: string; year: number | null } {
  const h1 = el('h1', 'year-page-title');
  const body: Node[] = [];
  let year: number | null = null;
  const table = eraTable();
  switch (link.kind) {
    case 'gap': {
      year = link.year;
      h1.textContent = `${link.named ? namedText(link.named) : songYearName(table, year)} · ${year}年`;
      body.push(parallelParagraph(parallelYears(table, year, null, (s) => words()[s])));
      const p = el('p', 'year-page-near', link.before && link.after ? '本传没有这一年的纪事。最近的纪事：' : `本传没有这一年的纪事（${span()}）。最近的纪事：`);
      if (link.before) p.append(entryLink(link.before, 'prev'));
      if (link.before && link.after) p.append('；');
      if (link.after) p.append(entryLink(link.after, 'next'));
      p.append('。');
      body.push(p);
      break;
    }
    case 'outside':
      h1.textContent = '不在本书范围之内';
      body.push(el('p', '', `${link.year}年不在宋代（${LINK_FIRST}—${LINK_LAST}年）之内。`), helpParagraph());
      break;
    case 'no-such-era-year':
      h1.textContent = '没有这一年';
      body.push(
        el('p', '', `${link.era.state}${link.era.name}年号只行用${link.last}年（${link.era.first}—${link.era.last}），没有第${link.n}年。`),
        helpParagraph(),
      );
      break;
    case 'unknown':
      h1.textContent = '无法识别的年份';
      body.push(el('p', '', link.text ? `「${link.text}」不是可以识别的年份或年号纪年。` : '地址中的年份无法识别。'), helpParagraph());
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
      document.title = `${page.title} - ${SITE_NAME}`;
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
