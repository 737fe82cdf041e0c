/**
 * Eras (年号) of Song, Western Xia, Liao and Jin: the parser of `data/eras.tsv` and a table to look them up.
 *
 * Pure: the caller reads the file and passes its text (the browser bundle inlines it), so nothing here touches
 * the DOM or Node. Years are the Gregorian year in which a Chinese year began (its first month), as era tables
 * give them; a year in which an era was changed belongs to both eras (元祐九年 = 绍圣元年 = 1094).
 */
import { DataError, DataErrors } from './data-error.ts';
import { toChineseNumeral } from './numerals.ts';

export type State = '宋' | '夏' | '辽' | '金';

/** The states in display order. */
export const STATES: readonly State[] = ['宋', '夏', '辽', '金'];

/**
 * The years each state's eras cover, inclusive. Western Xia was proclaimed in 1038, but 元昊 named eras of his
 * own from 1032; Liao counts from 神册 (916), Jin from 收国 (1115) to the fall of 蔡州 (1234).
 */
export const STATE_SPANS: Readonly<Record<State, { first: number; last: number }>> = {
  宋: { first: 960, last: 1279 },
  夏: { first: 1032, last: 1227 },
  辽: { first: 916, last: 1125 },
  金: { first: 1115, last: 1234 },
};

export interface Era {
  state: State;
  /** The era name, 元祐. */
  name: string;
  /** The ruler's temple name (or the title he is known by) as used after the state: 哲宗 (宋哲宗), 天祚帝. */
  rulerTemple: string;
  /** The ruler's personal name: 赵煦. */
  rulerName: string;
  /** First Gregorian year of the era (the year of its first Chinese year). */
  first: number;
  /** Last Gregorian year in which the era name was in use. */
  last: number;
  /** The Chinese month in which the era began, `1`–`12` or `闰9`; null when not known. */
  startMonth: string | null;
  /** Where the row's facts come from. */
  source: string;
  /** Line of the row in its TSV file (0 for eras made in code). */
  line: number;
}

export const ERA_COLUMNS = ['state', 'era', 'ruler_temple', 'ruler_name', 'first', 'last', 'start_month', 'source'] as const;

const HAN = /^\p{Script=Han}+$/u;
const YEAR = /^\d{1,4}$/;
const MONTH = /^闰?(?:[1-9]|1[0-2])$/;

function isState(s: string): s is State {
  return (STATES as readonly string[]).includes(s);
}

/**
 * Parse the era table. Blank lines and lines starting with `#` are skipped; the first other line is the header
 * (`ERA_COLUMNS`, tab-separated). Throws `DataErrors` naming every fault found, each with `file:line`.
 */
export function parseEras(text: string, file: string): Era[] {
  const errors: DataError[] = [];
  const fail = (line: number, problem: string): void => {
    errors.push(new DataError(file, line, problem));
  };
  const eras: Era[] = [];
  const placed: Era[] = [];
  const lines = text.split(/\r?\n/);
  let sawHeader = false;

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (!sawHeader) {
      sawHeader = true;
      if (cells.join('\t') !== ERA_COLUMNS.join('\t')) {
        fail(line, `the header must be the columns ${ERA_COLUMNS.join(', ')} separated by tabs, found "${raw}"`);
      }
      return;
    }
    if (cells.length !== ERA_COLUMNS.length) {
      fail(line, `expected ${ERA_COLUMNS.length} tab-separated columns, found ${cells.length}`);
      return;
    }
    const [state, name, rulerTemple, rulerName, firstText, lastText, monthText, source] = cells as [
      string, string, string, string, string, string, string, string,
    ];
    let ok = true;
    const bad = (problem: string): void => {
      ok = false;
      fail(line, problem);
    };
    if (!isState(state)) bad(`unknown state "${state}" (expected one of ${STATES.join(' ')})`);
    if (name === '') bad('the era name is empty');
    else if (!HAN.test(name)) bad(`the era name "${name}" must be Chinese characters only`);
    if (rulerTemple === '') bad('ruler_temple is empty');
    if (rulerName === '') bad('ruler_name is empty');
    if (source === '') bad('source is empty');
    const first = YEAR.test(firstText) ? Number(firstText) : NaN;
    const last = YEAR.test(lastText) ? Number(lastText) : NaN;
    if (Number.isNaN(first)) bad(`first year "${firstText}" is not an integer`);
    if (Number.isNaN(last)) bad(`last year "${lastText}" is not an integer`);
    if (!Number.isNaN(first) && !Number.isNaN(last)) {
      if (last < first) bad(`the years are reversed: first ${first} is after last ${last}`);
      else if (isState(state)) {
        const span = STATE_SPANS[state];
        if (first < span.first || last > span.last) {
          bad(`${first}–${last} is outside the span of ${state} (${span.first}–${span.last})`);
        }
      }
    }
    if (monthText !== '' && !MONTH.test(monthText)) {
      bad(`start_month "${monthText}" must be empty, 1–12, or 闰 and 1–12 (闰9)`);
    }
    if (!isState(state) || Number.isNaN(first) || Number.isNaN(last) || last < first) return;
    const era: Era = {
      state,
      name,
      rulerTemple,
      rulerName,
      first,
      last,
      startMonth: monthText === '' ? null : monthText,
      source,
      line,
    };
    // A row whose only faults are elsewhere still takes part in the overlap and gap checks, so that one fault
    // does not also show up as a gap.
    placed.push(era);
    if (ok) eras.push(era);
  });

  if (!sawHeader) fail(1, 'no header line (and no eras)');
  if (sawHeader && placed.length === 0 && errors.length === 0) fail(1, 'no eras');

  for (const state of STATES) {
    const rows = sortEras(placed.filter((e) => e.state === state));
    if (rows.length === 0) continue;
    // Same name twice in one state is allowed at different times (Xia 大庆 1036 and 1140), not overlapping.
    const byName = new Map<string, Era[]>();
    for (const era of rows) {
      const same = byName.get(era.name) ?? [];
      for (const other of same) {
        if (era.first <= other.last) {
          fail(era.line, `duplicate era ${state} ${era.name}: also on line ${other.line} with overlapping years`);
        }
      }
      same.push(era);
      byName.set(era.name, same);
    }
    // Overlap: two eras may share their change-year, no more. Gaps: every year of the span has an era.
    const span = STATE_SPANS[state];
    let covered = span.first - 1;
    let latest: Era | null = null;
    for (const era of rows) {
      if (latest !== null && era.first < latest.last) {
        fail(
          era.line,
          `${state} ${era.name} (${era.first}–${era.last}) overlaps ${latest.name} (${latest.first}–${latest.last}, ` +
            `line ${latest.line}) by more than the change-year`,
        );
      }
      // An era changed after 正月 leaves the months before the change to the old era: the change-year is both's.
      if (latest !== null && era.startMonth !== null && era.startMonth !== '1' && latest.last < era.first) {
        fail(
          era.line,
          `${state} ${era.name} began in month ${era.startMonth} of ${era.first}, so ${latest.name} (line ${latest.line}) ` +
            `must run to ${era.first}, not ${latest.last}`,
        );
      }
      if (era.first > covered + 1) {
        fail(era.line, `no ${state} era covers ${yearRange(covered + 1, era.first - 1)} (before ${era.name})`);
      }
      if (latest === null || era.last >= latest.last) latest = era;
      covered = Math.max(covered, era.last);
    }
    if (latest !== null && covered < span.last) {
      fail(latest.line, `no ${state} era covers ${yearRange(covered + 1, span.last)} (after ${latest.name})`);
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    throw new DataErrors(errors);
  }
  return eras;
}

function yearRange(a: number, b: number): string {
  return a === b ? String(a) : `${a}–${b}`;
}

/** State order, then chronological (first year, then last year), then file order. */
function compareEras(a: Era, b: Era): number {
  return STATES.indexOf(a.state) - STATES.indexOf(b.state) || a.first - b.first || a.last - b.last || a.line - b.line;
}

function sortEras(eras: readonly Era[]): Era[] {
  return [...eras].sort(compareEras);
}

/** `元年` for 1, Chinese numerals otherwise: formatEraYear(元祐, 3) = 元祐三年, (大安, 11) = 大安十一年. */
export function formatEraYear(era: Era, n: number): string {
  return `${era.name}${n === 1 ? '元' : toChineseNumeral(n)}年`;
}

/** State, ruler and era year: 宋哲宗元祐三年, 夏崇宗天仪治平三年, 辽天祚帝乾统元年. */
export function formatRulerEraYear(era: Era, n: number): string {
  return `${era.state}${era.rulerTemple}${formatEraYear(era, n)}`;
}

/** A month's place in its year, the leap month right after its month: 9 → 18, 闰9 → 19. */
export function monthOrder(month: number, leap = false): number {
  return month * 2 + (leap ? 1 : 0);
}

/** The order of a start_month cell (`6`, `闰9`). */
function startOrder(startMonth: string): number {
  const leap = startMonth.startsWith('闰');
  return monthOrder(Number(leap ? startMonth.slice(1) : startMonth), leap);
}

export class EraTable {
  /** Every era, in state order (宋 夏 辽 金) and then chronologically. */
  readonly eras: readonly Era[];
  private readonly named = new Map<string, Era[]>();
  private readonly years = new Map<number, Era[]>();
  private readonly longestFirst: string[];
  private readonly spellings = new Map<string, string>();
  private readonly stateSpellings = new Map<string, State>();

  /**
   * `spellings`: the other script's era names, each to this table's (紹聖 → 绍圣 for the simplified table; the
   * reverse for the traditional one), and a state's other spelling, either way round (遼 and 辽: the state keys are
   * the simplified names in both tables). For what a reader types — year links and search — and never for the
   * text, which the parser reads in its own script with its own table.
   */
  constructor(eras: Era[], spellings: Readonly<Record<string, string>> = {}) {
    this.eras = Object.freeze(sortEras(eras));
    const isState = (w: string): w is State => (STATES as readonly string[]).includes(w);
    for (const [from, to] of Object.entries(spellings)) {
      if (isState(to)) this.stateSpellings.set(from, to);
      else if (isState(from)) this.stateSpellings.set(to, from);
      else this.spellings.set(from, to);
    }
    for (const era of this.eras) {
      const same = this.named.get(era.name);
      if (same) same.push(era);
      else this.named.set(era.name, [era]);
      for (let y = era.first; y <= era.last; y++) {
        const inYear = this.years.get(y);
        if (inYear) inYear.push(era);
        else this.years.set(y, [era]);
      }
    }
    this.longestFirst = [...this.named.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** All eras with that name, in state order then chronologically (大安: Xia, Liao and Jin). */
  byName(name: string): Era[] {
    return [...(this.named.get(name) ?? [])];
  }

  /** The eras in use in a Gregorian year (two for a state at its change-year), in state order then chronologically. */
  inYear(year: number, state?: State): Era[] {
    const all = this.years.get(year) ?? [];
    return state === undefined ? [...all] : all.filter((e) => e.state === state);
  }
  /** The state's era in force at the end of a year: a change-year goes to the newer era (1094 → 绍圣). */
  atYearEnd(year: number, state: State): Era | null {
    return this.inYear(year, state).reduce<Era | null>((best, e) => (best === null || e.first > best.first ? e : best), null);
  }


  /**
   * The eras in force in one month of a year (`month` 1–12, `leap` for the leap month): in a change-year the old
   * era holds the months before the new era's start month and the new era the rest, so 元符元年十二月 is not
   * 绍圣五年 and 宣和元年十月 is not 重和二年. Where a start month is not known both eras are kept (no guess).
   */
  inMonth(year: number, month: number, leap = false, state?: State): Era[] {
    const m = monthOrder(month, leap);
    const out: Era[] = [];
    for (const s of state === undefined ? STATES : [state]) {
      const start = (e: Era): number | null => (e.first < year ? -Infinity : e.startMonth === null ? null : startOrder(e.startMonth));
      const eras = this.inYear(year, s).sort((a, b) => a.first - b.first || (start(a) ?? 0) - (start(b) ?? 0));
      eras.forEach((e, i) => {
        const from = start(e);
        const next = eras[i + 1];
        const until = next ? start(next) : null;
        if (from !== null && from > m) return;
        if (until !== null && until <= m) return;
        out.push(e);
      });
    }
    return out;
  }

  /** 1-based year of the era for a Gregorian year; null outside the era. */
  eraYear(era: Era, year: number): number | null {
    if (!Number.isInteger(year) || year < era.first || year > era.last) return null;
    return year - era.first + 1;
  }

  /** The Gregorian year of the era's year n; null when n is not a positive integer or past the era's last year. */
  toGregorian(era: Era, n: number): number | null {
    if (!Number.isInteger(n) || n < 1) return null;
    const year = era.first + n - 1;
    return year > era.last ? null : year;
  }

  /** Distinct era names, longest first (ties in code-point order), so a scanner can take the longest match. */
  names(): string[] {
    return [...this.longestFirst];
  }

  /** What a reader may type for an era: the table's names and their other-script spellings, longest first. */
  typedNames(): string[] {
    const other = [...this.spellings].filter(([, to]) => this.named.has(to)).map(([from]) => from);
    return [...this.longestFirst, ...other].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** What a reader may type for a state: 宋 夏 辽 金 and their other-script spellings (遼). */
  typedStates(): string[] {
    return [...STATES, ...this.stateSpellings.keys()];
  }

  /** A typed era name in this table's script (紹聖 → 绍圣 in the simplified table); any other word as it is. */
  spelled(name: string): string {
    return this.spellings.get(name) ?? name;
  }

  /** The state a typed state name means (遼 → 辽), or null. */
  stateOf(word: string): State | null {
    return (STATES as readonly string[]).includes(word) ? (word as State) : (this.stateSpellings.get(word) ?? null);
  }

  /** Every state's era years for a Gregorian year, 宋 夏 辽 金 order; a state's change-year gives two entries. */
  parallel(year: number, month?: { month: number; leap: boolean } | null): { state: State; era: Era; eraYear: number }[] {
    const eras = month ? this.inMonth(year, month.month, month.leap) : this.inYear(year);
    return eras.map((era) => ({ state: era.state, era, eraYear: year - era.first + 1 }));
  }
}

/**
 * An era as the browser carries it: what the page shows and computes with, without the source citation (which
 * stays in data/eras.tsv, where reviewers read it). [state, name, rulerTemple, rulerName, first, last, startMonth,
 * line].
 */
export type CompactEra = [State, string, string, string, number, number, string | null, number];

export function compactEras(eras: readonly Era[]): CompactEra[] {
  return eras.map((e) => [e.state, e.name, e.rulerTemple, e.rulerName, e.first, e.last, e.startMonth, e.line]);
}

export function expandEras(rows: readonly CompactEra[], file: string): Era[] {
  return rows.map(([state, name, rulerTemple, rulerName, first, last, startMonth, line]) => ({
    state,
    name,
    rulerTemple,
    rulerName,
    first,
    last,
    startMonth,
    source: `${file}:${line}`,
    line,
  }));
}
