/**
 * Year expressions of the chronicle: finds them in a paragraph's plain text and resolves each to a Gregorian year,
 * its era and, where a month or day follows, a Julian date. This module is the resolution stage; the words are in
 * year-tokens.ts, what stands at a position (dates, sentence starts) in year-lexer.ts, and what runs on from
 * paragraph to paragraph and file to file (context, documents, anchors, marks) in year-context.ts. Pure (no DOM, no fs): the build, the CLI, the tests
 * and the browser call it alike; the era table and the month table are passed in or imported as data.
 *
 * What is read as what (each rule guards against a trap of the text):
 * - `<era><n>年`, `<era>元年` (n = 一 … 四十; era names longest first, so 建中靖国 is not 建中). An era name shared
 *   by states (大安: Xia 1075–85, Liao 1085–94, Jin 1209–11) is settled by, in order: a state name written just
 *   before it (辽大安三年); whether the era had an n-th year (大安十一年 is only Xia's); a ruler of one state named
 *   earlier in the paragraph (秉常 → Xia); the state the narrative counts in; the year nearest the narrative's.
 * - Bare `<n>年` continues the narrative's era (carried across paragraphs and files), but only at the start of a
 *   sentence (paragraph start or after 。！？；, closing quotes skipped) and followed by a punctuation mark or a
 *   date (`三年，` `二年正月` `五年春`). Elsewhere it is a duration, an age or a count: 在位二十年, 兵连者三年,
 *   我居汉二十年 (岁 in 生三岁, 三岁间 is never a year). Inside 「」 nothing opens an entry (speech).
 * - `岁<干支>` (岁丁未): the first year of that cycle name at or after the narrative's year (1127, not 1067).
 * - `是岁`/`是年` (the narrative's year), `明年`/`翌年`/`次年`/`来年`/`逾年`/`明岁` (the next), at a sentence start.
 * - `翌日`/`明日`/`次日` after a resolved day give the next day; they never move the year by themselves.
 * - Dates: a season, `闰`? month, sexagenary day (`秋七月乙丑`, `闰九月`, `二月`, `冬`) right after a year expression,
 *   or at a clause start later in the same entry (`…。五月，…` `七月坤成节、十二月兴龙节`), resolve against the month
 *   table (calendar.ts) to one day or a range of days.
 *
 * Kinds:
 * - `entry`: a year expression at a sentence start that sets the narrative's year: the chronicle's dated entries.
 *   A restatement of the current year opens another entry of that year (崇宁三年…。三年，辽以成安公主嫁乾顺 —
 *   both 1104; 是岁九月 after 岁丁未). Anchors: `y1104`, `y1104-2`, … numbered across the whole chronicle.
 * - `reference`: a year named in passing, which does not move the narrative: a back-reference (诏自元丰四年用兵所得
 *   城砦 → 1081), a gloss (时建炎元年也), an explicit era year earlier than the narrative's, anything in speech.
 *   A gloss naming the narrative's own year by a newer era of the same state switches the narrative to that era.
 * - `reference` with `summary: true`: an item of a reign summary (改元乾道二年，天赐礼盛国庆五年，大安十一年，天安礼定
 *   一年). There `<era><n>年` counts the era's years, so `eraYear` is n. One stated chronology, the chronicle's
 *   own count, places them: the first era starts where data/eras.tsv starts it and each next era in the year after
 *   the last one ends (`counted`: first and last year), so no year between them is left without an era; `year` is
 *   the era's last year by that count (乾道二年 → 1069, 天赐礼盛国庆五年 → 1074), even where the table, which
 *   follows another authority, differs (it has 乾道 1068, 天赐礼盛国庆 1069–1074: the page says both). The whole
 *   summary is given one state, the one most of its names belong to.
 * - `date`: a month, season or day later in an entry, without a year expression of its own (`五月`, `秋七月乙丑`).
 *
 * Matches: `match`/`offset` are the year expression alone (for `date`, the date text); a date that follows a year
 * expression is `dateMatch`/`dateOffset` (for `date` they equal match/offset), and `date` its resolution:
 * `{ julian: "1086-08-21", gregorian: "1086-08-27" }` for a day, `[first, last]` pairs for a month or a season.
 *
 * Choices: `钦宗即位` (no year expression) opens no entry: the accession fell in 宣和七年十二月 (Jan 1126) and the
 * envoy came for 靖康元年 New Year, so either year would be inference; 1126's first entry is 靖康元年三月.
 * For a sexagenary year or a relative one the era is the narrative state's era in force at that year's end (a
 * change-year goes to the new era: 岁丁未 → 建炎元年, not 靖康二年); `parallel` lists every other era of the year.
 * `era`, `eraYear` and `state` are null only when the narrative's state had no era that year.
 * Anything that cannot be placed (a bare year past its era's end, a leap month the year lacks, a sexagenary year
 * with no year in context) is left out and reported in `warnings`, never guessed.
 */
import { sexagenaryIndex, yearCycle, formatYMD, gregorianFromJdn, julianFromJdn, songCalendar } from './calendar.ts';
import type { LunarCalendar, LunarMonth, DaySpan } from './calendar.ts';
import { STATES, type Era, type EraTable, type State } from './eras.ts';
import { eraYearNumber, eraYearSource, GANZHI, NUM } from './year-tokens.ts';
import { CLAUSE_END, CLOSE_QUOTES, OPEN_QUOTES, clauseStart, readDate, sentenceStart, type ParsedDate } from './year-lexer.ts';
import { parseDocuments, START_CONTEXT, type DocumentInput, type DocumentResult, type YearContext } from './year-context.ts';

export {
  assignAnchors,
  entryAnchor,
  parseDocuments,
  START_CONTEXT,
  yearMarks,
  type DocumentInput,
  type DocumentResult,
  type YearContext,
  type YearMark,
} from './year-context.ts';


export type MentionKind = 'entry' | 'reference' | 'date';

export interface DateValue {
  julian: string | [string, string];
  gregorian: string | [string, string];
}

export interface ParallelEra {
  state: State;
  era: string;
  eraYear: number;
}

export interface YearMention {
  year: number;
  era: string | null;
  eraYear: number | null;
  state: State | null;
  kind: MentionKind;
  /** 0-based paragraph index in its file. */
  paragraph: number;
  /** UTF-16 offset of `match` in the paragraph's plain text. */
  offset: number;
  match: string;
  summary?: true;
  /** A summary item's years by the chronicle's own consecutive count: [first, last]. */
  counted?: [number, number];
  date?: DateValue;
  dateMatch?: string;
  dateOffset?: number;
  /** The Chinese month the mention's date names or continues (none for a season or a year alone). */
  month?: { month: number; leap: boolean };
  /**
   * The other eras of the same year: other states', and the same state's other era in a change-year; where the
   * mention has a month, only the eras in force in that month.
   */
  parallel: ParallelEra[];
}

export interface ParagraphResult {
  mentions: YearMention[];
  ctx: YearContext;
  /** Things a reviewer should look at (a bare year past its era's end, a leap month the table lacks, …). */
  warnings: string[];
}




const MAX_ERA_YEAR = 40;
const SAME_YEAR = new Set(['是岁', '是歲', '是年']);
const NEXT_DAY = new Set(['翌日', '明日', '次日']);
const SURNAMES = ['耶律', '完颜', '完顏', '赵', '趙', '李'];


interface Resolved {
  year: number;
  era: Era | null;
}

export class YearParser {
  private readonly eraRe: RegExp;
  private readonly bareRe = new RegExp(`(元|${NUM})年`, 'y');
  private readonly sexRe = new RegExp(`[岁歲]次?(${GANZHI})`, 'y');
  private readonly relRe = /(是岁|是歲|是年|明年|明岁|明歲|翌年|次年|来年|來年|逾年|翌日|明日|次日)/y;
  private readonly eraStarts: Set<string>;

  constructor(
    private readonly table: EraTable,
    private readonly calendar: LunarCalendar = songCalendar,
  ) {
    const names = table.names();
    this.eraRe = new RegExp(eraYearSource(names), 'y');
    this.eraStarts = new Set(names.map((n) => n[0]!));
  }

  /** Parses files in order, the context running on from each into the next. */
  parseDocuments(docs: readonly DocumentInput[], start: Readonly<YearContext> = START_CONTEXT): DocumentResult[] {
    return parseDocuments(this, docs, start);
  }

  /** Parses one paragraph from `ctx`; returns its mentions and the context for the next paragraph. */
  parseParagraph(text: string, ctx: Readonly<YearContext> = START_CONTEXT, paragraph = 0): ParagraphResult {
    return new ParagraphScan(this, text, { ...ctx }, paragraph).run();
  }


  // ── pieces the scanner uses ─────────────────────────────────────────────────────────────────────────────────

  /** @internal */
  matchAt(re: 'era' | 'bare' | 'sex' | 'rel', text: string, i: number): RegExpExecArray | null {
    if (re === 'era' && !this.eraStarts.has(text[i]!)) return null;
    const r = re === 'era' ? this.eraRe : re === 'bare' ? this.bareRe : re === 'sex' ? this.sexRe : this.relRe;
    r.lastIndex = i;
    return r.exec(text);
  }

  /** @internal */
  get eras(): EraTable {
    return this.table;
  }

  /** @internal */
  get cal(): LunarCalendar {
    return this.calendar;
  }

  /** @internal The era a context names (the one of that name in force nearest its year). */
  contextEra(ctx: YearContext): Era | null {
    if (ctx.era === null || ctx.state === null) return null;
    const cands = this.table.byName(ctx.era).filter((e) => e.state === ctx.state);
    return nearest(cands, ctx.year, (e) => e.first, (e) => e.last) ?? null;
  }

  /** @internal The state's era in force at the end of a year (a change-year goes to the newer era). */
  eraAtYearEnd(state: State, year: number): Era | null {
    return this.table.atYearEnd(year, state);
  }

  /** @internal The other eras of the year, or of its month where the text dates one (month precision). */
  parallel(year: number, own: Era | null, month?: { month: number; leap: boolean } | null): ParallelEra[] {
    return this.table
      .parallel(year, month)
      .filter((p) => !(own && p.era.state === own.state && p.era.name === own.name && p.era.first === own.first))
      .map((p) => ({ state: p.state, era: p.era.name, eraYear: p.eraYear }));
  }
}

/** The candidate whose span is nearest to `year` (0 inside it); ties go to the earlier one. */
function nearest<T>(items: readonly T[], year: number | null, first: (t: T) => number, last: (t: T) => number): T | undefined {
  if (year === null) return items[0];
  let best: T | undefined;
  let bestD = Infinity;
  for (const t of items) {
    const d = year < first(t) ? first(t) - year : year > last(t) ? year - last(t) : 0;
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}

function givenName(rulerName: string): string {
  const s = SURNAMES.find((x) => rulerName.startsWith(x) && rulerName.length > x.length + 1);
  return s ? rulerName.slice(s.length) : rulerName;
}

/** One paragraph's scan: state that lives only while the paragraph is read. */
class ParagraphScan {
  private readonly mentions: YearMention[] = [];
  private readonly warnings: string[] = [];
  private quoteDepth = 0;
  /** Where a reign summary may continue (just after 改元 or after the last summary item), and its state. */
  private summaryAt = -1;
  private summaryState: State | null = null;
  /** The last year the summary's items have counted so far (null before its first item). */
  private summaryLast: number | null = null;

  constructor(
    private readonly p: YearParser,
    private readonly text: string,
    private ctx: YearContext,
    private readonly paragraph: number,
  ) {}

  run(): ParagraphResult {
    const t = this.text;
    let i = 0;
    while (i < t.length) {
      const ch = t[i]!;
      if (OPEN_QUOTES.includes(ch)) this.quoteDepth++;
      else if (CLOSE_QUOTES.includes(ch)) this.quoteDepth = Math.max(0, this.quoteDepth - 1);
      if (t.startsWith('改元', i)) {
        this.summaryAt = i + 2;
        this.summaryState = null;
        this.summaryLast = null;
        i += 2;
        continue;
      }
      const next = this.tryEraYear(i) ?? this.trySexagenary(i) ?? this.tryRelative(i) ?? this.tryBareYear(i) ?? this.tryDate(i);
      i = next ?? i + 1;
    }
    return { mentions: this.mentions, ctx: this.ctx, warnings: this.warnings };
  }

  // ── positions ──────────────────────────────────────────────────────────────────────────────────────────────

  private sentenceStart(i: number): boolean {
    return this.quoteDepth === 0 && sentenceStart(this.text, i);
  }

  private clauseStart(i: number): boolean {
    return this.quoteDepth === 0 && clauseStart(this.text, i);
  }

  private warn(offset: number, message: string): void {
    this.warnings.push(`paragraph ${this.paragraph}, offset ${offset}: ${message}`);
  }

  // ── tokens ─────────────────────────────────────────────────────────────────────────────────────────────────

  private tryEraYear(i: number): number | null {
    const m = this.p.matchAt('era', this.text, i);
    if (!m) return null;
    const end = i + m[0].length;
    const name = m[1]!;
    const n = eraYearNumber(m[2]!);
    if (n === null || n > MAX_ERA_YEAR) return end;

    if (this.inSummary(i)) {
      this.summaryItem(i, m[0], name, n);
      return end;
    }
    const prefix = (STATES as readonly string[]).includes(this.text[i - 1] ?? '') ? (this.text[i - 1] as State) : null;
    const era = this.resolveEra(name, n, i, prefix);
    if (!era) {
      this.warn(i, `${m[0]}: no era ${name} had a year ${n}`);
      return end;
    }
    const year = era.first + n - 1;
    const atStart = this.sentenceStart(prefix ? i - 1 : i);
    const current = this.ctx.year;
    const kind: MentionKind = atStart && (current === null || year >= current) ? 'entry' : 'reference';
    if (kind === 'reference' && current === year && era.state === this.ctx.state && era.name !== this.ctx.era) {
      const now = this.p.contextEra(this.ctx);
      // 时建炎元年也: the narrative's year renamed by the newer era; later bare years count in it.
      if (!now || era.first > now.first) this.setEra(era);
    }
    return this.emit(kind, { year, era }, i, m[0], end);
  }

  private trySexagenary(i: number): number | null {
    const m = this.p.matchAt('sex', this.text, i);
    if (!m) return null;
    const cycle = sexagenaryIndex(m[1]!);
    if (cycle === null) return null;
    const end = i + m[0].length;
    const current = this.ctx.year;
    if (current === null) {
      this.warn(i, `${m[0]}: a sexagenary year needs a year in context`);
      return end;
    }
    const atStart = this.sentenceStart(i);
    const after = current + ((((cycle - yearCycle(current)) % 60) + 60) % 60);
    // An entry goes forward from the narrative's year; a passing mention is the nearest year of that name.
    const year = atStart || after - current <= 30 ? after : after - 60;
    return this.emit(atStart ? 'entry' : 'reference', { year, era: this.eraFor(year) }, i, m[0], end);
  }

  private tryRelative(i: number): number | null {
    const m = this.p.matchAt('rel', this.text, i);
    if (!m) return null;
    const word = m[1]!;
    const end = i + word.length;
    if (NEXT_DAY.has(word)) {
      if (!this.clauseStart(i) || this.ctx.day === null) return end;
      const day = this.ctx.day + 1;
      const lunar = this.p.cal.lunarDate(day);
      if (!lunar) return end;
      if (lunar.year !== this.ctx.year) this.setYear(lunar.year);
      this.ctx.month = lunar.month;
      this.ctx.leap = lunar.leap;
      this.ctx.day = day;
      this.pushDate(i, word, { first: day, last: day }, { month: lunar.month, leap: lunar.leap });
      return end;
    }
    const current = this.ctx.year;
    if (current === null || !this.sentenceStart(i)) return end;
    const year = SAME_YEAR.has(word) ? current : current + 1;
    const now = this.p.contextEra(this.ctx);
    const era = year === current && now && this.p.eras.eraYear(now, year) !== null ? now : this.eraFor(year);
    return this.emit('entry', { year, era }, i, word, end);
  }

  private tryBareYear(i: number): number | null {
    const m = this.p.matchAt('bare', this.text, i);
    if (!m) return null;
    const end = i + m[0].length;
    const n = eraYearNumber(m[1]!);
    if (n === null || n > MAX_ERA_YEAR || !this.sentenceStart(i)) return end;
    const date = readDate(this.text, end);
    const follower = this.text[end] ?? '';
    if (!date && !CLAUSE_END.includes(follower)) return end;
    const era = this.p.contextEra(this.ctx);
    if (!era) {
      this.warn(i, `${m[0]}: a year without an era, and no era in context`);
      return end;
    }
    const year = this.p.eras.toGregorian(era, n);
    if (year === null) {
      this.warn(i, `${m[0]}: ${era.name} (${era.first}–${era.last}) has no year ${n}`);
      return end;
    }
    if (this.ctx.year !== null && year < this.ctx.year) {
      this.warn(i, `${m[0]} = ${year} goes back from ${this.ctx.year}: read as a reference; is an era change missing?`);
      return this.emit('reference', { year, era }, i, m[0], end);
    }
    return this.emit('entry', { year, era }, i, m[0], end);
  }

  private tryDate(i: number): number | null {
    if (!this.clauseStart(i)) return null;
    const date = readDate(this.text, i);
    if (!date) return null;
    // A day alone (乙丑，) dates something only inside a known month; elsewhere it is more likely a name.
    if (date.month === null && date.season === null && this.ctx.month === null) return null;
    const year = this.ctx.year;
    if (year === null) return date.end;
    const match = this.text.slice(date.start, date.end);
    const span = this.resolveDate(date, year, true);
    // The month it falls in: its own, or the month it continues (a day alone); a season names no one month.
    const month = date.month !== null || date.season === null ? this.ctx.month : null;
    if (span) this.pushDate(i, match, span, month === null ? null : { month, leap: this.ctx.leap });
    return date.end;
  }

  // ── reign summaries ────────────────────────────────────────────────────────────────────────────────────────

  private inSummary(i: number): boolean {
    if (this.summaryAt < 0) return false;
    if (i === this.summaryAt) return true;
    return i === this.summaryAt + 1 && '，、'.includes(this.text[this.summaryAt]!);
  }

  private summaryItem(i: number, match: string, name: string, n: number): void {
    if (this.summaryState === null) this.summaryState = this.voteSummaryState(i);
    const cands = this.p.eras.byName(name).filter((e) => this.summaryState === null || e.state === this.summaryState);
    const era = nearest(cands, this.ctx.year, (e) => e.first, (e) => e.last) ?? null;
    this.summaryAt = i + match.length;
    if (!era) {
      this.warn(i, `${match}: ${name} is not an era of ${this.summaryState ?? 'any state'}`);
      return;
    }
    const first = this.summaryLast === null ? era.first : this.summaryLast + 1;
    const year = first + n - 1;
    this.summaryLast = year;
    this.mentions.push({
      ...this.base('reference', { year, era }, i, match),
      eraYear: n,
      summary: true,
      counted: [first, year],
      parallel: this.p.parallel(year, era),
    });
  }

  /** The state most of the summary's era names belong to (乾道 is Song's too, 天赐礼盛国庆 only Xia's). */
  private voteSummaryState(i: number): State | null {
    const votes = new Map<State, number>();
    let j = i;
    for (;;) {
      const m = this.p.matchAt('era', this.text, j);
      if (!m) break;
      for (const s of new Set(this.p.eras.byName(m[1]!).map((e) => e.state))) votes.set(s, (votes.get(s) ?? 0) + 1);
      j += m[0].length;
      if ('，、'.includes(this.text[j] ?? '')) j++;
    }
    let best: State | null = null;
    for (const s of STATES) if ((votes.get(s) ?? 0) > (best === null ? 0 : votes.get(best)!)) best = s;
    return best;
  }

  // ── resolution ─────────────────────────────────────────────────────────────────────────────────────────────

  private resolveEra(name: string, n: number, i: number, prefix: State | null): Era | null {
    let cands = this.p.eras.byName(name);
    if (prefix) {
      const own = cands.filter((e) => e.state === prefix);
      if (own.length > 0) cands = own;
    }
    cands = cands.filter((e) => this.p.eras.toGregorian(e, n) !== null);
    if (cands.length <= 1) return cands[0] ?? null;
    const before = this.text.slice(0, i);
    const named = cands.filter((e) => before.includes(givenName(e.rulerName)) || before.includes(e.rulerTemple));
    const namedStates = new Set(named.map((e) => e.state));
    if (namedStates.size === 1) cands = cands.filter((e) => namedStates.has(e.state));
    const narrative = this.ctx.state ?? '宋';
    const own = cands.filter((e) => e.state === narrative);
    if (own.length > 0) cands = own;
    return nearest(cands, this.ctx.year, (e) => e.first + n - 1, (e) => e.first + n - 1) ?? null;
  }

  private eraFor(year: number): Era | null {
    return this.p.eraAtYearEnd(this.ctx.state ?? '宋', year);
  }


  /** Days of a parsed date in a Chinese year; `narrative` dates also move the context's month and day. */
  private resolveDate(date: ParsedDate, year: number, narrative: boolean): DaySpan | null {
    const cal = this.p.cal;
    const text = this.text.slice(date.start, date.end);
    if (cal.months(year) === null) {
      this.warn(date.start, `${text}: no month table for ${year} (${cal.firstYear}–${cal.lastYear})`);
      return null;
    }
    let month: LunarMonth | null = null;
    if (date.month !== null) {
      month = cal.month(year, date.month, date.leap);
      if (!month) {
        this.warn(date.start, `${text}: ${year} has no ${date.leap ? 'leap ' : ''}month ${date.month} (leap month: ${cal.leapMonth(year)})`);
        return null;
      }
      if (date.season !== null && Math.ceil(date.month / 3) !== '春夏秋冬'.indexOf(date.season) + 1) {
        this.warn(date.start, `${text}: month ${date.month} is not in ${date.season}`);
      }
      if (narrative && this.ctx.year === year && this.ctx.month !== null) {
        const order = (mo: number, lp: boolean) => mo * 2 + (lp ? 1 : 0);
        if (order(date.month, date.leap) < order(this.ctx.month, this.ctx.leap)) {
          this.warn(date.start, `${text}: goes back from month ${this.ctx.leap ? '闰' : ''}${this.ctx.month} of ${year}`);
        }
      }
    } else if (date.season === null && narrative && this.ctx.year === year && this.ctx.month !== null) {
      month = cal.month(year, this.ctx.month, this.ctx.leap);
    }
    let span: DaySpan | null;
    if (date.cycle !== null) {
      if (!month) {
        this.warn(date.start, `${text}: a day without a month`);
        return null;
      }
      const day = cal.dayInMonth(month, date.cycle);
      if (day === null) {
        this.warn(date.start, `${text}: month ${month.leap ? '闰' : ''}${month.month} of ${year} has no such day`);
        return null;
      }
      span = { first: day, last: day };
    } else if (month) {
      span = { first: month.first, last: month.first + month.days - 1 };
    } else {
      span = date.season !== null ? cal.season(year, date.season) : null;
    }
    if (narrative && span) {
      if (month) {
        this.ctx.month = month.month;
        this.ctx.leap = month.leap;
      }
      this.ctx.day = span.first === span.last ? span.first : null;
    }
    return span;
  }

  // ── output ─────────────────────────────────────────────────────────────────────────────────────────────────

  private setEra(era: Era): void {
    this.ctx.state = era.state;
    this.ctx.era = era.name;
  }

  private setYear(year: number): void {
    if (this.ctx.year !== year) {
      this.ctx.month = null;
      this.ctx.leap = false;
      this.ctx.day = null;
    }
    this.ctx.year = year;
  }

  private base(kind: MentionKind, r: Resolved, offset: number, match: string): Omit<YearMention, 'parallel'> {
    const eraYear = r.era ? r.year - r.era.first + 1 : null;
    return {
      year: r.year,
      era: r.era?.name ?? null,
      eraYear,
      state: r.era?.state ?? null,
      kind,
      paragraph: this.paragraph,
      offset,
      match,
    };
  }

  /** Records a year mention, reads a date right after it, and moves the context for an entry. */
  private emit(kind: MentionKind, r: Resolved, offset: number, match: string, end: number): number {
    if (kind === 'entry') {
      if (r.era) this.setEra(r.era);
      this.setYear(r.year);
    }
    const date = readDate(this.text, end);
    const span = date ? this.resolveDate(date, r.year, kind === 'entry') : null;
    const dated = date && span ? { dateMatch: this.text.slice(date.start, date.end), dateOffset: date.start, date: dateValue(span) } : {};
    const month = date && span && date.month !== null ? { month: date.month, leap: date.leap } : null;
    this.mentions.push({
      ...this.base(kind, r, offset, match),
      ...dated,
      ...(month ? { month } : {}),
      parallel: this.p.parallel(r.year, r.era, month),
    });
    return date ? date.end : end;
  }

  private pushDate(offset: number, match: string, span: DaySpan, month: { month: number; leap: boolean } | null): void {
    const year = this.ctx.year!;
    const era = this.p.contextEra(this.ctx);
    const r: Resolved = { year, era: era && this.p.eras.eraYear(era, year) !== null ? era : this.eraFor(year) };
    this.mentions.push({
      ...this.base('date', r, offset, match),
      dateMatch: match,
      dateOffset: offset,
      date: dateValue(span),
      ...(month ? { month } : {}),
      parallel: this.p.parallel(year, r.era, month),
    });
  }
}

function dateValue(span: DaySpan): DateValue {
  const j = (d: number) => formatYMD(julianFromJdn(d));
  const g = (d: number) => formatYMD(gregorianFromJdn(d));
  return span.first === span.last
    ? { julian: j(span.first), gregorian: g(span.first) }
    : { julian: [j(span.first), j(span.last)], gregorian: [g(span.first), g(span.last)] };
}
