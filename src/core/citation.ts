/**
 * Citations in the glossary's `sources` (docs/GLOSSARY-FORMAT.md). A reader must be able to find the passage in a
 * minute, so a citation names the work and juan (the 四库本's own juan heading), the 篇 for the standard histories,
 * and for 《长编》, whose juan run to tens of pages, the year and month. The form is checked, not the content: the
 * audit in docs/audit/ records what was read.
 */
import { parseChineseNumeral, toChineseNumeral } from './numerals.ts';

export type Citation =
  | { work: '宋史' | '辽史' | '金史'; juan: number; title: string; gist?: string }
  | { work: '长编'; juan: number; year: string; months: string; gist?: string }
  | { work: '中国历史地图集'; volume: number; gist?: string }
  | { work: '武经总要'; part: '前集' | '后集'; juan: number; gist?: string }
  | { work: string; chapter: string; gist?: string };

/** The juan count of each standard history, so that 卷五百 of 《宋史》 is caught. */
const JUAN_COUNT = { 宋史: 496, 辽史: 116, 金史: 135, 长编: 520 } as const;

const ERA = '(?:治平|熙宁|元丰|元祐|绍圣|元符|建中靖国|崇宁|大观|政和|重和|宣和|靖康|建炎)';
const MONTH = '(?:闰)?(?:正|二|三|四|五|六|七|八|九|十|十一|十二)月';
const HISTORY = /^《(宋史|辽史|金史)》卷([一二三四五六七八九十百零〇]+)《([^《》]+)》$/;
const CHANGBIAN = new RegExp(`^《长编》卷([一二三四五六七八九十百零〇]+)，(${ERA}[元一二三四五六七八九十]+年)(${MONTH}(?:至${MONTH})?)$`);
const ATLAS = '《中国历史地图集》第六册（未核）';
const WUJING = /^《武经总要》(前集|后集)卷([一二三四五六七八九十]+)$/;
/** Pre-Song classics cited by 篇, as a word's meaning is usually sourced (《礼记·曲礼下》). */
const CLASSIC = /^《(礼记|周礼|仪礼|春秋左传|左传|尚书|毛诗|诗经|论语|孟子|周易|史记|汉书|后汉书)·([^《》·]+)》$/;

/** 1 … 999 written as the 四库本 juan headings write them: 卷十八, 卷二百五十三, 卷四百八, 卷四百十. */
export function juanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`juanNumeral: ${n} is not an integer 1–999`);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return toChineseNumeral(rest);
  const head = toChineseNumeral(hundreds) + '百';
  if (rest === 0) return head;
  // Below ten the heading writes the digit straight after 百 (卷四百八); from ten on, 十 stands without 一 (卷四百十).
  return head + toChineseNumeral(rest);
}

function parseJuan(s: string): number | null {
  const m = /^(?:([一二三四五六七八九])百)?(.*)$/.exec(s)!;
  const hundreds = m[1] ? parseChineseNumeral(m[1])! : 0;
  const rest = m[2] === '' ? 0 : parseChineseNumeral(m[2]!);
  if (rest === null || (hundreds === 0 && rest === 0)) return null;
  const n = hundreds * 100 + rest;
  return juanNumeral(n) === s ? n : null;
}

/** Parses one `sources` item: a citation, optionally `：` and what it supports. A string is the problem. */
export function parseCitation(item: string): Citation | string {
  const colon = item.indexOf('：');
  const cite = (colon === -1 ? item : item.slice(0, colon)).trim();
  const gist = colon === -1 ? undefined : item.slice(colon + 1).trim();
  if (gist === '') return 'nothing after 「：」: say what the passage supports, or drop the colon';
  const withGist = <T extends object>(c: T): T & { gist?: string } => (gist === undefined ? c : { ...c, gist });

  if (cite === ATLAS) return withGist({ work: '中国历史地图集' as const, volume: 6 });
  let m = HISTORY.exec(cite);
  if (m) {
    const work = m[1] as '宋史' | '辽史' | '金史';
    const juan = parseJuan(m[2]!);
    if (juan === null) return `卷${m[2]} is not a juan numeral as the 四库本 writes it (卷十八, 卷二百五十三, 卷四百八)`;
    if (juan > JUAN_COUNT[work]) return `《${work}》 has ${JUAN_COUNT[work]} juan, not ${juan}`;
    return withGist({ work, juan, title: m[3]! });
  }
  m = CHANGBIAN.exec(cite);
  if (m) {
    const juan = parseJuan(m[1]!);
    if (juan === null) return `卷${m[1]} is not a juan numeral as the 四库本 writes it (卷三百九十, 卷四百八)`;
    if (juan > JUAN_COUNT.长编) return `《长编》 has ${JUAN_COUNT.长编} juan, not ${juan}`;
    return withGist({ work: '长编' as const, juan, year: m[2]!, months: m[3]! });
  }
  m = WUJING.exec(cite);
  if (m) {
    const juan = parseJuan(m[2]!);
    if (juan === null || juan > 22) return `《武经总要》${m[1]} has 卷一 to 卷二十二`;
    return withGist({ work: '武经总要' as const, part: m[1] as '前集' | '后集', juan });
  }
  m = CLASSIC.exec(cite);
  if (m) return withGist({ work: m[1]!, chapter: m[2]! });
  if (cite.startsWith('《长编》')) return `a 《长编》 citation names juan, year and month: 《长编》卷三百九十，元祐元年十月`;
  if (/^《(宋史|辽史|金史)》/.test(cite)) return `a citation names the juan and its 篇: 《宋史》卷十八《哲宗纪二》`;
  return `not a known citation form (《宋史》卷十八《哲宗纪二》, 《长编》卷三百九十，元祐元年十月, 《武经总要》前集卷十八, 《礼记·曲礼下》, ${ATLAS})`;
}

/**
 * 「事迹不详」 is a claim about every source, so it must say which were searched: 「宋史、长编未见他处记载」
 * (with a parenthesis such as 「（长编徽宗以后已佚）」 allowed before 「未见」).
 */
const SEARCHED = /(?:宋史|长编|辽史|金史)(?:、(?:宋史|长编|辽史|金史))*(?:（[^）]*）)?未见他处记载/;
const UNKNOWN = /事迹不详|仅见于本传/;

/** Problems with what a note claims about the sources themselves. */
export function noteProblems(note: string): string[] {
  const out: string[] = [];
  const searched = SEARCHED.exec(note)?.[0] ?? '';
  if (UNKNOWN.test(note) && !(searched.includes('宋史') && searched.includes('长编'))) {
    out.push('「事迹不详」 or 「仅见于本传」 must say what was searched: 「宋史、长编未见他处记载」');
  }
  return out;
}

/** The citation of a `sources` item without what it supports: the popover has room for the reference only. */
export function citationOf(item: string): string {
  const colon = item.indexOf('：');
  return colon === -1 ? item : item.slice(0, colon);
}

/** What a reader sees after 「据：」: the entry's citations, without their gists. */
export function sourcesLine(sources: readonly string[]): string {
  return sources.map(citationOf).join('；');
}
