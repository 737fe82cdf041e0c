/**
 * The 校勘记: every correction numbered in the order of its first place in the text, with its places, in the form a
 * reader of the 中华书局 edition knows (〔一〕张楙　『楙』字底本录入作私用区字符，据……补。). The textual notes of the
 * chapters and the 校勘记 page are both built from these entries, so a note's number and its entry's agree.
 */
import type { Correction, NoteMark } from './corrections.ts';
import { CORRECTION_KINDS } from './corrections.ts';
import { CHAPTERS_STATEMENT, EDITION_STATEMENT } from './edition.ts';
import { entryAnchor, entryNumber, noteAnchor } from './jiaokan-view.ts';
import { toChineseNumeral } from './numerals.ts';

export { entryAnchor, entryNumber, JIAOKAN_ROUTE, noteAnchor } from './jiaokan-view.ts';

export interface ChapterText {
  route: string;
  title: string;
  paragraphs: readonly string[];
}

export interface NotePlace {
  route: string;
  paragraph: number;
  start: number;
  end: number;
  /** The note's id in the chapter: `n-fu-1` (the k-th place of that correction in that chapter). */
  anchor: string;
  /** A few characters around the place, to tell the places apart in a list of links. */
  context: string;
}

export interface JiaokanEntry {
  /** 1-based, in text order. */
  n: number;
  /** The entry's id on the 校勘记 page: `jk-1`. */
  anchor: string;
  correction: Correction;
  places: NotePlace[];
}

/** Five characters either side (whole code points: 𠼪 is two UTF-16 units), the indentation left out. */
function context(text: string, start: number, end: number): string {
  const before = [...text.slice(text.startsWith('\u3000\u3000') ? 2 : 0, start)].slice(-5).join('');
  const after = [...text.slice(end)].slice(0, 5).join('');
  return before + text.slice(start, end) + after;
}

/**
 * The entries, from the corrections and their marks in the corrected seed's paragraphs. The chapters are the
 * corrected seed's paragraphs in order (tests/unit/text.test.ts proves it), so a seed paragraph maps to a chapter
 * by counting.
 */
export function jiaokanEntries(corrections: readonly Correction[], marks: readonly NoteMark[], chapters: readonly ChapterText[]): JiaokanEntry[] {
  const places = new Map<string, NotePlace[]>();
  let first = 0;
  for (const ch of chapters) {
    const n = ch.paragraphs.length;
    const seen = new Map<string, number>();
    for (const m of [...marks].filter((x) => x.paragraph >= first && x.paragraph < first + n).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)) {
      const k = (seen.get(m.id) ?? 0) + 1;
      seen.set(m.id, k);
      const paragraph = m.paragraph - first;
      const list = places.get(m.id) ?? [];
      list.push({ route: ch.route, paragraph, start: m.start, end: m.end, anchor: noteAnchor(m.id, k), context: context(ch.paragraphs[paragraph]!, m.start, m.end) });
      places.set(m.id, list);
    }
    first += n;
  }
  const order = (c: Correction): number => {
    const p = places.get(c.id)?.[0];
    if (!p) return Infinity;
    return chapters.findIndex((ch) => ch.route === p.route) * 1e9 + p.paragraph * 1e5 + p.start;
  };
  return [...corrections]
    .filter((c) => places.has(c.id))
    .sort((a, b) => order(a) - order(b))
    .map((c, i) => ({ n: i + 1, anchor: entryAnchor(i + 1), correction: c, places: places.get(c.id)! }));
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The chapter's short name in a link: 第二章. */
function chapterName(chapters: readonly ChapterText[], route: string): string {
  const i = chapters.findIndex((c) => c.route === route);
  return `第${toChineseNumeral(i + 1)}章`;
}

/**
 * The 校勘记 page as markdown. Each entry is one HTML paragraph (so that it can carry its id and be a link target);
 * every piece of text in it is escaped, though it is the project's own reviewed data, since markdown passes HTML on.
 */
export function jiaokanPage(entries: readonly JiaokanEntry[], chapters: readonly ChapterText[]): string {
  const count = (k: string) => entries.filter((e) => e.correction.kind === k).length;
  const tally = CORRECTION_KINDS.map((k) => (count(k) === 0 ? `${k}无` : `${k}${toChineseNumeral(count(k))}条`)).join('，');
  const lines = [
    '# 校勘记',
    '',
    `<p class="jk-edition">${esc(EDITION_STATEMENT)}${esc(CHAPTERS_STATEMENT)}</p>`,
    '',
    `<p class="jk-intro">${esc(
      `凡${toChineseNumeral(entries.length)}条，依其在正文中首见之先后编号：${tally}。` +
        '「录入之误」指底本数字化时的编码、录入错误（如私用区字符显示为空框、误用西文符号），据四库本改正；' +
        '「版本异文」指诸本文字真有不同者。正文改字处标「校」，点开即见本条；条末「见」下列出正文各处，点击即到。',
    )}</p>`,
    '',
  ];
  for (const e of entries) {
    const c = e.correction;
    const where = e.places
      .map((p, i) => {
        const label = `${chapterName(chapters, p.route)}（${p.context}）`;
        return `<a href="#/${esc(p.route)}?id=${esc(p.anchor)}" aria-label="${esc(`${entryNumber(e.n)}第${toChineseNumeral(i + 1)}处：${label}`)}">${esc(label)}</a>`;
      })
      .join('　');
    lines.push(
      `<p class="jk-entry" id="${e.anchor}" data-kind="${esc(c.kind)}"><span class="jk-n">${entryNumber(e.n)}</span>` +
        `<span class="jk-lemma">${esc(c.lemma)}</span>　${esc(c.record)}<span class="jk-kind">（${esc(c.kind)}）</span>` +
        `<br><span class="jk-where">见：${where}</span></p>`,
      '',
    );
  }
  return lines.join('\n');
}
