/**
 * The glossary matcher against the naive ways of finding terms, on a synthetic 10 000-term glossary (random
 * 2–4 character CJK terms from a seeded PRNG, plus the real glossary's forms) and synthetic texts sprinkled
 * with its terms. All three compute the same thing — leftmost-longest, non-overlapping matches — and the bench
 * checks that they agree before it times them.
 */
import { performance } from 'node:perf_hooks';
import { checkGlossary, glossaryForms } from '../src/core/glossary.ts';
import { buildMatcher } from '../src/core/matcher.ts';
import { readGlossaryFiles } from '../scripts/lib/repo.ts';
import { median } from './lib.ts';
import { prng } from '../tests/support/prng.ts';

const TERMS = 10_000;
const MB = 1 << 20; // UTF-16 code units: what the matcher walks and what the offsets count
const GOAL = 20;


function cjk(random: () => number): string {
  return String.fromCharCode(0x4e00 + Math.floor(random() * (0x9fa5 - 0x4e00)));
}

function syntheticForms(random: () => number, real: readonly string[]): string[] {
  const forms = new Set(real);
  while (forms.size < TERMS) {
    const n = 2 + Math.floor(random() * 3);
    let t = '';
    for (let i = 0; i < n; i++) t += cjk(random);
    forms.add(t);
  }
  return [...forms];
}

/** Text of `length` code units: random characters and punctuation, a glossary form every ~12 characters. */
function syntheticText(random: () => number, forms: readonly string[], length: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const r = random();
    const piece = r < 0.08 ? forms[Math.floor(random() * forms.length)]! : r < 0.15 ? '，' : cjk(random);
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Found = [number, number][];

/** One regex per form, then the overlaps resolved leftmost-longest: what one writes first. */
function perTermRegex(regexes: readonly RegExp[], text: string): Found {
  const all: Found = [];
  for (const re of regexes) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) all.push([m.index, m.index + m[0].length]);
  }
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Found = [];
  let end = 0;
  for (const m of all) {
    if (m[0] >= end) {
      out.push(m);
      end = m[1];
    }
  }
  return out;
}

/** One alternation, longest forms first, so that JavaScript's leftmost-first is leftmost-longest. */
function alternation(re: RegExp, text: string): Found {
  const out: Found = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)).padStart(9) + ' ms';

export default async function run(): Promise<void> {
  const began = performance.now();
  let real: string[] = [];
  try {
    // A partial or faulty glossary still has forms worth including; the faults are the build's business.
    real = glossaryForms(checkGlossary(readGlossaryFiles(), []).glossary).map((f) => f.form);
  } catch {
    real = [];
  }
  const random = prng(0x5eed);
  const forms = syntheticForms(random, real);
  const texts = new Map([0.25, 0.5, 1, 2].map((mb) => [mb, syntheticText(random, forms, mb * MB)]));
  const oneMB = texts.get(1)!;
  console.log(`${forms.length} forms (${real.length} from data/glossary), texts of 0.25–2 Mi UTF-16 code units`);

  const build = time(5, () => buildMatcher(forms));
  const matcher = build.result;
  const totalLength = forms.reduce((n, f) => n + f.length, 0);
  console.log(`build automaton            ${fmt(build.ms)}  (${totalLength} code units of forms)`);

  const auto = time(7, () => matcher.findAll(oneMB));

  // The naive ways are slow enough to be timed on a slice and scaled: both are linear in the text for a fixed
  // glossary (each regex scans the whole text; the alternation tries its branches at each position), so the
  // slice's time × (1 Mi / slice) is their 1 Mi time. The alternation needs the thinner slice to stay in budget.
  const PER_TERM_SLICE = 16;
  const ALTERNATION_SLICE = 256;
  const regexes = forms.map((f) => new RegExp(escapeRegExp(f), 'g'));
  const perTermText = oneMB.slice(0, MB / PER_TERM_SLICE);
  const perTerm = time(3, () => perTermRegex(regexes, perTermText));
  const perTermMs = perTerm.ms * PER_TERM_SLICE;

  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const big = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  const bigT0 = performance.now();
  alternation(big, '一'); // V8 compiles a regex on its first use: keep that out of the timing
  const bigCompile = performance.now() - bigT0;
  const altText = oneMB.slice(0, MB / ALTERNATION_SLICE);
  const alt = time(3, () => alternation(big, altText));
  const altMs = alt.ms * ALTERNATION_SLICE;

  const agree = (text: string, other: Found) => {
    const a = matcher.findAll(text);
    return a.length === other.length && a.every((m, i) => m.start === other[i]![0] && m.end === other[i]![1]);
  };
  const same = agree(perTermText, perTerm.result) && agree(altText, alt.result);
  console.log(`same matches as both regex ways on their slices: ${same ? 'yes' : 'NO'} (${auto.result.length} matches in 1 Mi)`);

  console.log('\nmatching 1 Mi code units (median):');
  console.log(`  automaton                ${fmt(auto.ms)}`);
  console.log(`  one regex per term       ${fmt(perTermMs)}  (1/${PER_TERM_SLICE} slice × ${PER_TERM_SLICE})   ratio ${(perTermMs / auto.ms).toFixed(0)}×  (goal ≥ ${GOAL}×)`);
  console.log(`  one alternation regex    ${fmt(altMs)}  (1/${ALTERNATION_SLICE} slice × ${ALTERNATION_SLICE})  ratio ${(altMs / auto.ms).toFixed(0)}×  (goal ≥ ${GOAL}×; compiling it took ${bigCompile.toFixed(0)} ms)`);

  console.log('\nautomaton by text size (median of 7):');
  for (const [mb, text] of texts) {
    const t = time(7, () => matcher.findAll(text));
    console.log(`  ${String(mb).padStart(4)} Mi  ${fmt(t.ms)}  ${((t.ms * 1e6) / text.length).toFixed(1).padStart(6)} ns/code unit`);
  }
  console.log(`\n(bench took ${((performance.now() - began) / 1000).toFixed(1)} s)`);
}
