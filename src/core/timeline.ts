/**
 * The timeline page (#/timeline): one SVG across the chronicle's years, drawn at build time from the chronicle's
 * own dated entries. Bands: the Song emperors and eras, the Xia rulers, regency and eras, the Liao and Jin eras,
 * each era from its start month where the era table knows it (else from the year's start). Below them one lane per
 * kind of event (data/pictures/event-kinds.yaml): each dated entry is one large mark, each dated event inside an
 * entry (a month or day later in it) a small one; a mark is a link to its entry. The same data follows as a table
 * under a disclosure. Pure: the build step passes the parsed chronicle and data.
 */
import type { Era, EraTable } from './eras.ts';
import { kindsOf, type EventKind, type Regency } from './event-kinds.ts';
import { escapeHtml as esc, firstClause, gregorianText, timeOf } from './pictures-text.ts';
import { songYearName } from './year-format.ts';
import type { DateValue, YearMention } from './years.ts';

export const TIMELINE_ROUTE = 'timeline';
export const FIRST_YEAR = 1086;
export const LAST_YEAR = 1127;

export interface TimelinePassage {
  /** `entry`: a dated entry (its anchor is its own); `event`: a dated event inside the entry `anchor`. */
  kind: 'entry' | 'event';
  chapter: string;
  anchor: string;
  year: number;
  date?: DateValue;
  /** The year expression or date as the text writes it: 三年三月, 五月. */
  match: string;
  /** The paragraph's index in its chapter. */
  p: number;
  /** The paragraph's text and where the passage starts and ends in it (the next passage's start). */
  paragraph: string;
  start: number;
  end: number;
}

export interface TimelineMark extends TimelinePassage {
  t: number;
  kinds: EventKind[];
  first: string;
  dateText: string;
}

/**
 * Every dated entry and every dated event inside one (a `date` mention: a month or day later in the entry), in
 * text order, each up to where the next begins in its paragraph. `anchors` are the entries' (assignAnchors).
 */
export function datedPassages(
  chapters: readonly { route: string; paragraphs: readonly string[]; mentions: readonly YearMention[] }[],
  anchors: readonly (readonly (string | null)[])[],
): TimelinePassage[] {
  const out: TimelinePassage[] = [];
  chapters.forEach((c, i) => {
    let entry: string | null = null;
    const dated = c.mentions.map((m, k) => ({ m, anchor: anchors[i]?.[k] ?? null })).filter(({ m }) => m.kind === 'entry' || m.kind === 'date');
    dated.forEach(({ m, anchor }, k) => {
      if (m.kind === 'entry') entry = anchor;
      if (!entry) return;
      const text = c.paragraphs[m.paragraph]!;
      const next = dated[k + 1];
      const end = next && next.m.paragraph === m.paragraph ? next.m.offset : text.length;
      out.push({
        kind: m.kind === 'entry' ? 'entry' : 'event',
        chapter: c.route,
        anchor: entry,
        year: m.year,
        ...(m.date ? { date: m.date } : {}),
        match: m.match,
        p: m.paragraph,
        paragraph: text,
        start: m.offset,
        end,
      });
    });
  });
  return out;
}

export function timelineMarks(passages: readonly TimelinePassage[], kinds: readonly EventKind[]): TimelineMark[] {
  return passages.map((p) => {
    const span = p.paragraph.slice(p.start, p.end);
    return {
      ...p,
      t: timeOf(p.year, p.date),
      kinds: kindsOf(span, kinds),
      first: firstClause(p.paragraph, p.start),
      dateText: gregorianText(p.date) ?? `${p.year}年（年内）`,
    };
  });
}

const W = 760;
const LEFT = 52;
const RIGHT = 12;
const TOP = 26;
const BAND = 20;
const LANE_ROW = 14;

const x = (t: number): number => LEFT + ((t - FIRST_YEAR) / (LAST_YEAR + 1 - FIRST_YEAR)) * (W - LEFT - RIGHT);
const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** An era's start on the axis: its start month where known (month m begins about (m − 1)/12 into the year). */
function eraStart(e: Era): number {
  const m = e.startMonth ? Number(e.startMonth.replace('闰', '')) : 1;
  return e.first + (m - 1) / 12;
}

interface Band {
  label: string;
  title: string;
  from: number;
  to: number;
  cls: string;
}

function eraBands(eras: readonly Era[], state: string): Band[] {
  const list = eras.filter((e) => e.state === state && e.last >= FIRST_YEAR && e.first <= LAST_YEAR).sort((a, b) => eraStart(a) - eraStart(b));
  return list.map((e, i) => {
    const next = list[i + 1];
    const from = Math.max(FIRST_YEAR, eraStart(e));
    const to = Math.min(LAST_YEAR + 1, next ? eraStart(next) : e.last + 1);
    const month = e.startMonth ? `${e.startMonth.replace('闰', '闰')}月` : '';
    return { label: e.name, title: `${state}${e.name}（${e.first}${month && e.first >= FIRST_YEAR ? `年${month}` : ''}—${e.last}）`, from, to, cls: 'tl-era' };
  });
}

function rulerBands(eras: readonly Era[], state: string): Band[] {
  const out: Band[] = [];
  for (const b of eraBands(eras, state)) {
    const era = eras.find((e) => e.state === state && e.name === b.label)!;
    const last = out.at(-1);
    if (last && last.label === era.rulerTemple) last.to = b.to;
    else out.push({ label: era.rulerTemple, title: `${state}${era.rulerTemple}（${era.rulerName}）`, from: b.from, to: b.to, cls: 'tl-ruler' });
  }
  for (const r of out) r.title = `${r.title}，${f(r.from).split('.')[0]}—${Math.ceil(r.to) - 1}`;
  return out;
}

function bandRow(bands: readonly Band[], y: number): string {
  return bands
    .map((b) => {
      const x0 = x(b.from);
      const w = x(b.to) - x0;
      const label = w >= b.label.length * 11 + 4 ? `<text x="${f(x0 + w / 2)}" y="${f(y + BAND / 2 + 4)}" text-anchor="middle">${esc(b.label)}</text>` : '';
      return `<g class="${b.cls}"><title>${esc(b.title)}</title><rect x="${f(x0)}" y="${y}" width="${f(w)}" height="${BAND - 3}" rx="2"/>${label}</g>`;
    })
    .join('');
}

/** A mark's accessible name and tip: date, era year, kind, first clause. */
export function markLabel(m: TimelineMark, table: EraTable): string {
  const kind = m.kinds.map((k) => k.name).join('、') || '其他';
  return `${m.dateText}，${songYearName(table, m.year)}，${kind}：${m.first}`;
}

/** Places marks in their kind's lane, stacking those that would overlap in sub-rows. */
function layoutLane(marks: readonly TimelineMark[]): { mark: TimelineMark; row: number }[] {
  const rowsEnd: number[] = [];
  return [...marks]
    .sort((a, b) => a.t - b.t)
    .map((mark) => {
      const cx = x(mark.t);
      let row = rowsEnd.findIndex((end) => cx - end >= 13);
      if (row === -1) row = rowsEnd.length;
      rowsEnd[row] = cx;
      return { mark, row };
    });
}

export function timelineSvg(
  marks: readonly TimelineMark[],
  kinds: readonly EventKind[],
  eras: readonly Era[],
  regencies: readonly Regency[],
  table: EraTable,
): string {
  const parts: string[] = [];
  const rows: { label: string; bands: Band[] }[] = [
    { label: '宋帝', bands: rulerBands(eras, '宋') },
    { label: '宋年号', bands: eraBands(eras, '宋') },
    { label: '夏主', bands: rulerBands(eras, '夏') },
    {
      label: '夏摄政',
      bands: regencies
        .filter((r) => r.state === '夏')
        .map((r) => ({
          label: r.name,
          title: `${r.name}（${r.from[0]}—${r.to[0]}）：${r.basis}`,
          from: r.from[0] + (r.from[1] - 1) / 12,
          to: r.to[0] + (r.to[1] - 1) / 12,
          cls: 'tl-regency',
        })),
    },
    { label: '夏年号', bands: eraBands(eras, '夏') },
    { label: '辽年号', bands: eraBands(eras, '辽') },
    { label: '金年号', bands: eraBands(eras, '金') },
  ];
  let y = TOP;
  const bandsSvg: string[] = [];
  for (const r of rows) {
    bandsSvg.push(`<text class="tl-row-label" x="${LEFT - 6}" y="${y + BAND / 2 + 4}" text-anchor="end">${esc(r.label)}</text>${bandRow(r.bands, y)}`);
    y += BAND;
  }
  y += 8;
  const lanes = [...kinds.map((k) => ({ id: k.id, name: k.name })), { id: 'other', name: '其他' }];
  const laneSvg: string[] = [];
  const markSvg: string[] = [];
  for (const lane of lanes) {
    const inLane = marks.filter((m) => (m.kinds[0]?.id ?? 'other') === lane.id);
    const placed = layoutLane(inLane);
    const rowsN = Math.max(1, ...placed.map((p) => p.row + 1));
    const h = rowsN * LANE_ROW + 8;
    laneSvg.push(
      `<g class="tl-lane k-${lane.id}"><rect class="tl-lane-bg" x="${LEFT}" y="${y}" width="${W - LEFT - RIGHT}" height="${h}"/><text class="tl-row-label" x="${LEFT - 6}" y="${f(y + h / 2 + 4)}" text-anchor="end">${esc(lane.name)}</text></g>`,
    );
    for (const { mark, row } of placed) {
      const cy = y + 4 + LANE_ROW / 2 + row * LANE_ROW;
      const r = mark.kind === 'entry' ? 5.5 : 3.5;
      const label = markLabel(mark, table);
      const href = `#/${mark.chapter}?id=${mark.anchor}`;
      const data = `data-year="${mark.year}" data-kind="${lane.id}"${mark.kind === 'entry' ? ` data-entry="${mark.anchor}"` : ` data-in="${mark.anchor}"`}`;
      markSvg.push(
        `<a class="tl-mark tl-${mark.kind} k-${lane.id}" href="${esc(href)}" ${data} aria-label="${esc(label)}"><title>${esc(label)}</title><circle cx="${f(x(mark.t))}" cy="${f(cy)}" r="${r}"/><circle class="tl-hit" cx="${f(x(mark.t))}" cy="${f(cy)}" r="7"/></a>`,
      );
    }
    y += h + 2;
  }
  const height = y + 22;
  // Year columns across the whole height: the current year (the reader's) is marked on one of them.
  const years: string[] = [];
  const ticks: string[] = [];
  for (let yr = FIRST_YEAR; yr <= LAST_YEAR; yr++) {
    const x0 = x(yr);
    years.push(
      `<rect class="tl-year${yr % 2 ? ' tl-odd' : ''}" data-year="${yr}" x="${f(x0)}" y="${TOP - 4}" width="${f(x(yr + 1) - x0)}" height="${height - TOP - 14}"/>`,
    );
    const major = yr % 5 === 0 || yr === FIRST_YEAR || yr === LAST_YEAR;
    ticks.push(`<line class="tl-tick" x1="${f(x0)}" x2="${f(x0)}" y1="${TOP - 8}" y2="${TOP - (major ? 14 : 10)}"/>`);
    if (major) ticks.push(`<text class="tl-tick-label" x="${f(x0 + 1)}" y="${TOP - 16}">${yr}</text>`);
  }
  parts.push(
    `<svg class="tl-svg" viewBox="0 0 ${W} ${f(height)}" role="group" aria-labelledby="tl-svg-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="tl-svg-title">时间线：${FIRST_YEAR}—${LAST_YEAR}年，本传纪事 ${marks.filter((m) => m.kind === 'entry').length} 条，其中月日之事 ${marks.filter((m) => m.kind === 'event').length} 件</title>`,
    `<g class="tl-years">${years.join('')}</g>`,
    `<g class="tl-axis">${ticks.join('')}</g>`,
    `<g class="tl-bands">${bandsSvg.join('')}</g>`,
    `<g class="tl-lanes">${laneSvg.join('')}</g>`,
    `<g class="tl-marks">${markSvg.join('')}</g>`,
    `<text class="tl-note" x="${LEFT}" y="${f(height - 6)}">大圆：一条纪事；小圆：纪事中另有月日之事。年号自其始行之月起（月份未详者从年首）。</text>`,
    '</svg>',
  );
  return parts.join('');
}

/** The same marks as a table, in time order (the text alternative, under a disclosure). */
export function timelineTable(marks: readonly TimelineMark[], table: EraTable, titles: ReadonlyMap<string, string>): string {
  const rows = [...marks]
    .sort((a, b) => a.t - b.t)
    .map((m) => {
      const href = `#/${m.chapter}?id=${m.anchor}`;
      const kind = m.kinds.map((k) => k.name).join('、') || '其他';
      return `<tr class="tl-row-${m.kind}"><td>${esc(m.dateText)}</td><td>${esc(songYearName(table, m.year))}</td><td>${esc(kind)}</td><td><a href="${esc(href)}">${esc(m.first)}</a></td><td>${esc(titles.get(m.chapter) ?? m.chapter)}</td></tr>`;
    });
  return [
    '<details class="pictures-table tl-table">',
    `<summary>以表格阅读时间线（${marks.length} 行）</summary>`,
    '<table><thead><tr><th scope="col">公历</th><th scope="col">宋纪年</th><th scope="col">类别</th><th scope="col">首句</th><th scope="col">卷次</th></tr></thead><tbody>',
    rows.join(''),
    '</tbody></table>',
    '</details>',
  ].join('');
}

export function timelinePage(svg: string, tableHtml: string, kinds: readonly EventKind[], wordAttributes = ''): string {
  const legend = kinds.map((k) => `<li class="k-${k.id}"><span class="tl-swatch" aria-hidden="true"></span>${esc(k.name)}</li>`).join('');
  return [
    '# 时间线',
    '',
    `本传所记元祐元年至建炎元年（${FIRST_YEAR}—${LAST_YEAR}）的纪事，按公历排列。每个圆点是一条纪事，按其所记之事分类（攻、战、进筑、来贡等，依本传用语归类）；点击即到原文。阅读时所在的年份在图中标出。`,
    '',
    `<div class="tl-figure" data-pictures="timeline"${wordAttributes}><ul class="tl-legend" aria-label="类别">${legend}<li class="k-other"><span class="tl-swatch" aria-hidden="true"></span>其他</li></ul><p class="tl-current" hidden></p><div class="pictures-scroll">${svg}</div><div class="pictures-tip" role="status" hidden></div></div>`,
    '',
    tableHtml,
    '',
  ].join('\n');
}
