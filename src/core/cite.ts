/**
 * "Cite this passage": where a passage stands (the dated entry it falls under, its paragraph) and the citation a
 * reader pastes into a paper, in two forms. Pure: the page passes the year index, the era year's name in the
 * reader's script, the address and the date (src/site/cite/).
 *
 * Not to be confused with core/citation.ts, which checks the glossary's citations of *other* works.
 *
 * The work. Every chapter of this reader is part of 《宋史》卷四百八十六 列传第二百四十五 外国二 夏国下: the seed is
 * 卷486 from 元祐元年 (1086) to 建炎元年 (1127) (data/seed/README.md), 卷485 (夏国上) ends before it, and the chapter
 * divisions are the reader's own (core/edition.ts CHAPTERS_STATEMENT), so one juan and one 篇 title serve every
 * chapter. The words live in core/words.ts, so the traditional page cites in traditional characters.
 *
 * The two forms (the entry, the access date and the address filled in):
 *
 * GB/T 7714-2015 (信息与文献 参考文献著录规则), a monograph (专著, 4.1) read online, [M/OL]:
 *   主要责任者. 题名：其他题名信息[文献类型标识/文献载体标识]. 出版项：引文页码[引用日期]. 获取和访问路径.
 *   - 主要责任者: 脱脱 led the compilers; more than three responsible persons are written as the first and 「，等」
 *     (8.1.2), so 「脱脱，等」.
 *   - 题名：其他题名信息: the juan and the 篇 title as other title information, as the standard's own example writes a
 *     volume (「国史旧闻：第1卷」): 「宋史：卷四百八十六 外国二·夏国下」.
 *   - 出版项: none is known for the base text (a modern punctuated transcription of unknown source,
 *     core/edition.ts); an online resource may leave place, publisher and year out, and the web reader is the
 *     获取和访问路径. The locator — the entry, and the paragraph where the citation is of one — stands where a page
 *     number would, with the access date straight after it in square brackets, YYYY-MM-DD, as the standard joins
 *     「出版年：页码[引用日期]」.
 *   Result: 脱脱，等. 宋史：卷四百八十六 外国二·夏国下[M/OL]. 元祐三年（1088）条[2026-12-03]. https://….
 *
 * Chicago (17th ed., a chapter of a classical work cited by juan and 篇, an online source with its access date):
 *   脱脱等. 《宋史》卷四百八十六《外国二·夏国下》, 元祐三年（1088）条. Accessed December 3, 2026. https://….
 *   It carries the minimal content word for word: 《宋史》卷四百八十六《外国二·夏国下》，元祐三年（1088）条
 *   (with the Western comma Chicago sets between elements).
 *
 * A selected passage comes first, in corner brackets: 「……」 then the citation.
 * A second entry of the same year (`y1086-2`) is 「元祐元年（1086）条之二」; a paragraph is cited under the entry in
 * force at its start (the latest entry at or before it, in this chapter or an earlier one), with its number as its
 * anchor has it (`p3` is ¶3: paragraphs are numbered from 0, ARCHITECTURE.md "Paragraph addressing").
 */
import { toChineseNumeral } from './numerals.ts';

export type CiteForm = 'gbt' | 'chicago';
export const CITE_FORMS: readonly CiteForm[] = ['gbt', 'chicago'];

/** The words of a citation, in the reader's script (core/words.ts: citeAuthorGbt …). */
export interface CiteWords {
  citeAuthorGbt: string;
  citeAuthorChicago: string;
  citeWork: string;
  citeJuan: string;
  citePian: string;
  citeEntryLocus: string;
  citeEntryLocusNth: string;
  citeParagraphLocus: string;
  citeParagraphOnly: string;
}

export interface IndexedEntry {
  paragraph: number;
  offset: number;
  year: number;
  anchor: string;
}

/** The chapters' entries in reading order (src/generated/year-index.json `chapters`). */
export interface CiteIndex {
  chapters: { chapter: string; entries: IndexedEntry[] }[];
}

/** Where a passage stands: the entry it falls under (null before the first), its paragraph if cited by paragraph. */
export interface Locus {
  entry: { year: number; anchor: string } | null;
  paragraph: number | null;
}

/**
 * The entry in force at text offset `offset` of paragraph `paragraph` of `chapter`: the latest entry at or before
 * it, in this chapter or, before this chapter's first entry, the last of an earlier chapter (the chapters are one
 * continuous juan). Null before the first entry of all, or for a route the index does not have.
 */
export function entryInForce(index: CiteIndex, chapter: string, paragraph: number, offset: number): IndexedEntry | null {
  const at = index.chapters.findIndex((c) => c.chapter === chapter);
  if (at < 0) return null;
  let found: IndexedEntry | null = null;
  for (const e of index.chapters[at]!.entries) {
    if (e.paragraph < paragraph || (e.paragraph === paragraph && e.offset <= offset)) found = e;
  }
  for (let i = at - 1; !found && i >= 0; i--) found = index.chapters[i]!.entries.at(-1) ?? null;
  return found;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** `元祐三年（1088）条`, `元祐元年（1086）条之二`, `元祐三年（1088）条，¶2`, or `¶0` before any entry. */
export function locusText(locus: Locus, yearName: (year: number) => string, w: CiteWords): string {
  if (!locus.entry) return fill(w.citeParagraphOnly, { n: locus.paragraph ?? 0 });
  const { year, anchor } = locus.entry;
  const nth = /-(\d+)$/.exec(anchor);
  const values = { name: yearName(year), year, nth: nth ? toChineseNumeral(Number(nth[1])) : '' };
  const entry = fill(nth ? w.citeEntryLocusNth : w.citeEntryLocus, values);
  return locus.paragraph === null ? entry : fill(w.citeParagraphLocus, { entry, n: locus.paragraph });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date (the reader's local date: the day they read it). */
export interface AccessDate {
  year: number;
  month: number;
  day: number;
}

export function localDate(d: Date): AccessDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** `2026-12-03`, as GB/T 7714 writes a date (8.8.2). */
export function isoDate(d: AccessDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** `December 3, 2026`, as Chicago writes one. */
export function chicagoDate(d: AccessDate): string {
  return `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

/**
 * A selection as it is quoted: whitespace runs (a paragraph's full-width indentation, a line break between
 * paragraphs) become one space or nothing, and the quotation is trimmed. Empty when nothing is left.
 */
export function quotedText(selection: string): string {
  return selection
    .replace(/[\s\u3000]*\n[\s\u3000]*/g, ' ')
    .replace(/[\s\u3000]+/g, (s) => (s.includes('\u3000') ? '' : ' '))
    .trim();
}

export interface CiteInput {
  form: CiteForm;
  locus: Locus;
  /** The era year's name in the reader's script (`元祐三年` for 1088). */
  yearName: (year: number) => string;
  url: string;
  accessed: AccessDate;
  /** The reader's selection, quoted first when not empty. */
  quote?: string;
  words: CiteWords;
}

/** The citation a reader pastes, in the form chosen (see the module comment for both patterns). */
export function formatCitation(c: CiteInput): string {
  const w = c.words;
  const locus = locusText(c.locus, c.yearName, w);
  const quote = c.quote ? quotedText(c.quote) : '';
  const lead = quote ? `「${quote}」` : '';
  if (c.form === 'gbt') {
    return `${lead}${w.citeAuthorGbt}. ${w.citeWork}：${w.citeJuan} ${w.citePian}[M/OL]. ${locus}[${isoDate(c.accessed)}]. ${c.url}.`;
  }
  return `${lead}${w.citeAuthorChicago}. 《${w.citeWork}》${w.citeJuan}《${w.citePian}》, ${locus}. Accessed ${chicagoDate(c.accessed)}. ${c.url}.`;
}

/** The reader's address of a place in a chapter, `…/#/chapters/02-yuanyou?id=y1088`, from the page's own base. */
export function placeUrl(base: string, route: string, id: string): string {
  return `${base}#/${route}?id=${id}`;
}
