/**
 * Does the glossary cover every proper name of the chronicle? Two independent sources of candidates:
 *
 * 1. `data/names.txt`, a list made by reading the chapters (see its header), checked here for staleness: each
 *    name must occur in the text, under the `# <chapter>.md` group where it first appears, in order.
 *    A name is covered when it is exactly a glossary form (term, alias or short form), or when every appearance
 *    of it lies inside a glossary mark: a longer form (都承旨 in 枢密院都承旨) or a pin (<span data-term="金人">金</span>).
 * 2. A heuristic extractor that catches what a reader's list might miss (`heuristicHits`). It proposes a
 *    position, not a word, since Chinese has no word boundaries: a hit is resolved when any known string —
 *    a glossary form, a names.txt name, or a `# not names` entry — overlaps its window (the place rule's last
 *    name character plus suffix, or the person rule's first two characters). Only unresolved hits are reported,
 *    with a guessed form; the reviewer then adds the name to names.txt, or the false positive under
 *    `# not names`, whose strings only ever silence hits and shape first appearances (金帛 is not 金).
 */
import { annotateChapter } from './annotate.ts';
import { DataError, DataErrors } from './data-error.ts';
import { glossaryForms as formsOf, type Glossary } from './glossary.ts';
import type { Mark } from './marks.ts';
import { buildMatcher } from './matcher.ts';
import type { Chapter } from './text.ts';

export interface NameLine {
  name: string;
  /** 1-based line in names.txt. */
  line: number;
  /** The chapter file (`chapters/01-bingchang.md`) of the `# …` group it is under, or null before any group. */
  group: string | null;
}

export interface NamesList {
  names: NameLine[];
  notNames: NameLine[];
}

export interface CoverageChapter {
  /** The chapter's file as group headers in names.txt give it: `chapters/01-bingchang.md`. */
  file: string;
  chapter: Chapter;
}

export interface Missing {
  name: string;
  origin: 'names.txt' | 'heuristic';
  /** Heuristic hits: which rule fired. */
  rule?: HitRule;
  chapter: string;
  paragraph: number;
  start: number;
  /** A few characters either side, the candidate in 【】. */
  context: string;
}

export interface CoverageReport {
  names: number;
  hits: number;
  /** Heuristic hits that neither names.txt nor the glossary nor `# not names` account for. */
  unlisted: number;
  missing: Missing[];
  /** Faults of names.txt itself (malformed, stale or misplaced lines), and chapter markup the glossary cannot read. */
  problems: DataError[];
}

const NOT_NAMES = /^#\s*not names\s*$/i;
const GROUP = /^#\s*(\S+\.md)\b/;

export function parseNamesList(text: string, file = 'data/names.txt'): { list: NamesList; errors: DataError[] } {
  const list: NamesList = { names: [], notNames: [] };
  const errors: DataError[] = [];
  const seen = new Map<string, number>();
  let group: string | null = null;
  let inNotNames = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '') return;
    if (s.startsWith('#')) {
      if (NOT_NAMES.test(s)) inNotNames = true;
      else {
        const g = GROUP.exec(s);
        if (g) {
          group = g[1]!;
          inNotNames = false;
        }
      }
      return;
    }
    if (/\s/.test(s)) {
      errors.push(new DataError(file, line, `one name a line, without spaces: ${JSON.stringify(s)}`));
      return;
    }
    const first = seen.get(s);
    if (first !== undefined) {
      errors.push(new DataError(file, line, `${s} is already listed at line ${first}`));
      return;
    }
    seen.set(s, line);
    (inNotNames ? list.notNames : list.names).push({ name: s, line, group: inNotNames ? null : group });
  });
  return { list, errors };
}

// ---------------------------------------------------------------------------------------------------------------
// The heuristic extractor

export type HitRule = 'place' | 'person';

export interface Hit {
  rule: HitRule;
  /** Window a known string must overlap to resolve the hit (UTF-16 offsets). */
  start: number;
  end: number;
  /** A guess at the name, for the report, and where the guess starts. */
  guess: string;
  guessStart: number;
}

/** Generic words that end place names here: a fort, a town, a prefecture, a circuit, a river, a pass… */
const PLACE_SUFFIX = new Set([...'州砦寨城堡军路川河峡关山峗岔泉']);

/**
 * Characters that do not end a place name before a suffix: numerals and measure words (五砦, 二堡), particles,
 * pronouns and demonstratives (其城, 此城), verbs of movement and war that take a place as object (筑城,
 * 围城, 渡河, 登山), and nouns that make generic compounds with a suffix (城砦, 山峡, 将军). Keeping these out
 * is what makes the rule quiet; a place whose name ends with one of them must be listed in names.txt by hand.
 */
const PLACE_STOP = new Set([
  ...'一二三四五六七八九十百千万两数几余诸各每某',
  ...'之于以其自至及与而为在也者所乃遂即既则亦皆又复还此彼是本我吾汝尔',
  ...'攻围破筑陷入出取得克拔守屯驻过渡登略掠趋捣归据抵向回弃夺领绕城山将',
  ...'中前后左右上下内外东西南北全大小新旧',
]);

/** Titles after which a name follows: 供备库使张楙, 诸将米赟, 监军妹勒都逋, 知军李明. */
const TITLES = ['使', '将', '官', '监军', '统军', '钤辖', '都监', '统制', '首领', '知军', '经略', '帅', '郎'];

/**
 * Surnames common enough to signal a name after a title, with the great families of the Song–Xia wars
 * (种, 折) and the Xia royal clan (嵬名). Characters that are also everyday words here (于, 和, 平, 成, 明, 文,
 * 高, 安, 时, 元, 谢) are left out, and so are the states (夏, 金, 宋, 汉), which follow titles as often as names do.
 */
const SURNAMES = new Set([
  ...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华魏陶姜邹章苏潘葛范彭鲁韦马苗方俞任袁柳鲍',
  ...'史唐费薛雷贺倪汤殷罗毕郝常傅齐康伍顾孟黄穆萧尹姚邵汪毛狄米臧戴谈庞熊纪舒屈项祝董梁杜阮闵席贾',
  ...'童颜郭梅盛林钟徐骆蔡田樊胡凌霍虞卢莫裴陆荣翁荀甄封储焦侯仇栾祖符刘景詹叶黎薄蒲卓蔺屠蒙乔',
  ...'翟谭姬申冉雍桑濮燕冀浦尚温庄晏柴瞿阎慕廖庾耿游种折嵬',
]);

/** A Han character, or 〓, which the chronicle writes for a character of a name that is lost. */
function isHanAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && (cp === 0x3013 || HAN.test(String.fromCodePoint(cp)));
}
const HAN = /^\p{Script=Han}$/u;

/** Start of the code point that ends just before `i`. */
function previousStart(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
}

function nextEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

const titleMatcher = buildMatcher(TITLES);

/**
 * Positions in one paragraph that look like proper names:
 * - place: a suffix of PLACE_SUFFIX after a Han character not in PLACE_STOP (the guess takes up to three such
 *   characters back); window = that last character and the suffix.
 * - person: one of TITLES (longest match) followed by a character of SURNAMES; window = the surname and the
 *   next character; the guess takes up to three Han characters.
 */
export function heuristicHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (let k = 1; k < text.length; k++) {
    if (!PLACE_SUFFIX.has(text[k]!)) continue;
    let start = k;
    for (let n = 0; n < 3 && start > 0; n++) {
      const p = previousStart(text, start);
      if (!isHanAt(text, p) || PLACE_STOP.has(text.slice(p, start))) break;
      start = p;
    }
    if (start === k) continue;
    hits.push({ rule: 'place', start: previousStart(text, k), end: k + 1, guess: text.slice(start, k + 1), guessStart: start });
  }
  for (const t of titleMatcher.findAll(text)) {
    const k = t.end;
    if (k >= text.length || !SURNAMES.has(text[k]!)) continue;
    let end = k;
    for (let n = 0; n < 3 && end < text.length && isHanAt(text, end); n++) end = nextEnd(text, end);
    const window = Math.min(end, nextEnd(text, nextEnd(text, k)));
    hits.push({ rule: 'person', start: k, end: window, guess: text.slice(k, end), guessStart: k });
  }
  return hits.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// The report

function context(text: string, start: number, end: number): string {
  const before = [...text.slice(0, start)].slice(-8).join('').trimStart();
  const after = [...text.slice(end)].slice(0, 8).join('');
  return `${before}【${text.slice(start, end)}】${after}`;
}

/** Uniques in order. */
function unique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].filter((x) => x !== '');
}

/**
 * Every candidate name that the glossary does not cover, and every fault of names.txt. `namesFile` names
 * names.txt in problems.
 */
export function coverage(
  chapters: readonly CoverageChapter[],
  glossary: Glossary,
  names: NamesList,
  namesFile = 'data/names.txt',
): CoverageReport {
  const problems: DataError[] = [];
  const missing: Missing[] = [];
  const glossaryForms = new Set(formsOf(glossary).map((f) => f.form));
  const marks: Mark[][] = chapters.map(({ file, chapter }) => {
    try {
      return annotateChapter(chapter, glossary, [], file);
    } catch (e) {
      if (!(e instanceof DataErrors)) throw e;
      problems.push(...e.errors);
      return [];
    }
  });
  const inMark = (c: number, paragraph: number, start: number, end: number) =>
    marks[c]!.some((m) => m.paragraph === paragraph && m.start <= start && end <= m.end);

  // First appearances, matching names.txt's strings leftmost-longest so that a name inside a longer listed
  // string (夏 in 靖夏城, 金 in 金帛) does not count as an appearance.
  const listed = unique([...names.names, ...names.notNames].map((n) => n.name));
  const listedMatcher = buildMatcher(listed);
  const first = new Map<string, { chapter: number; paragraph: number; start: number; end: number }>();
  // Names with an appearance that no glossary mark contains.
  const unmarked = new Set<string>();
  chapters.forEach(({ chapter }, c) => {
    chapter.paragraphs.forEach((p, paragraph) => {
      for (const m of listedMatcher.findAll(p.text)) {
        if (!first.has(m.form)) first.set(m.form, { chapter: c, paragraph, start: m.start, end: m.end });
        if (!inMark(c, paragraph, m.start, m.end)) unmarked.add(m.form);
      }
    });
  });
  const position = (n: string) => {
    const f = first.get(n);
    return f ? [f.chapter, f.paragraph, f.start] : null;
  };
  const before = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

  let previous: { name: NameLine; at: number[] } | null = null;
  for (const n of names.names) {
    const at = position(n.name);
    if (at === null) {
      problems.push(new DataError(namesFile, n.line, `${n.name} occurs nowhere in the chapters as a name of its own`));
      continue;
    }
    const file = chapters[at[0]!]!.file;
    if (n.group !== null && n.group !== file) {
      problems.push(new DataError(namesFile, n.line, `${n.name} first appears in ${file}, not ${n.group}`));
    } else if (previous && previous.name.group === n.group && before(at, previous.at) < 0) {
      const problem = `${n.name} first appears before ${previous.name.name} (line ${previous.name.line}); keep the order of first appearance`;
      problems.push(new DataError(namesFile, n.line, problem));
    }
    previous = { name: n, at };

    if (!glossaryForms.has(n.name) && unmarked.has(n.name)) {
      const f = first.get(n.name)!;
      const text = chapters[f.chapter]!.chapter.paragraphs[f.paragraph]!.text;
      const context_ = context(text, f.start, f.end);
      missing.push({ name: n.name, origin: 'names.txt', chapter: file, paragraph: f.paragraph, start: f.start, context: context_ });
    }
  }
  for (const n of names.notNames) {
    if (!first.has(n.name)) problems.push(new DataError(namesFile, n.line, `${n.name} (not a name) occurs nowhere in the chapters`));
  }

  // Heuristic hits, each resolved by any known string overlapping its window.
  const knownMatcher = buildMatcher(unique([...glossaryForms, ...listed]));
  const reported = new Set<string>();
  let hits = 0;
  let unlisted = 0;
  chapters.forEach(({ file, chapter }, c) => {
    chapter.paragraphs.forEach((p, paragraph) => {
      const covered = new Uint8Array(p.text.length);
      for (const m of knownMatcher.findOverlapping(p.text)) covered.fill(1, m.start, m.end);
      for (const m of marks[c]!) if (m.paragraph === paragraph) covered.fill(1, m.start, m.end);
      for (const h of heuristicHits(p.text)) {
        hits++;
        if (covered.subarray(h.start, h.end).some((x) => x === 1)) continue;
        unlisted++;
        if (reported.has(h.guess)) continue;
        reported.add(h.guess);
        const start = h.guessStart;
        const context_ = context(p.text, start, start + h.guess.length);
        missing.push({ name: h.guess, origin: 'heuristic', rule: h.rule, chapter: file, paragraph, start, context: context_ });
      }
    });
  });

  return { names: names.names.length, hits, unlisted, missing, problems };
}

/** The report as the CLI prints it: one line a candidate, then a summary line. */
export function formatCoverage(r: CoverageReport): string {
  const lines: string[] = [];
  for (const p of r.problems) lines.push(p.message);
  for (const m of r.missing) {
    const origin = m.origin === 'heuristic' ? `heuristic ${m.rule}` : 'names.txt';
    lines.push(`missing  ${m.name}\t${m.chapter} ¶${m.paragraph}\t${m.context}\t(${origin})`);
  }
  const fromNames = r.missing.filter((m) => m.origin === 'names.txt').length;
  lines.push(
    `coverage: ${r.names} names listed, ${fromNames} without a glossary entry; ` +
      `${r.hits} heuristic hits, ${r.unlisted} unaccounted for (${r.missing.length - fromNames} distinct); ` +
      `${r.problems.length} problems in names.txt`,
  );
  return lines.join('\n');
}
