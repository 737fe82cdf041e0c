/**
 * The map's data (data/geo/): where each glossary place stands (places.yaml) and which places changed hands
 * (holders.yaml). Pure: the caller passes the files' texts and the glossary's places; every fault is reported at
 * its file:line. The rules are the files' own headers'.
 */
import * as v from 'valibot';
import { DataError, DataErrors } from './data-error.ts';
import { readYamlList } from './yaml-list.ts';

/** The frame of the map: the Song–Xia frontier, roughly. A point outside it is a typo. */
export const REGION = { south: 33, north: 43, west: 100, east: 115 } as const;

export interface LocatedPlace {
  term: string;
  lat: number;
  lon: number;
  /** The modern place the point is, as the glossary names it. */
  site: string;
  approximate: boolean;
  source: string;
  note?: string;
}

export interface UnlocatedPlace {
  term: string;
  unlocated: string;
}

export type GeoPlace = LocatedPlace | UnlocatedPlace;

export const isLocated = (p: GeoPlace): p is LocatedPlace => 'lat' in p;

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const LocatedSchema = v.object({
  term: text,
  lat: v.number(),
  lon: v.number(),
  site: text,
  approximate: v.boolean(),
  source: v.pipe(text, v.startsWith('CHGIS hvd_', 'must name its CHGIS record: "CHGIS hvd_<id> <name>（<years>）"')),
  note: v.optional(text),
});
const UnlocatedSchema = v.object({ term: text, unlocated: text });
const PlaceSchema = v.union([LocatedSchema, UnlocatedSchema], 'a place has lat, lon, site, approximate and source, or unlocated (a reason)');

export interface GlossaryPlace {
  term: string;
  sources: readonly string[];
}

export function parseGeoPlaces(textIn: string, file: string, glossary: readonly GlossaryPlace[]): GeoPlace[] {
  const items = readYamlList(textIn, file, 'a place', ['term', 'lat', 'lon', 'site', 'approximate', 'source', 'note', 'unlocated'], PlaceSchema);
  const errors: DataError[] = [];
  const known = new Set(glossary.map((g) => g.term));
  const seen = new Map<string, number>();
  for (const { value: p, line, lineOf } of items) {
    if (!known.has(p.term)) errors.push(new DataError(file, lineOf('term'), `"${p.term}" is not a place of the glossary`));
    const before = seen.get(p.term);
    if (before !== undefined) errors.push(new DataError(file, line, `"${p.term}" is here twice (line ${before})`));
    seen.set(p.term, line);
    if (isLocated(p)) {
      if (p.lat < REGION.south || p.lat > REGION.north)
        errors.push(new DataError(file, lineOf('lat'), `lat ${p.lat} is outside ${REGION.south}–${REGION.north}°N`));
      if (p.lon < REGION.west || p.lon > REGION.east)
        errors.push(new DataError(file, lineOf('lon'), `lon ${p.lon} is outside ${REGION.west}–${REGION.east}°E`));
    }
  }
  for (const g of glossary) if (!seen.has(g.term)) errors.push(new DataError(file, 1, `glossary place "${g.term}" is neither located nor unlocated here`));
  if (errors.length) throw new DataErrors(errors);
  return items.map((i) => i.value);
}

export const HOLDERS = ['宋', '夏', '金'] as const;

export interface HolderChange {
  year: number;
  to: (typeof HOLDERS)[number];
  what: string;
  source: string;
}

export interface PlaceHolders {
  term: string;
  changes: HolderChange[];
}

const HoldersSchema = v.object({
  term: text,
  changes: v.pipe(
    v.array(v.strictObject({ year: v.pipe(v.number(), v.integer()), to: v.picklist(HOLDERS), what: text, source: text })),
    v.minLength(1, 'list at least one change'),
  ),
});

/** Each change's source must be one of that place's glossary sources (its citation, before 「：」): no new claims. */
export function parseHolders(textIn: string, file: string, glossary: readonly GlossaryPlace[]): PlaceHolders[] {
  const items = readYamlList(textIn, file, 'a place that changed hands', ['term', 'changes'], HoldersSchema);
  const errors: DataError[] = [];
  const byTerm = new Map(glossary.map((g) => [g.term, g.sources.map((s) => s.split('：')[0]!.trim())]));
  for (const { value: h, lineOf } of items) {
    const cites = byTerm.get(h.term);
    if (!cites) {
      errors.push(new DataError(file, lineOf('term'), `"${h.term}" is not a place of the glossary`));
      continue;
    }
    h.changes.forEach((c, k) => {
      if (!cites.includes(c.source))
        errors.push(
          new DataError(file, lineOf('changes'), `change ${k + 1} of ${h.term}: "${c.source}" is not one of its glossary sources (${cites.join('；')})`),
        );
      const prev = h.changes[k - 1];
      if (prev && prev.year > c.year) errors.push(new DataError(file, lineOf('changes'), `change ${k + 1} of ${h.term}: the changes must be in year order`));
    });
  }
  if (errors.length) throw new DataErrors(errors);
  return items.map((i) => i.value);
}
