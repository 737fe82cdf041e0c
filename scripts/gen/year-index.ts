/**
 * src/generated/year-index.json: where each Gregorian year's entries are, and what the page needs to find year
 * expressions in one chapter without reading the ones before it.
 *
 * {
 *   "chapters": [{ "chapter": "chapters/02-yuanyou",
 *                  "start": <YearContext at the chapter's first paragraph: pass it to YearParser.parseParagraph>,
 *                  "entries": [{ "paragraph": 2, "offset": 2, "end": 4, "year": 1088, "anchor": "y1088" }, …] }, …],
 *   "years": [{ "year": 1088, "chapter": "chapters/02-yuanyou", "anchor": "y1088",
 *               "entries": [{ "chapter": …, "anchor": "y1088" }, …] }, …]
 * }
 * `years` is in year order; its `chapter`/`anchor` are the year's first entry, `entries` all of them in text order.
 * Entry anchors are numbered across the whole chronicle (y1086 in chapter 01, y1086-2 in chapter 02), so an anchor
 * names one entry. `offset`/`end` bound the year expression (UTF-16, paragraph plain text).
 */
import { assignAnchors, type YearContext } from '../../src/core/years.ts';
import { parsedChapters } from '../lib/chronicle.ts';

interface EntryMark {
  paragraph: number;
  offset: number;
  end: number;
  year: number;
  anchor: string;
}

export function yearIndex(): { chapters: { chapter: string; start: YearContext; entries: EntryMark[] }[]; years: { year: number; chapter: string; anchor: string; entries: { chapter: string; anchor: string }[] }[] } {
  const docs = parsedChapters().map((c) => c.years);
  for (const w of docs.flatMap((d) => d.warnings)) console.warn(`year-index: warning: ${w}`);
  const anchors = assignAnchors(docs);
  const byYear = new Map<number, { chapter: string; anchor: string }[]>();
  const out = docs.map((d, i) => {
    const entries: EntryMark[] = [];
    d.mentions.forEach((m, k) => {
      const anchor = anchors[i]![k];
      if (!anchor) return;
      entries.push({ paragraph: m.paragraph, offset: m.offset, end: m.offset + m.match.length, year: m.year, anchor });
      const list = byYear.get(m.year) ?? [];
      list.push({ chapter: d.file, anchor });
      byYear.set(m.year, list);
    });
    return { chapter: d.file, start: d.start, entries };
  });
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, entries]) => ({ year, chapter: entries[0]!.chapter, anchor: entries[0]!.anchor, entries }));
  return { chapters: out, years };
}

export default async function yearIndexGenerator() {
  const { chapters, years } = yearIndex();
  const J = (v: unknown) => JSON.stringify(v);
  const list = (items: string[], indent: string) => items.map((s, i) => `${indent}${s}${i < items.length - 1 ? ',' : ''}`);
  // One object a line: small diffs when a chapter changes, and still plain JSON.
  const lines = [
    '{',
    ' "chapters": [',
    ...list(
      chapters.map((c) => [`{"chapter": ${J(c.chapter)}, "start": ${J(c.start)}, "entries": [`, ...list(c.entries.map(J), '   '), '  ]}'].join('\n')),
      '  ',
    ),
    ' ],',
    ' "years": [',
    ...list(years.map(J), '  '),
    ' ]',
    '}',
  ];
  return [{ path: 'src/generated/year-index.json', content: lines.join('\n') + '\n' }];
}
