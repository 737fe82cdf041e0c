/**
 * The traditional-character site, written by the build after every step has written the simplified one: under
 * site/t/ the same markdown files and data the page fetches, converted (src/core/script.ts). The page reads them
 * by switching Docsify's basePath to `t/` (src/site/script/), so routes, anchors and offsets are the same in both.
 *
 * The glossary is not converted as data but computed again on the traditional chapters from the converted glossary
 * files, so a term's traditional form is matched in the traditional text; its marks must equal the simplified ones
 * (the text is aligned character for character), and the build fails naming the first that does not.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { buildGlossaryIndex, glossaryPage, type GlossaryIndex } from '../../src/core/glossary-index.ts';
import { parseGlossary } from '../../src/core/glossary.ts';
import { entryAnchor } from '../../src/core/glossary-view.ts';
import type { SearchIndex } from '../../src/core/search.ts';
import { chapterText } from '../../src/core/text.ts';
import { entryYears, eraTable, parsedChapters } from './chronicle.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { readGlossaryFiles, ROOT } from './repo.ts';
import { traditional, traditionalChapters } from './traditional.ts';

export const TRADITIONAL_DIR = 't';

function files(dir: string, root: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p, root);
    return [relative(root, p).split(sep).join('/')];
  });
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The glossary index computed on the traditional text (throws if a mark differs from the simplified index). */
export function traditionalGlossary(): GlossaryIndex {
  const t = traditional();
  const simplified = parsedChapters();
  const chapters = traditionalChapters(t);
  const glossaryFiles = readGlossaryFiles().map((f) => ({ file: f.file, text: t.text(f.text, f.file) }));
  const glossary = parseGlossary(glossaryFiles, chapters.map((c) => chapterText(c.chapter)), { citations: false });
  // Year marks are the simplified ones: tests/unit/script.test.ts proves the year parser finds the same on both.
  const years = entryYears();
  const index = buildGlossaryIndex(chapters, glossary, simplified.map((c) => c.yearMarks), simplified.map((c) => years.get(c.route) ?? []));
  // An entry keeps its simplified anchor, so a link to it (search, 「共 N 处」, a switch of script) holds in both.
  const anchors = parseGlossary(readGlossaryFiles(), simplified.map((c) => chapterText(c.chapter)), { citations: false }).entries.map((e) => entryAnchor(e.term));
  index.entries.forEach((e, i) => {
    e.anchor = anchors[i]!;
  });
  return index;
}

export function sameMarks(a: GlossaryIndex, b: GlossaryIndex): string | null {
  for (const route of Object.keys(a.marks)) {
    const x = a.marks[route]!;
    const y = b.marks[route] ?? [];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) {
        const term = (m: typeof x[number] | undefined) => (m ? `${a.entries[m[0]]?.term ?? '?'} at ${m.slice(1).join(':')}` : 'nothing');
        return `${route}: simplified has ${term(x[i])}, traditional ${term(y[i])}`;
      }
    }
  }
  return null;
}

/**
 * The search index of the traditional text: its words converted, and each chapter's paragraphs those of the
 * traditional chapters themselves (positional exceptions included), so a hit's offsets are the page's.
 */
function traditionalSearch(index: SearchIndex, t: ReturnType<typeof traditional>): SearchIndex {
  const converted = t.json(index, 'data/search.json') as SearchIndex;
  const texts = new Map(traditionalChapters(t).map((c) => [c.route, c.chapter.paragraphs.map((p) => p.text)]));
  for (const c of converted.chapters) c.paragraphs = texts.get(c.route) ?? c.paragraphs;
  return converted;
}

export async function writeTraditional(out: string): Promise<void> {
  const t = traditional();
  const dest = join(out, TRADITIONAL_DIR);
  const chapters = new Map(traditionalChapters(t).map((c) => [c.file, c.markdown]));
  const simplifiedIndex = JSON.parse(readFileSync(join(out, 'data/glossary.json'), 'utf8')) as GlossaryIndex;
  const index = traditionalGlossary();
  const fault = sameMarks(simplifiedIndex, index);
  if (fault) throw new Error(`traditional glossary marks differ from the simplified ones: ${fault}`);

  for (const file of files(out, out)) {
    if (/^(vendor|assets)\//.test(file) || file.startsWith(`${TRADITIONAL_DIR}/`)) continue;
    if (file === 'glossary.md') write(join(dest, file), glossaryPage(index, (s) => t.text(s, 'glossary page'), (y) => songYearName(eraTable(), y)));
    else if (file === 'data/glossary.json') write(join(dest, file), JSON.stringify(index));
    else if (chapters.has(file)) write(join(dest, file), chapters.get(file)!);
    else if (file === 'data/search.json') write(join(dest, file), JSON.stringify(traditionalSearch(JSON.parse(readFileSync(join(out, file), 'utf8')) as SearchIndex, t)));
    else if (file.endsWith('.md')) write(join(dest, file), t.text(readFileSync(join(out, file), 'utf8'), file));
    // Other data the page fetches (a step's JSON): every string converted, keys kept.
    else if (file.startsWith('data/') && file.endsWith('.json')) {
      write(join(dest, file), JSON.stringify(t.json(JSON.parse(readFileSync(join(out, file), 'utf8')), file)));
    }
  }
  // The page's own words, the era table and the notes in traditional characters (scripts/gen/traditional.ts).
  write(join(dest, 'data/page.json'), JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'src/generated/traditional.json'), 'utf8'))));
  if (!existsSync(join(dest, '_sidebar.md'))) throw new Error('traditional site: no _sidebar.md');
}
