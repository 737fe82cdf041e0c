/**
 * What the site needs of the glossary, computed once by the build: the entries, every chapter's marks, and each
 * entry's occurrences (for "other places" in a note and for the glossary page). The browser only wraps ranges.
 */
import type { Chapter } from './text.ts';
import type { Mark } from './marks.ts';
import { annotateChapter } from './annotate.ts';
import { compileGlossary, type Glossary } from './glossary.ts';
import { KIND_ORDER, kindTitle, placeLabel, termAnchor, type GlossaryIndex } from './glossary-view.ts';
import { entryAt, snippetAt } from './search.ts';

export { entryAnchor, KIND_ORDER, kindTitle, termAnchor, type CompactMark, type GlossaryIndex } from './glossary-view.ts';

/**
 * The words around an occurrence, to tell one place from another in a list of links: its clause, cut at clause
 * marks as search results are (never mid-phrase), without the paragraph's indentation.
 */
export function contextAt(text: string, start: number, end: number): string {
  const s = snippetAt(text, start, end);
  return s.before + s.match + s.after;
}

/**
 * `years`, by chapter: [paragraph, offset, year] of each dated entry in reading order (the year index), so that
 * each occurrence says in which year it stands.
 */
export function buildGlossaryIndex(
  chapters: readonly { route: string; chapter: Chapter; file: string }[],
  glossary: Glossary,
  exclude: readonly (readonly Mark[])[],
  years: readonly (readonly (readonly [number, number, number])[])[] = [],
): GlossaryIndex {
  const entryIndex = new Map(glossary.entries.map((e, i) => [e.term, i]));
  const index: GlossaryIndex = {
    entries: compileGlossary(glossary).entries,
    routes: chapters.map((c) => c.route),
    marks: {},
    occurrences: glossary.entries.map(() => []),
  };
  chapters.forEach(({ route, chapter, file }, ci) => {
    const marks = annotateChapter(chapter, glossary, exclude[ci] ?? [], file);
    index.marks[route] = marks.map((m) => {
      const e = entryIndex.get(m.term)!;
      const text = chapter.paragraphs[m.paragraph]!.text;
      index.occurrences[e]!.push([ci, m.paragraph, m.start, contextAt(text, m.start, m.end), entryAt(years[ci] ?? [], m.paragraph, m.start)]);
      return [e, m.paragraph, m.start, m.end];
    });
  });
  return index;
}

/**
 * The glossary page as markdown: every entry by kind, with its gloss and its occurrences as links. Entry text is
 * the project's own reviewed data, but it is still escaped: the page is markdown, and markdown passes HTML on.
 * `words` converts the page's own words (the traditional page passes the text's converter).
 */
export function glossaryPage(
  index: GlossaryIndex,
  words: (s: string) => string = (s) => s,
  yearName: (year: number) => string = String,
): string {
  const esc = (s: string) => s.replace(/[\\`*_[\]<>&|#]/g, (c) => `\\${c}`);
  const lines = [
    words('# 注释索引'),
    '',
    words(`全书注释 ${index.entries.length} 条，按类别排列；每条之后是它在正文中出现的地方，点击即到。`),
    '',
  ];
  for (const kind of KIND_ORDER) {
    const entries = index.entries.map((e, i) => ({ e, i })).filter(({ e }) => e.kind === kind);
    if (!entries.length) continue;
    lines.push(`## ${words(kindTitle(kind))}`, '');
    for (const { e, i } of entries) {
      const where = index.occurrences[i]!.map(
        ([r, p, s, context, year]) =>
          `${esc(words(placeLabel(r, year, yearName)))}：[${esc(context)}](${index.routes[r]}.md?id=${termAnchor(p, s)})`,
      );
      const forms = [...(e.aliases ?? []), ...(e.short ?? [])];
      const also = forms.length ? `${words('（又作')}${forms.map(esc).join('、')}）` : '';
      lines.push(`- <span id="${e.anchor}"></span>**${esc(e.term)}**${also}：${esc(e.gloss)}${where.length ? `<br>${words('见：')}${where.join('　')}` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
