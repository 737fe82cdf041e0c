/**
 * Build step: the search index, data/search.json — every chapter's paragraph texts (the same texts the features
 * decorate, so a hit's offsets are the page's), each year entry's place and name, and the glossary's forms with
 * the anchor of each entry on the glossary page. The page fetches it when the reader first uses the search box.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryAnchor, kindTitle } from '../../src/core/glossary-view.ts';
import { parseGlossary } from '../../src/core/glossary.ts';
import type { SearchIndex } from '../../src/core/search.ts';
import { chapterText } from '../../src/core/text.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { eraTable, parsedChapters } from '../lib/chronicle.ts';
import { readGlossaryFiles } from '../lib/repo.ts';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };

export default async function searchStep({ out }: { root: string; out: string }): Promise<void> {
  const chapters = parsedChapters();
  const table = eraTable();
  const glossary = parseGlossary(readGlossaryFiles(), chapters.map((c) => chapterText(c.chapter)));
  const index: SearchIndex = {
    version: 1,
    chapters: chapters.map((c) => ({
      route: c.route,
      title: c.chapter.title,
      paragraphs: c.chapter.paragraphs.map((p) => p.text),
      years: (yearIndex.chapters.find((y) => y.chapter === c.route)?.entries ?? []).map(
        (e) => [e.paragraph, e.offset, `${songYearName(table, e.year)}（${e.year}）`] as [number, number, string],
      ),
    })),
    glossary: glossary.entries.map((e) => ({
      term: e.term,
      forms: [e.term, ...e.aliases, ...e.short],
      gloss: e.gloss,
      kind: kindTitle(e.kind),
      anchor: entryAnchor(e.term),
    })),
  };
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data/search.json'), JSON.stringify(index));
}
