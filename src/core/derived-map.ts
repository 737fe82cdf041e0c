/** The schema of site/data/map.json (scripts/steps/pictures.ts, src/core/map.ts), read by the map page only. */
import * as v from 'valibot';
import type { MapData } from './map.ts';

const int = v.pipe(v.number(), v.integer());
const str = v.string();

const PassageSchema = v.object({ chapter: str, title: str, year: v.nullable(int), yearName: str, snippet: str, anchor: str });
const ChangeSchema = v.object({ year: int, to: v.picklist(['宋', '夏', '金'] as const), what: str, source: str });

/** site/data/map.json, written by scripts/steps/pictures.ts (src/core/map.ts) and fetched by the map page. */
export const MapDataSchema: v.GenericSchema<unknown, MapData> = v.object({
  places: v.array(
    v.object({
      term: str,
      lat: v.number(),
      lon: v.number(),
      site: str,
      approximate: v.boolean(),
      source: str,
      note: v.optional(str),
      x: v.number(),
      y: v.number(),
      passages: v.array(PassageSchema),
      changes: v.array(ChangeSchema),
    }),
  ),
  unlocated: v.array(v.object({ term: str, unlocated: str, passages: v.array(PassageSchema), changes: v.array(ChangeSchema) })),
  chapters: v.array(v.object({ route: str, title: str })),
});
