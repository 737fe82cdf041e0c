/**
 * `npm run years -- FILE...` — the year expressions of the given files, one JSON object a line on stdout.
 *
 * Other tools rely on this interface; change it only together with them.
 *
 * Input: any number of files, read in the order given; the parser's context (era, year, month) runs on from each
 * file into the next, so `npm run years -- chapters/*.md` reads the chronicle as one text. Relative paths are taken
 * from the directory npm was started in.
 * - A markdown file (`.md`) with a `# ` heading is a chapter: its paragraphs are those of src/core/text.ts
 *   (parseChapter), numbered from 0 after the heading, as plain text.
 * - Any other file, or a markdown file without a `# ` heading: each non-empty line is a paragraph, numbered from 0,
 *   except a line that is only an HTML comment (`<!-- … -->`, as on the seed's first line), which is skipped.
 *
 * Output: for each year expression or relative year found, in file and text order, one line:
 *   {"file":"chapters/02-yuanyou.md","year":1088,"era":"元祐","eraYear":3,"state":"宋","kind":"entry",
 *    "paragraph":2,"offset":2,"match":"三年","dateMatch":"三月","dateOffset":4,
 *    "date":{"julian":["1088-03-26","1088-04-23"],"gregorian":["1088-04-01","1088-04-29"]},
 *    "parallel":[{"state":"夏","era":"天仪治平","eraYear":3},{"state":"辽","era":"大安","eraYear":4}]}
 * Keys come in that order; `summary`, `dateMatch`, `dateOffset`, `date` and `dates` only where they apply.
 * - `file`: the argument as given. `paragraph`: 0-based index in that file. `offset`: UTF-16 offset of `match` in
 *   the paragraph's plain text. `kind`: "entry" (opens a dated entry) or "reference" (a year named in passing;
 *   `"summary":true` on the items of a reign summary, where eraYear is the era's count of years). `era`, `eraYear`,
 *   `state` may be null. `date`, `dateMatch`, `dateOffset` are present when a month, season or day right after the
 *   year was resolved: `julian`/`gregorian` are one ISO date (a day) or a [first, last] pair (a month or season).
 * - `dates` (on an entry): the months, seasons and days named later in that entry (秋七月乙丑 after 元祐元年二月…),
 *   each `{"file","paragraph","offset","match","date"}`, in text order. The full rules are in src/core/years.ts.
 * Warnings (a bare year past its era's end, a leap month the calendar lacks, …) go to stderr as
 * `years: warning: FILE: paragraph N, offset M: …` and do not change the exit status.
 *
 * Exit status: 0 on success; 1, with a message on stderr, when no file is given, a file cannot be read, a chapter's
 * markdown is malformed, or data/eras.tsv has a fault.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChapter, seedParagraphs } from '../src/core/text.ts';
import type { EraTable } from '../src/core/eras.ts';
import { YearParser, type DocumentInput } from '../src/core/years.ts';
import { eraTable } from './lib/chronicle.ts';

function fail(message: string): never {
  process.stderr.write(`years: ${message}\n`);
  process.exit(1);
}

/** Paragraphs of one input file, as the header describes. */
export function inputParagraphs(file: string, text: string): string[] {
  if (/\.(md|markdown)$/i.test(file) && /^# /m.test(text)) return parseChapter(text, file).paragraphs.map((p) => p.text);
  return seedParagraphs(text);
}

function main(args: string[]): void {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    fail('usage: npm run years -- FILE...   (prints the year expressions of the files as JSON lines)');
  }
  const base = process.env['INIT_CWD'] ?? process.cwd();
  // biome-ignore lint/suspicious/useIterableCallbackReturn: fail() never returns
  const docs: DocumentInput[] = args.map((file) => {
    let text: string;
    try {
      text = readFileSync(resolve(base, file), 'utf8');
    } catch (e) {
      fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      return { file, paragraphs: inputParagraphs(file, text) };
    } catch (e) {
      fail((e as Error).message);
    }
  });
  let table: EraTable;
  try {
    table = eraTable();
  } catch (e) {
    fail((e as Error).message);
  }
  const out: Record<string, unknown>[] = [];
  let entry: { dates?: unknown[] } | null = null;
  for (const doc of new YearParser(table).parseDocuments(docs)) {
    for (const w of doc.warnings) process.stderr.write(`years: warning: ${w}\n`);
    for (const m of doc.mentions) {
      if (m.kind === 'date') {
        // A later month or day belongs to the entry it stands in: one line a year expression, as promised.
        if (entry) (entry.dates ??= []).push({ file: doc.file, paragraph: m.paragraph, offset: m.offset, match: m.match, date: m.date });
        continue;
      }
      const line: Record<string, unknown> & { dates?: unknown[] } = { file: doc.file, ...m };
      out.push(line);
      if (m.kind === 'entry') entry = line;
    }
  }
  process.stdout.write(out.length > 0 ? out.map((o) => JSON.stringify(o)).join('\n') + '\n' : '');
}

// Run only as the entry point: the tests import inputParagraphs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
