/**
 * YAML syntax errors as data errors, at the line where a reviewer must look. The `yaml` library places an error
 * where it noticed it, which for a quoted string left open is the end of the file: that one is moved to the line
 * where the quote opens (found in the library's concrete syntax tree).
 */
import { Parser, type LineCounter, type YAMLError } from 'yaml';
import { DataError } from './data-error.ts';

interface Token {
  type?: string;
  offset?: number;
  source?: string;
}

function unterminated(t: Token): boolean {
  const s = t.source ?? '';
  if (t.type === 'double-quoted-scalar') return s.length < 2 || !s.endsWith('"') || /(^|[^\\])(\\\\)*\\"$/.test(s);
  if (t.type === 'single-quoted-scalar') return s.length < 2 || !s.endsWith("'") || /^'(?:[^']|'')*$/.test(s);
  return false;
}

/** Offsets where a quoted scalar opens and is never closed. */
function openQuotes(text: string): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const t = v as Token;
      if (typeof t.offset === 'number' && unterminated(t)) out.push(t.offset);
      for (const x of Object.values(v)) if (x && typeof x === 'object') walk(x);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return out;
}

export function yamlErrors(file: string, text: string, errors: readonly YAMLError[], lines: LineCounter): DataError[] {
  let quotes: number[] | null = null;
  return errors.map((e) => {
    let at = e.pos[0];
    if (e.code === 'MISSING_CHAR' && /closing .?quote/i.test(e.message)) {
      quotes ??= openQuotes(text);
      // The quote that runs on to where the error was noticed: the last one opening before it.
      at = quotes.filter((q) => q <= at).at(-1) ?? at;
    }
    return new DataError(file, lines.linePos(at).line, `YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  });
}
