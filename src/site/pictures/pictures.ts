/**
 * The two pictures: the timeline page (#/timeline) and the map page (#/map), both drawn at build time
 * (scripts/steps/pictures.ts) as SVG in their markdown, so they cost a chapter nothing: the pages are fetched only
 * when opened, and the map's passage lists (data/map.json) only on the map page. This feature adds what needs the
 * page: the year the reader was at, a tip on the timeline's marks, the map's passage panel and the chapter's
 * places (`#/map?chapter=04-huizong`), and each chapter's 「本章地图 · 时间线」 links at its foot.
 *
 * The reader's year comes from the years feature's `reader:year` event (src/site/years/year-nav.ts), never from
 * its DOM; a timeline link may also carry it (`#/timeline?year=1088`, the year navigator's link does).
 */
import { readDerived } from '../../core/derived.ts';
import { MapDataSchema } from '../../core/derived-map.ts';
import type { MapData, MapPlace, Passage } from '../../core/map.ts';
import { el } from '../shell/dom-text.ts';
import { onRouteChange } from '../shell/router.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { scriptBase } from '../script/script.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';

const state = {
  /** The last year the reader was at in a chapter (the years feature's `reader:year`). */
  year: null as number | null,
  map: null as Promise<MapData | null> | null,
  /** The render on screen: a change of query alone (`?chapter=`, `?year=`) is not rendered again by Docsify. */
  render: null as RenderContext | null,
};

const mapUrl = (): string => `${scriptBase()}data/map.json`;

function loadMap(): Promise<MapData | null> {
  state.map ??= fetch(mapUrl())
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${mapUrl()}: ${r.status}`))))
    .then((json: unknown) => readDerived(MapDataSchema, json, mapUrl()))
    .catch((e: unknown) => {
      console.warn('reader: map data unavailable', e);
      state.map = null;
      return null;
    });
  return state.map;
}

/** A query parameter of the current address (`#/map?chapter=…`). */
function query(name: string): string | null {
  const q = location.hash.split('?')[1] ?? '';
  return new URLSearchParams(q).get(name);
}

const w = words;

/** A word the page carries (`data-w-*` on the figure, src/core/map.ts), filled in; '' if the page lacks it. */
function pw(figure: HTMLElement, key: string, values: Record<string, string | number> = {}): string {
  return fill(figure.dataset[`w${key[0]!.toUpperCase()}${key.slice(1)}`] ?? '', values);
}

// ── chapters: links to the pictures ─────────────────────────────────────────────────────────────────────────

function chapterLinks(ctx: RenderContext): void {
  ctx.section.querySelector(':scope > .pictures-links')?.remove();
  const nav = el('nav', 'pictures-links');
  nav.setAttribute('aria-label', w().picLinks);
  const map = el('a', '', w().picChapterMap);
  map.href = `#/map?chapter=${encodeURIComponent(ctx.route.replace(/^chapters\//, ''))}`;
  const line = el('a', '', w().picTimeline);
  line.href = '#/timeline';
  nav.append(map, ' · ', line);
  // At the chapter's foot, before the previous/next links: the head of the page stays the text's.
  const foot = ctx.section.querySelector(':scope > .chapter-nav');
  if (foot) foot.before(nav);
  else ctx.section.append(nav);
}

// ── the timeline ────────────────────────────────────────────────────────────────────────────────────────────

function showTip(figure: HTMLElement, mark: Element): void {
  const tip = figure.querySelector<HTMLElement>('.pictures-tip');
  if (!tip) return;
  tip.textContent = mark.getAttribute('aria-label') ?? '';
  const box = figure.getBoundingClientRect();
  const r = mark.getBoundingClientRect();
  tip.hidden = false;
  // Above the mark, kept inside the figure; classes place it, the position is the one thing set in script.
  const left = Math.min(Math.max(0, r.left - box.left + r.width / 2 - tip.offsetWidth / 2), box.width - tip.offsetWidth);
  tip.style.setProperty('--tip-x', `${Math.round(left)}px`);
  tip.style.setProperty('--tip-y', `${Math.round(r.top - box.top - tip.offsetHeight - 8)}px`);
}

function timeline(ctx: RenderContext): void {
  const figure = ctx.section.querySelector<HTMLElement>('[data-pictures="timeline"]');
  if (!figure) return;
  const year = Number(query('year')) || state.year;
  for (const e of figure.querySelectorAll('.is-current')) e.classList.remove('is-current');
  const note = figure.querySelector<HTMLElement>('.tl-current');
  if (year) {
    for (const e of figure.querySelectorAll(`[data-year="${year}"]`)) e.classList.add('is-current');
    const first = figure.querySelector<SVGAElement>(`a.tl-entry[data-year="${year}"]`);
    if (note) {
      note.hidden = false;
      note.textContent = pw(figure, 'readerAt', { year });
      if (first) {
        const a = el('a', '', pw(figure, 'backToYear'));
        a.href = first.getAttribute('href') ?? '';
        note.append('　', a);
      }
    }
  } else if (note) note.hidden = true;
  if (figure.dataset['wired']) return;
  figure.dataset['wired'] = '';
  const hide = (): void => {
    const tip = figure.querySelector<HTMLElement>('.pictures-tip');
    if (tip) tip.hidden = true;
  };
  figure.addEventListener('focusin', (e) => {
    const m = (e.target as Element).closest?.('.tl-mark');
    if (m) showTip(figure, m);
  });
  figure.addEventListener('pointerover', (e) => {
    const m = (e.target as Element).closest?.('.tl-mark');
    if (m) showTip(figure, m);
  });
  figure.addEventListener('focusout', hide);
  figure.addEventListener('pointerleave', hide);
  figure.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
}

// ── the map ─────────────────────────────────────────────────────────────────────────────────────────────────

function passageList(ps: readonly Passage[]): HTMLElement {
  const ol = el('ol', 'mp-passages');
  for (const p of ps) {
    const li = el('li', '');
    const a = el('a', '', p.snippet);
    a.href = `#/${p.chapter}?id=${p.anchor}`;
    li.append(el('span', 'mp-where', `${p.title}${p.yearName ? ` · ${p.yearName}` : ''}`), a);
    ol.append(li);
  }
  return ol;
}

function showPlace(figure: HTMLElement, place: MapPlace, data: MapData): void {
  const panel = figure.querySelector<HTMLElement>('.mp-panel');
  if (!panel) return;
  for (const g of figure.querySelectorAll('.mp-point[aria-pressed]')) g.removeAttribute('aria-pressed');
  figure.querySelector(`.mp-point[data-term="${CSS.escape(place.term)}"]`)?.setAttribute('aria-pressed', 'true');
  const h = el('h2', 'mp-place', place.term);
  const site = el('p', 'mp-site', `${pw(figure, 'modern', { site: place.site })}${place.approximate ? pw(figure, 'approx') : ''}`);
  const src = el(
    'p',
    'mp-source',
    `${pw(figure, 'coords', { lat: place.lat.toFixed(3), lon: place.lon.toFixed(3), source: place.source })}${place.note ? `。${place.note}` : ''}`,
  );
  const parts: HTMLElement[] = [h, site, src];
  if (place.changes.length) {
    const ul = el('ul', 'mp-changes');
    for (const c of place.changes) ul.append(el('li', '', pw(figure, 'change', { year: c.year, to: w()[c.to], what: c.what, source: c.source })));
    parts.push(el('p', 'mp-changes-title', pw(figure, 'changes')), ul);
  }
  const chapter = query('chapter');
  const shown = chapter ? place.passages.filter((p) => p.chapter === `chapters/${chapter}`) : place.passages;
  parts.push(
    el(
      'p',
      'mp-count',
      `${pw(figure, 'count', { n: place.passages.length })}${chapter && shown.length !== place.passages.length ? pw(figure, 'countChapter', { n: shown.length }) : ''}：`,
    ),
  );
  parts.push(passageList(chapter && shown.length ? shown : place.passages));
  panel.replaceChildren(...parts);
  void data;
}

function highlightChapter(figure: HTMLElement, data: MapData): void {
  const chapter = query('chapter');
  const route = chapter ? `chapters/${chapter}` : null;
  const title = data.chapters.find((c) => c.route === route)?.title;
  const note = figure.querySelector<HTMLElement>('.mp-chapter');
  figure.classList.toggle('has-chapter', !!title);
  for (const g of figure.querySelectorAll<SVGGElement>('.mp-point')) {
    const place = data.places.find((p) => p.term === g.dataset['term']);
    g.classList.toggle('in-chapter', !!title && !!place?.passages.some((p) => p.chapter === route));
  }
  if (!note) return;
  if (!title) {
    note.hidden = !chapter;
    // An unknown chapter is said as such, by text only (the address is never inserted as HTML).
    if (chapter) note.textContent = pw(figure, 'noChapter', { chapter });
    return;
  }
  const names = data.places.filter((p) => p.passages.some((x) => x.chapter === route)).map((p) => p.term);
  const off = data.unlocated.filter((p) => p.passages.some((x) => x.chapter === route)).map((p) => p.term);
  note.hidden = false;
  note.textContent = `${pw(figure, 'chapterPlaces', { title, n: names.length, names: names.join('、') })}${off.length ? pw(figure, 'chapterOff', { n: off.length, names: off.join('、') }) : ''}。`;
  const all = el('a', '', pw(figure, 'allPlaces'));
  all.href = '#/map';
  const back = el('a', '', pw(figure, 'backToChapter'));
  back.href = `#/${route}`;
  note.append(' ', all, ' · ', back);
}

async function map(ctx: RenderContext): Promise<void> {
  const figure = ctx.section.querySelector<HTMLElement>('[data-pictures="map"]');
  if (!figure) return;
  const data = await loadMap();
  if (!data || !figure.isConnected) return;
  highlightChapter(figure, data);
  if (figure.dataset['wired']) return;
  figure.dataset['wired'] = '';
  const open = (target: EventTarget | null): boolean => {
    const g = (target as Element | null)?.closest?.<SVGGElement>('.mp-point');
    const place = g && data.places.find((p) => p.term === g.dataset['term']);
    if (!place) return false;
    showPlace(figure, place, data);
    return true;
  };
  figure.addEventListener('click', (e) => {
    open(e.target);
  });
  figure.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && open(e.target)) e.preventDefault();
  });
}

export const pictures: Feature = {
  name: 'pictures',
  mounted() {
    document.addEventListener('reader:year', (e) => {
      const year = (e as CustomEvent<{ year: number | null }>).detail?.year;
      if (typeof year === 'number') state.year = year;
    });
    onRouteChange(() => {
      const ctx = state.render;
      const route = location.hash.replace(/^#\/?/, '').split('?')[0];
      if (!ctx?.section.isConnected || route !== ctx.route) return;
      if (route === 'timeline') timeline(ctx);
      else if (route === 'map') void map(ctx);
    });
  },
  doneEach(ctx: RenderContext) {
    state.render = ctx;
    if (ctx.route.startsWith('chapters/')) chapterLinks(ctx);
    else if (ctx.route === 'timeline') timeline(ctx);
    else if (ctx.route === 'map') return map(ctx);
    return undefined;
  },
};
