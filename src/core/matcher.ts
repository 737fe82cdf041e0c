/**
 * Finds every glossary form in a text in one pass: an Aho–Corasick automaton over UTF-16 code units. Hand-written
 * rather than a regex or a library because it stays linear however large the glossary grows, and no maintained
 * package gives leftmost-longest matches with UTF-16 offsets (bench/matcher.bench.ts: ≥ 20× a regex at 10 000 terms).
 *
 * Why code units: offsets everywhere in the project are UTF-16 (see marks.ts), and a well-formed form can never
 * match half of a surrogate pair — its first unit is never a low surrogate and its last never a high one — so
 * code units are safe once `buildMatcher` refuses ill-formed forms (𠼪 is one form character, two units).
 *
 * Why the automaton runs backwards: leftmost-longest, non-overlapping matching needs, for each start position,
 * the longest form that starts there. An automaton over the *reversed* forms, fed the text from its end, is in
 * a state whose nearest output is exactly that form (a suffix of the reversed text read so far is a prefix of
 * the text from the current position). One backward pass records it for every position; one forward pass then
 * picks greedily. Both passes are linear in the text whatever the number or length of the forms (failure links
 * are amortised as usual: each step down a failure link undoes one step of depth gained earlier), unlike the
 * classic forward leftmost automaton, which rescans up to a form's length after each match. Only refusals by an
 * `Accept` callback, and `findOverlapping`, cost more: one step per candidate offered.
 */

export interface Match {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  form: string;
  /** Index of the form in the array given to `buildMatcher`. */
  index: number;
}

/**
 * Decides whether a candidate becomes a match. Called in text order; for one start position, with that
 * position's candidates from the longest down, until one is accepted. A call that returns true is a match.
 */
export type Accept = (index: number, start: number, end: number) => boolean;

export interface Matcher {
  readonly forms: readonly string[];
  /** Leftmost-longest, non-overlapping matches, in text order. */
  findAll(text: string, accept?: Accept): Match[];
  /** Every occurrence of every form, overlapping ones too, by start and then longest first. */
  findOverlapping(text: string): Match[];
}

const ROOT = 0;
/** States with more edges than this find them by hashing rather than by scanning. */
const WIDE = 8;

/** True when `s` has no lone surrogate. (String.prototype.isWellFormed is ES2024, past this project's lib.) */
export function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * Goto transitions of the wide states (more than WIDE edges) in one open-addressing table, far smaller and
 * faster than a Map per state. Narrow states, nearly all of them, scan their few edges; the root, where a
 * search spends most of its time in sparse text, has a direct 64K table.
 */
class EdgeTable {
  private readonly mask: number;
  private readonly keyState: Int32Array;
  private readonly keyUnit: Uint16Array;
  private readonly target: Int32Array;

  constructor(edges: number) {
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.mask = size - 1;
    this.keyState = new Int32Array(size).fill(-1);
    this.keyUnit = new Uint16Array(size);
    this.target = new Int32Array(size);
  }

  private slot(state: number, unit: number): number {
    const h = Math.imul(state, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
    return (h ^ (h >>> 16)) & this.mask;
  }

  set(state: number, unit: number, to: number): void {
    let i = this.slot(state, unit);
    while (this.keyState[i] !== -1) i = (i + 1) & this.mask;
    this.keyState[i] = state;
    this.keyUnit[i] = unit;
    this.target[i] = to;
  }

  /** The target state, or -1. */
  get(state: number, unit: number): number {
    const keyState = this.keyState;
    let i = this.slot(state, unit);
    for (;;) {
      const k = keyState[i]!;
      if (k === -1) return -1;
      if (k === state && this.keyUnit[i] === unit) return this.target[i]!;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Builds the automaton in time linear in the total length of the forms. Throws RangeError on an empty,
 * ill-formed (lone surrogate) or repeated form: each is a caller's bug, and a repeat would make `index` ambiguous.
 */
export function buildMatcher(forms: readonly string[]): Matcher {
  const children: Map<number, number>[] = [new Map()];
  const depth: number[] = [0];
  const formAt: number[] = [-1];
  for (let f = 0; f < forms.length; f++) {
    const form = forms[f]!;
    if (form.length === 0) throw new RangeError(`buildMatcher: form ${f} is empty`);
    if (!isWellFormed(form)) throw new RangeError(`buildMatcher: form ${f} (${JSON.stringify(form)}) has a lone surrogate`);
    let s = ROOT;
    for (let i = form.length - 1; i >= 0; i--) {
      const c = form.charCodeAt(i);
      let t = children[s]!.get(c);
      if (t === undefined) {
        t = depth.length;
        children[s]!.set(c, t);
        children.push(new Map());
        depth.push(depth[s]! + 1);
        formAt.push(-1);
      }
      s = t;
    }
    if (formAt[s] !== -1) {
      throw new RangeError(`buildMatcher: form ${f} (${JSON.stringify(form)}) repeats form ${formAt[s]}`);
    }
    formAt[s] = f;
  }

  const states = depth.length;
  const fail = new Int32Array(states);
  // Nearest state on the failure chain (itself included) that completes a form, or -1: the chain of outputs.
  const output = new Int32Array(states).fill(-1);
  const rootNext = new Int32Array(0x10000); // ROOT (0) where the root has no edge: the root loops to itself
  // Other states' edges, contiguous per state (most states have one or two: a short scan beats hashing), and
  // the edges of the few wide states also in a hash table.
  const edgeStart = new Int32Array(states);
  const edgeEnd = new Int32Array(states);
  const edgeUnit = new Uint16Array(states);
  const edgeTarget = new Int32Array(states);
  let wideEdges = 0;
  for (let s = 1; s < states; s++) if (children[s]!.size > WIDE) wideEdges += children[s]!.size;
  const wide = new EdgeTable(wideEdges);
  let edgeCount = 0;

  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (const [c, t] of children[ROOT]!) {
    rootNext[c] = t;
    fail[t] = ROOT;
    queue[tail++] = t;
  }
  while (head < tail) {
    const s = queue[head++]!;
    output[s] = formAt[s]! >= 0 ? s : output[fail[s]!]!;
    edgeStart[s] = edgeCount;
    const isWide = children[s]!.size > WIDE;
    for (const [c, t] of children[s]!) {
      edgeUnit[edgeCount] = c;
      edgeTarget[edgeCount++] = t;
      if (isWide) wide.set(s, c, t);
      let f = fail[s]!;
      let next = -1;
      for (;;) {
        next = f === ROOT ? rootNext[c]! : (children[f]!.get(c) ?? -1);
        if (next >= 0 || f === ROOT) break;
        f = fail[f]!;
      }
      fail[t] = next > 0 ? next : ROOT;
      queue[tail++] = t;
    }
    edgeEnd[s] = edgeCount;
  }

  const formIndex = Int32Array.from(formAt);
  const depths = Int32Array.from(depth);
  const formList = forms.slice();

  /** For every position, the state that ends the longest form starting there (or -1). */
  function longestAt(text: string): Int32Array {
    const n = text.length;
    const best = new Int32Array(n);
    let s = ROOT;
    for (let i = n - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (s === ROOT) {
          s = rootNext[c]!;
          break;
        }
        const from = edgeStart[s]!;
        const to = edgeEnd[s]!;
        let t = -1;
        if (to - from > WIDE) t = wide.get(s, c);
        else {
          for (let e = from; e < to; e++) {
            if (edgeUnit[e] === c) {
              t = edgeTarget[e]!;
              break;
            }
          }
        }
        if (t >= 0) {
          s = t;
          break;
        }
        s = fail[s]!;
      }
      best[i] = output[s]!;
    }
    return best;
  }

  return {
    forms: formList,
    findAll(text: string, accept?: Accept): Match[] {
      const best = longestAt(text);
      const out: Match[] = [];
      const n = text.length;
      let i = 0;
      next: while (i < n) {
        for (let o = best[i]!; o >= 0; o = output[fail[o]!]!) {
          const index = formIndex[o]!;
          const end = i + depths[o]!;
          if (accept === undefined || accept(index, i, end)) {
            out.push({ start: i, end, form: formList[index]!, index });
            i = end;
            continue next;
          }
        }
        i++;
      }
      return out;
    },
    findOverlapping(text: string): Match[] {
      const best = longestAt(text);
      const out: Match[] = [];
      for (let i = 0; i < text.length; i++) {
        for (let o = best[i]!; o >= 0; o = output[fail[o]!]!) {
          const index = formIndex[o]!;
          out.push({ start: i, end: i + depths[o]!, form: formList[index]!, index });
        }
      }
      return out;
    },
  };
}
