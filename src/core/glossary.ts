/**
 * The glossary: people, places, offices, eras, terms (docs/GLOSSARY-FORMAT.md). Parsing is pure — callers read
 * the files — and every fault is collected with its file:line, because an editor fixes a list, not one error
 * per build. The browser never sees YAML: the build writes the glossary index (glossary-index.ts), which the page
 * fetches and checks against its schema (derived.ts).
 */
import { entryAnchor } from './glossary-view.ts';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { yamlErrors } from './yaml-errors.ts';
import { noteProblems, parseCitation } from './citation.ts';
import { DataError, DataErrors } from './data-error.ts';

export { KINDS, type Kind } from './glossary-view.ts';
import { KINDS, type Kind } from './glossary-view.ts';

export interface GlossaryEntry {
  term: string;
  kind: Kind;
  /** Forms that mean this entry wherever they occur. */
  aliases: string[];
  /** Forms that mean this entry only after its term or an alias has been marked earlier in the chapter. */
  short: string[];
  gloss: string;
  note?: string;
  modern?: string;
  /** Citations in the forms of `parseCitation` (./citation.ts), each optionally with what it supports. */
  sources: string[];
}

export interface Glossary {
  /** In file order, then in order within each file. */
  readonly entries: readonly GlossaryEntry[];
  readonly byTerm: ReadonlyMap<string, GlossaryEntry>;
}

/** What the build writes as JSON and the browser loads: entries with empty and absent fields left out. */
export interface GlossaryData {
  version: 1;
  entries: GlossaryEntryData[];
}

export interface GlossaryEntryData {
  term: string;
  /** The entry's id on the glossary page (glossary-view.ts entryAnchor of the simplified term: the same in both scripts). */
  anchor: string;
  kind: Kind;
  gloss: string;
  sources: string[];
  aliases?: string[];
  short?: string[];
  note?: string;
  modern?: string;
}

export interface GlossaryFile {
  /** Names the file in errors, e.g. `data/glossary/people.yaml`. */
  file: string;
  text: string;
}

/** One form of one entry, as the matcher and the annotator see it. */
export interface GlossaryForm {
  form: string;
  /** Index into `glossary.entries`. */
  entry: number;
  short: boolean;
}

const FIELDS = ['term', 'kind', 'aliases', 'short', 'gloss', 'note', 'modern', 'sources'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['term', 'kind', 'gloss', 'sources'];
/** Fields whose text must be one line: a newline would be invisible in the popover and would break a form. */
const ONE_LINE: ReadonlySet<string> = new Set(['term', 'gloss', 'modern']);

export function makeGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const e of entries) if (!byTerm.has(e.term)) byTerm.set(e.term, e);
  return { entries, byTerm };
}

/** Every form of every entry, term first, then aliases, then short forms; a form claimed twice only once. */
export function glossaryForms(g: Glossary): GlossaryForm[] {
  const seen = new Set<string>();
  const out: GlossaryForm[] = [];
  g.entries.forEach((e, entry) => {
    const add = (form: string, short: boolean) => {
      if (form === '' || seen.has(form)) return;
      seen.add(form);
      out.push({ form, entry, short });
    };
    add(e.term, false);
    for (const a of e.aliases) add(a, false);
    for (const s of e.short) add(s, true);
  });
  return out;
}

export function compileGlossary(g: Glossary): GlossaryData {
  return {
    version: 1,
    entries: g.entries.map((e) => {
      const d: GlossaryEntryData = { term: e.term, anchor: entryAnchor(e.term), kind: e.kind, gloss: e.gloss, sources: [...e.sources] };
      if (e.aliases.length) d.aliases = [...e.aliases];
      if (e.short.length) d.short = [...e.short];
      if (e.note) d.note = e.note;
      if (e.modern) d.modern = e.modern;
      return d;
    }),
  };
}


/**
 * Parses and checks the glossary files as one glossary. `chapterTexts` are the chapters' plain texts (for
 * instance each chapter's paragraph texts joined by "\n"), where every term and alias must occur.
 * Throws DataErrors listing every fault.
 */
export function parseGlossary(
  files: readonly GlossaryFile[],
  chapterTexts: readonly string[],
  options: CheckOptions = {},
): Glossary {
  const { glossary, errors } = checkGlossary(files, chapterTexts, options);
  if (errors.length) throw new DataErrors(errors);
  return glossary;
}

/**
 * Like `parseGlossary` but returns the faults instead of throwing. When there are faults the glossary is
 * partial — every entry with a usable term, missing fields left empty, a form claimed twice kept by its first
 * claimant only — which is enough for tools (coverage) that print the faults as well.
 */
export interface CheckOptions {
  /** Check `sources` items against the citation forms and notes' claims about the sources (default true). */
  citations?: boolean;
}

export function checkGlossary(
  files: readonly GlossaryFile[],
  chapterTexts: readonly string[],
  { citations = true }: CheckOptions = {},
): { glossary: Glossary; errors: DataError[] } {
  const errors: { fileIndex: number; error: DataError }[] = [];
  const located: { entry: GlossaryEntry; at: Located }[] = [];

  files.forEach(({ file, text }, fileIndex) => {
    const fault = (line: number, problem: string) => errors.push({ fileIndex, error: new DataError(file, line, problem) });
    for (const { entry, at } of parseFile(file, text, fault, citations)) located.push({ entry, at: { ...at, fileIndex } });
  });

  crossCheck(located, chapterTexts, (at, problem) =>
    errors.push({ fileIndex: at.fileIndex, error: new DataError(at.file, at.line, problem) }),
  );

  errors.sort((a, b) => a.fileIndex - b.fileIndex || a.error.line - b.error.line);
  return { glossary: makeGlossary(located.map((l) => l.entry)), errors: errors.map((e) => e.error) };
}

interface Located {
  file: string;
  fileIndex: number;
  /** Line of the entry, and of each of its form strings (same order as the forms). */
  line: number;
  termLine: number;
  aliasLines: number[];
  shortLines: number[];
}

type Fault = (line: number, problem: string) => void;

function parseFile(
  file: string,
  text: string,
  fault: Fault,
  citations: boolean,
): { entry: GlossaryEntry; at: Omit<Located, 'fileIndex'> }[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined, fallback: number): number =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;

  if (doc.errors.length) {
    for (const e of yamlErrors(file, text, doc.errors, lines)) fault(e.line, e.problem);
    return [];
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  if (!isSeq(root)) {
    fault(lineOf(root, 1), 'a glossary file is a YAML sequence of entries ("- term: …")');
    return [];
  }

  const out: { entry: GlossaryEntry; at: Omit<Located, 'fileIndex'> }[] = [];
  let previousLine = lineOf(root, 1);
  for (const item of root.items) {
    const line = lineOf(item as YamlNode | null, previousLine);
    previousLine = line;
    if (!isMap(item)) {
      fault(line, 'an entry is a mapping of fields (term:, kind:, gloss:, sources:, …)');
      continue;
    }
    const entry: GlossaryEntry = { term: '', kind: 'term', aliases: [], short: [], gloss: '', sources: [] };
    const at = { file, line, termLine: line, aliasLines: [] as number[], shortLines: [] as number[] };
    const seen = new Set<string>();
    let termOk = false;

    for (const pair of item.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyLine = lineOf(keyNode, line);
      const key = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string' || !(FIELDS as readonly string[]).includes(key)) {
        fault(keyLine, `unknown field ${JSON.stringify(isScalar(keyNode) ? keyNode.value : String(keyNode))} (fields: ${FIELDS.join(', ')})`);
        continue;
      }
      const field = key as Field;
      seen.add(field);
      const valueNode = pair.value as YamlNode | null;
      const valueLine = lineOf(valueNode, keyLine);

      if (field === 'aliases' || field === 'short') {
        const list = formList(field, valueNode, valueLine, lineOf, fault);
        entry[field] = list.map((f) => f.form);
        at[field === 'aliases' ? 'aliasLines' : 'shortLines'] = list.map((f) => f.line);
        continue;
      }
      if (field === 'sources') {
        const list = stringList('sources', 'a citation', '《宋史》卷十八《哲宗纪二》', valueNode, valueLine, lineOf, fault);
        for (const { form, line: itemLine } of list) {
          const c = parseCitation(form);
          if (citations && typeof c === 'string') fault(itemLine, `source ${JSON.stringify(form)}: ${c}`);
        }
        if (list.length === 0 && isSeq(valueNode)) fault(valueLine, 'sources is empty: cite at least one passage');
        entry.sources = list.map((f) => f.form);
        continue;
      }
      const value = textValue(field, ONE_LINE.has(field), valueNode, valueLine, fault);
      if (value === null) continue;
      if (field === 'term') {
        entry.term = value;
        at.termLine = valueLine;
        termOk = true;
      } else if (field === 'kind') {
        if ((KINDS as readonly string[]).includes(value)) entry.kind = value as Kind;
        else fault(valueLine, `unknown kind ${JSON.stringify(value)} (kinds: ${KINDS.join(' | ')})`);
      } else {
        entry[field] = value;
        if (field === 'note' && citations) for (const p of noteProblems(value)) fault(valueLine, p);
      }
    }
    for (const field of REQUIRED) if (!seen.has(field)) fault(line, `entry has no ${field}`);
    if (termOk) out.push({ entry, at });
  }
  return out;
}

/** A field's text, trimmed; null (after a fault) when it is not usable text. */
function textValue(field: string, oneLine: boolean, node: YamlNode | null, line: number, fault: Fault): string | null {
  const raw = isScalar(node) ? node.value : node;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    fault(line, `${field} is empty`);
    return null;
  }
  if (typeof raw !== 'string') {
    fault(line, `${field} must be text, not ${isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : typeof raw}`);
    return null;
  }
  const value = raw.trim();
  if (oneLine && value.includes('\n')) {
    fault(line, `${field} must be one line`);
    return null;
  }
  return value;
}

function formList(
  field: 'aliases' | 'short',
  node: YamlNode | null,
  line: number,
  lineOf: (n: YamlNode | null | undefined, fallback: number) => number,
  fault: Fault,
): { form: string; line: number }[] {
  return field === 'aliases'
    ? stringList(field, 'an alias', '熙河经略刘法', node, line, lineOf, fault)
    : stringList(field, 'a short form', '法', node, line, lineOf, fault);
}

/** A YAML list of one-line strings, each with its line. */
function stringList(
  field: string,
  itemName: string,
  example: string,
  node: YamlNode | null,
  line: number,
  lineOf: (n: YamlNode | null | undefined, fallback: number) => number,
  fault: Fault,
): { form: string; line: number }[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    fault(line, `${field} is a list, e.g. [${example}]`);
    return [];
  }
  const out: { form: string; line: number }[] = [];
  for (const item of node.items) {
    const itemLine = lineOf(item as YamlNode | null, line);
    const value = textValue(itemName, true, item as YamlNode | null, itemLine, fault);
    if (value !== null) out.push({ form: value, line: itemLine });
  }
  return out;
}

/** Checks across entries and files; drops forms claimed twice from the later claimant so a matcher can be built. */
function crossCheck(
  located: { entry: GlossaryEntry; at: Located }[],
  chapterTexts: readonly string[],
  fault: (at: Located, problem: string) => void,
): void {
  const terms = new Map<string, Located>();
  const claims = new Map<string, { term: string; at: Located; line: number }>();
  const where = (at: Located, line: number) => `${at.file}:${line}`;
  const occurs = (form: string) => chapterTexts.some((t) => t.includes(form));

  for (const { entry, at } of located) {
    const firstTerm = terms.get(entry.term);
    if (firstTerm) fault({ ...at, line: at.termLine }, `duplicate term ${entry.term} (first at ${where(firstTerm, firstTerm.termLine)})`);
    else terms.set(entry.term, at);

    const keep = (form: string, line: number, kind: 'term' | 'alias' | 'short'): boolean => {
      const here = { ...at, line };
      const claim = claims.get(form);
      if (claim) {
        if (claim.at === at) fault(here, `${form} is listed twice in this entry`);
        else if (!(kind === 'term' && firstTerm)) {
          fault(here, `form ${form} is already claimed by ${claim.term} (${where(claim.at, claim.line)})`);
        }
        return false;
      }
      claims.set(form, { term: entry.term, at, line });
      if (kind !== 'short' && !occurs(form)) fault(here, `${kind} ${form} occurs nowhere in the chapters`);
      return true;
    };

    keep(entry.term, at.termLine, 'term');
    const aliases = entry.aliases.map((f, i) => ({ f, line: at.aliasLines[i]! }));
    const shorts = entry.short.map((f, i) => ({ f, line: at.shortLines[i]! }));
    const keptAliases = aliases.filter(({ f, line }) => keep(f, line, 'alias'));
    const keptShorts = shorts.filter(({ f, line }) => keep(f, line, 'short'));
    entry.aliases = keptAliases.map((a) => a.f);
    entry.short = keptShorts.map((s) => s.f);
    at.aliasLines = keptAliases.map((a) => a.line);
    at.shortLines = keptShorts.map((s) => s.line);
  }
}
