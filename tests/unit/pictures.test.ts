import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { DataErrors } from '../../src/core/data-error.ts';
import { kindsOf, parseEventKinds, parseRegencies } from '../../src/core/event-kinds.ts';
import { isLocated, parseGeoPlaces, parseHolders, REGION, type GlossaryPlace } from '../../src/core/geo.ts';
import { placeLabels, spread } from '../../src/core/map.ts';
import { clauseAround, firstClause, gregorianText, timeOf } from '../../src/core/pictures-text.ts';
import { datedPassages, timelineMarks } from '../../src/core/timeline.ts';
import { assignAnchors } from '../../src/core/years.ts';
import { parsedChapters } from '../../scripts/lib/chronicle.ts';
import { read } from '../../scripts/lib/repo.ts';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };

const glossaryPlaces: GlossaryPlace[] = (parse(read('data/glossary/places.yaml')) as { term: string; sources: string[] }[]).map((e) => ({
  term: e.term,
  sources: e.sources,
}));
const chronicle = parsedChapters()
  .map((c) => c.chapter.paragraphs.map((p) => p.text).join('\n'))
  .join('\n');

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

test('geo: every coordinate lies in the frontier region (33–43°N, 100–115°E) and names its source record', () => {
  // Read the file as plain YAML as well, so this holds even if the parser's own region check were dropped.
  const raw = parse(read('data/geo/places.yaml')) as Record<string, unknown>[];
  const located = raw.filter((p) => 'lat' in p);
  assert.ok(located.length >= 25, `${located.length} located places`);
  for (const p of located) {
    const { term, lat, lon, source } = p as { term: string; lat: number; lon: number; source: string };
    assert.ok(lat >= 33 && lat <= 43, `${term}: lat ${lat}`);
    assert.ok(lon >= 100 && lon <= 115, `${term}: lon ${lon}`);
    assert.match(source, /^CHGIS hvd_\d+ \S+（\d{3,4}(—\d{3,4})?）/u, `${term}: source "${source}"`);
    assert.equal(typeof (p as { approximate?: unknown }).approximate, 'boolean', `${term}: approximate must be said`);
  }
  for (const p of raw.filter((x) => !('lat' in x))) assert.ok(String(p['unlocated'] ?? '').length > 2, `${String(p['term'])}: no reason`);
});

test('geo: every glossary place is located or unlocated exactly once', () => {
  const places = parseGeoPlaces(read('data/geo/places.yaml'), 'data/geo/places.yaml', glossaryPlaces);
  assert.deepEqual(places.map((p) => p.term).sort(), glossaryPlaces.map((p) => p.term).sort());
  const lanzhou = places.find((p) => p.term === '兰州');
  assert.ok(lanzhou && isLocated(lanzhou) && !lanzhou.approximate && Math.abs(lanzhou.lat - 36.05) < 0.1);
});

test('geo: faults are named at file:line', () => {
  const one: GlossaryPlace[] = [{ term: '兰州', sources: ['《宋史》卷十六《神宗纪三》：复兰州'] }];
  const good = '- { term: 兰州, lat: 36.04703, lon: 103.84714, site: 今甘肃兰州市, approximate: false, source: CHGIS hvd_70158 蘭州（1081—1369） }\n';
  assert.deepEqual(
    errorsOf(() => parseGeoPlaces(good, 'g.yaml', one)),
    [],
  );
  assert.deepEqual(
    errorsOf(() => parseGeoPlaces(good.replace('lat: 36.04703', 'lat: 46.04703'), 'g.yaml', one)),
    [`g.yaml:1: lat 46.04703 is outside ${REGION.south}–${REGION.north}°N`],
  );
  const missingSource = `# a comment\n- term: 兰州\n  lat: 36\n  lon: 103.8\n  site: 今兰州\n  approximate: false\n  source: 据说\n`;
  assert.match(errorsOf(() => parseGeoPlaces(missingSource, 'g.yaml', one))[0]!, /^g\.yaml:7: "source": must name its CHGIS record/);
  assert.deepEqual(
    errorsOf(() => parseGeoPlaces(good.replace(' }', ', modren: 兰州 }'), 'g.yaml', one)),
    ['g.yaml:1: unknown field "modren"'],
  );
  assert.deepEqual(
    errorsOf(() => parseGeoPlaces('', 'g.yaml', one)),
    ['g.yaml:1: glossary place "兰州" is neither located nor unlocated here'],
  );
  const holders = '- term: 兰州\n  changes:\n    - { year: 1081, to: 宋, what: 复兰州, source: 《宋史》卷一《太祖纪一》 }\n';
  assert.match(
    errorsOf(() => parseHolders(holders, 'h.yaml', one))[0]!,
    /^h\.yaml:2: change 1 of 兰州: "《宋史》卷一《太祖纪一》" is not one of its glossary sources/,
  );
});

test('geo: the changes of hands parse, each resting on a source of its place', () => {
  const holders = parseHolders(read('data/geo/holders.yaml'), 'data/geo/holders.yaml', glossaryPlaces);
  const jialu = holders.find((h) => h.term === '葭芦')!;
  assert.deepEqual(
    jialu.changes.map((c) => [c.year, c.to]),
    [
      [1082, '宋'],
      [1089, '夏'],
      [1097, '宋'],
    ],
  );
});

test('event kinds: the vocabulary parses against the chronicle; a word the text lacks is named at file:line', () => {
  const kinds = parseEventKinds(read('data/pictures/event-kinds.yaml'), 'data/pictures/event-kinds.yaml', chronicle);
  assert.deepEqual(kinds.map((k) => k.name).slice(0, 2), ['攻', '战']);
  const bad = '- id: attack\n  name: 攻\n  words: [攻, 飞机]\n  reason: 进攻。\n';
  assert.deepEqual(
    errorsOf(() => parseEventKinds(bad, 'k.yaml', chronicle)),
    ['k.yaml:3: "飞机" (攻) does not occur in the chronicle'],
  );
  assert.deepEqual(
    errorsOf(() => parseEventKinds(bad.replace('进攻。', '进攻'), 'k.yaml', '攻飞机')),
    ['k.yaml:4: "reason": must say why, in a sentence ending 。'],
  );
  assert.deepEqual(
    kindsOf('三年三月，攻德靖砦，诸将米赟、郝普战死。', kinds).map((k) => k.name),
    ['攻', '战'],
  );
  assert.deepEqual(
    kindsOf('二年正月，遣权枢密院都承旨公事刘奉世为册礼使', kinds).map((k) => k.name),
    ['册封'],
  );
  assert.deepEqual(
    kindsOf('大观元年，始遣人修贡。', kinds).map((k) => k.name),
    ['来贡'],
  );
});

test('regencies: parse, with citations checked', () => {
  const [r] = parseRegencies(read('data/pictures/regencies.yaml'), 'data/pictures/regencies.yaml');
  assert.deepEqual([r!.state, r!.from, r!.to], ['夏', [1086, 7], [1099, 1]]);
  const bad = read('data/pictures/regencies.yaml').replace('to: [1099, 1]', 'to: [1080, 1]');
  assert.match(errorsOf(() => parseRegencies(bad, 'r.yaml'))[0]!, /^r\.yaml:\d+: "to" is before "from"$/);
});

test('timeline: every dated entry of the year index is one entry mark, and each event mark names an entry of its chapter', () => {
  const chapters = parsedChapters();
  const kinds = parseEventKinds(read('data/pictures/event-kinds.yaml'), 'data/pictures/event-kinds.yaml', chronicle);
  const passages = datedPassages(
    chapters.map((c) => ({ route: c.route, paragraphs: c.chapter.paragraphs.map((p) => p.text), mentions: c.years.mentions })),
    assignAnchors(chapters.map((c) => c.years)),
  );
  const marks = timelineMarks(passages, kinds);
  const entries = yearIndex.chapters.flatMap((c) => c.entries.map((e) => `${c.chapter}#${e.anchor}`));
  assert.deepEqual(
    marks.filter((m) => m.kind === 'entry').map((m) => `${m.chapter}#${m.anchor}`),
    entries,
  );
  const events = marks.filter((m) => m.kind === 'event');
  assert.ok(events.length >= 20, `${events.length} dated events`);
  for (const e of events) assert.ok(entries.includes(`${e.chapter}#${e.anchor}`), `${e.match} in ${e.anchor}`);
  // 元祐元年二月 … 五月 … 六月 … 秋七月乙丑: the first chapter's entry and its three dated events.
  assert.deepEqual(
    marks.filter((m) => m.chapter === 'chapters/01-bingchang').map((m) => m.match),
    ['元祐元年', '五月', '六月', '秋七月乙丑'],
  );
  assert.equal(marks.find((m) => m.anchor === 'y1088')!.kinds[0]!.name, '攻');
  assert.equal(marks.find((m) => m.match === '秋七月乙丑')!.dateText, '1086年8月27日');
});

test('pictures text: clause cuts, first clauses, dates', () => {
  const p = '\u3000\u3000五年六月，夏人来言。冬，攻兰州之质孤、胜如堡，既而遣使来贺正旦。';
  const at = p.indexOf('兰州');
  assert.equal(clauseAround(p, at, at + 2), '…攻兰州之质孤、胜如堡…');
  assert.equal(firstClause(p, 2), '五年六月，夏人来言');
  assert.equal(gregorianText({ julian: '1086-08-21', gregorian: '1086-08-27' }), '1086年8月27日');
  assert.equal(gregorianText({ julian: ['1088-03-11', '1088-04-09'], gregorian: ['1088-03-17', '1088-04-15'] }), '1088年3月17日—4月15日');
  assert.equal(gregorianText(undefined), null);
  assert.ok(Math.abs(timeOf(1086, { julian: '1086-07-02', gregorian: '1086-07-08' }) - 1086.516) < 0.01);
  assert.equal(timeOf(1101, undefined), 1101.5);
});

test('map: neighbouring points get labels that do not overlap, and coincident points fan out', () => {
  const at = placeLabels([
    { term: '兰州', x: 100, y: 100 },
    { term: '东关堡', x: 112, y: 100 },
  ]);
  const a = at.get('兰州')!;
  const b = at.get('东关堡')!;
  assert.ok(a.y !== b.y || a.anchor !== b.anchor, `labels collide: ${JSON.stringify([a, b])}`);
  const fanned = spread([
    { term: '湟州', x: 50, y: 50 },
    { term: '古邈川', x: 50, y: 50 },
    { term: '兰州', x: 90, y: 50 },
  ]);
  assert.notDeepEqual(fanned.get('湟州'), fanned.get('古邈川'));
  assert.deepEqual(fanned.get('兰州'), [90, 50]);
});
