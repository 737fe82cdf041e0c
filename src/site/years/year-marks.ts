/**
 * Year expressions in a chapter's text. Each dated entry (from the bundled year index, so the anchors exist as soon
 * as the text does) becomes
 *
 *   <span class="y y-entry" id="y1088" data-year="1088">
 *     <span class="y-expr" data-tip="year:1088" tabindex="0">三年</span>      ← the text, a bubble trigger
 *     <span class="y-greg" data-decoration data-year="1088"></span>         ← shows 1088 (CSS attr())
 *     <button class="y-copy" data-decoration aria-label="复制本条链接…"></button>
 *   </span>
 *
 * and, once the chapter's year mentions have arrived (data/years.json: the year parser runs at build time only,
 * scripts/steps/prerender.ts), what the index does not hold: year references (元丰四年, a reign summary), which get
 * the same bubble in a quieter style and no anchor, and the dates the bubble resolves. Decorations carry no text,
 * so the paragraphs' textContent stays the chronicle's.
 */
import type { Era } from '../../core/eras.ts';
import { readDerived, YearMentionsSchema, type PageMention } from '../../core/derived.ts';
import { scriptBase } from '../script/script.ts';
import { decoration, el, wrapRange } from '../shell/dom-text.ts';
import { makeTrigger } from '../shell/popover.ts';
import { eraTable, yearIndex } from './year-data.ts';
import { cycleName, dateLines, parallelYears, summaryLine } from '../../core/year-format.ts';
import { disputeNotes, type EraDispute } from '../../core/era-disputes-view.ts';
import disputesJson from '../../generated/era-disputes.json';
import { termGloss } from '../glossary/glossary.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';
import { scriptDisputes } from '../script/data.ts';
import { entryHash } from '../../core/year-link.ts';
import { copyText } from '../shell/clipboard.ts';
import { liveRegion, type LiveRegion } from '../shell/live.ts';

/** The year marks' state, all of it: the mentions (fetched once), the render on screen, the live region. */
const marksState = {
  mentions: null as Promise<Record<string, PageMention[]> | null> | null,
  loaded: null as Record<string, PageMention[]> | null,
  chapter: null as ChapterState | null,
  /** Says 已复制. */
  live: null as LiveRegion | null,
};

const disputes = (): EraDispute[] => scriptDisputes() ?? (disputesJson as EraDispute[]);

/** Every chapter's year mentions in the reader's script, fetched once (after the first render; a few KB). */
export function loadMentions(): Promise<unknown> {
  const url = `${scriptBase()}data/years.json`;
  marksState.mentions ??= fetch(url)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))))
    .then((json: unknown) => (marksState.loaded = readDerived(YearMentionsSchema, json, url).chapters))
    .catch((e: unknown) => {
      // Without them the entries keep their marks and bubbles; only references and dates are missing.
      console.warn('reader: year mentions unavailable', e);
      return null;
    });
  return marksState.mentions;
}

export const ENTRY_CLASS = 'y-entry';

/** One render of one chapter (Docsify reuses the section element, so a render is told apart by this object). */
export interface ChapterState {
  route: string;
  section: HTMLElement;
  paragraphs: HTMLParagraphElement[];
  mentions: PageMention[] | null;
  referencesDone: boolean;
}

function marker(year: number): HTMLElement {
  const greg = decoration('span', 'y-greg');
  greg.dataset['year'] = String(year);
  // Printed too, as 〔1088〕 (years.css): a printed era year needs its Gregorian year more than a screen does.
  greg.setAttribute('data-print', '');
  return greg;
}

function trigger(year: number, paragraph: number, offset: number): HTMLElement {
  const expr = el('span', 'y-expr');
  expr.dataset['p'] = String(paragraph);
  expr.dataset['o'] = String(offset);
  makeTrigger(expr, 'year', String(year));
  return expr;
}

/** The absolute address of an entry, as a reader would share it: `https://…/REPO/#/chapters/02-yuanyou?id=y1088`. */
export function entryUrl(e: { chapter: string; anchor: string }): string {
  // The search part carries the script (?script=t): a traditional reader shares the traditional text.
  return `${location.origin}${location.pathname}${location.search}${entryHash(e)}`;
}

/**
 * Wraps the chapter's dated entries (synchronously: the target feature scrolls to their anchors right after).
 * Returns the entry elements in text order and the render they belong to.
 */
export function decorateEntries(route: string, section: HTMLElement, paragraphs: HTMLParagraphElement[]): { entries: HTMLElement[]; render: ChapterState | null } {
  const data = yearIndex.chapters.find((c) => c.chapter === route);
  marksState.chapter = data ? { route, section, paragraphs, mentions: null, referencesDone: false } : null;
  if (!data) return { entries: [], render: null };
  const out: HTMLElement[] = [];
  for (const e of data.entries) {
    const p = paragraphs[e.paragraph];
    if (!p) continue;
    const expr = trigger(e.year, e.paragraph, e.offset);
    if (!wrapRange(p, e.offset, e.end, expr)) continue;
    const entry = el('span', `y ${ENTRY_CLASS}`);
    entry.id = e.anchor;
    entry.dataset['year'] = String(e.year);
    const copy = decoration('button', 'y-copy');
    copy.type = 'button';
    copy.dataset['href'] = entryUrl({ chapter: route, anchor: e.anchor });
    copy.setAttribute('aria-label', fill(words().copyEntryLink, { year: e.year }));
    copy.title = words().copyEntryTitle;
    expr.before(entry);
    entry.append(expr, marker(e.year), copy);
    out.push(entry);
  }
  return { entries: out, render: marksState.chapter };
}

/** No render of a chapter is decorated now (a mode without years): a pending idle pass must not run. */
export function dropChapter(): void {
  marksState.chapter = null;
}

/** The current chapter's mentions, once they have arrived (none before). */
function mentions(state: ChapterState): PageMention[] {
  if (state.mentions) return state.mentions;
  if (!marksState.loaded) return [];
  return (state.mentions = marksState.loaded[state.route] ?? []);
}

/** Year references (not entries) of a render, once: a quieter style, the same bubble, no anchor. */
export function decorateReferences(state: ChapterState): number {
  // The reader may have moved on (another render replaced the text) before the browser was idle.
  if (state !== marksState.chapter || state.referencesDone || !state.section.isConnected) return 0;
  state.referencesDone = true;
  let n = 0;
  for (const m of mentions(state)) {
    if (m.kind !== 'reference') continue;
    const p = state.paragraphs[m.paragraph];
    if (!p) continue;
    const expr = trigger(m.year, m.paragraph, m.offset);
    if (!wrapRange(p, m.offset, m.offset + m.match.length, expr, m.match)) continue;
    const ref = el('span', `y y-ref${m.summary ? ' y-summary' : ''}`);
    expr.before(ref);
    ref.append(expr, marker(m.year));
    n++;
  }
  return n;
}

function mentionOf(trig: HTMLElement): PageMention | null {
  const state = marksState.chapter;
  if (!state?.section.contains(trig)) return null;
  const p = Number(trig.dataset['p']);
  const o = Number(trig.dataset['o']);
  return mentions(state).find((m) => m.paragraph === p && m.offset === o) ?? null;
}

/** `宋哲宗元祐三年 · 夏崇宗天仪治平三年 · 辽道宗大安四年`, each state's part kept on one line. */
export function parallelParagraph(parts: string[]): HTMLParagraphElement {
  const p = el('p', 'y-parallel');
  parts.forEach((part, i) => {
    if (i > 0) p.append(' · ');
    p.append(el('span', '', part));
  });
  return p;
}

/** The era of that name whose first year is nearest `year` (a summary item's own era). */
function nearestEra(eras: Era[], year: number): Era | null {
  return eras.sort((a, b) => Math.abs(a.first - year) - Math.abs(b.first - year))[0] ?? null;
}

/** The bubble of a year expression: Gregorian year, every state's era year, the date where the text gives one. */
export function buildYearNote(key: string, trig: HTMLElement): Node | null {
  const year = Number(key);
  if (!Number.isInteger(year)) return null;
  const table = eraTable();
  const m = mentionOf(trig);
  const w = words();
  const box = el('div', 'year-note');
  const head = el('p', 'popover-head', fill(w.gregorianYear, { year }));
  head.append(el('span', 'y-cycle', cycleName(year)));
  box.append(head, parallelParagraph(parallelYears(table, year, m?.month, (s) => w[s])));
  const counted = m?.summary ? m.counted : undefined;
  const era = counted && m?.era ? nearestEra(table.byName(m.era).filter((e) => e.state === m.state), counted[0]) : null;
  if (era && counted && m?.eraYear) box.append(el('p', 'y-date', summaryLine(era, m.eraYear, counted, w)));
  for (const line of disputeNotes(disputes(), table, year, w)) box.append(el('p', 'y-dispute', line));
  // The era's own glossary note: inside a year expression the year mark wins over the term, so it is told here.
  const gloss = m?.era && m.match.includes(m.era) ? termGloss(m.era) : null;
  if (gloss) {
    const p = el('p', 'y-gloss', fill(w.eraGloss, { era: m!.era!, gloss }));
    const a = el('a', '', w.glossaryIndex);
    a.href = '#/glossary';
    const [before, after] = w.eraGlossSee.split('{link}') as [string, string];
    p.append(before, a, after);
    box.append(p);
  }
  if (m?.date && m.dateMatch) {
    const [julian, gregorian] = dateLines(m.dateMatch, m.date, w);
    box.append(el('p', 'y-date', julian), el('p', 'y-date y-date-alt', gregorian));
  }
  const kind = trig.closest(`.${ENTRY_CLASS}`) ? w.entryYear : m?.summary ? w.summaryYear : w.referenceYear;
  box.append(el('p', 'y-kind', kind));
  return box;
}

/** The copy-link buttons, by delegation (installed once), and the live region that speaks for them. */
export function installCopy(): void {
  marksState.live = liveRegion('y-live');
  document.body.append(marksState.live.element);
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button.y-copy') : null;
    const href = button?.dataset['href'];
    if (!button || !href) return;
    e.preventDefault();
    const label = button.getAttribute('aria-label') ?? '';
    void copyText(href).then((ok) => {
      if (ok) {
        const w = words();
        button.dataset['state'] = 'copied';
        button.dataset['said'] = w.citeCopiedShort;
        button.setAttribute('aria-label', w.citeCopiedShort);
        marksState.live?.say(w.copiedEntryLink);
      } else {
        // No clipboard: the address bar shows the link instead, to be copied from there.
        const hash = href.slice(href.indexOf('#'));
        history.replaceState(history.state, '', hash);
        button.dataset['state'] = 'failed';
        button.dataset['said'] = words().copyEntryFailedShort;
        marksState.live?.say(words().copyEntryFailed);
      }
      window.setTimeout(() => {
        delete button.dataset['state'];
        delete button.dataset['said'];
        button.setAttribute('aria-label', label);
      }, 2000);
    });
  });
}
