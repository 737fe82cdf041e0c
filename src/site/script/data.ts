/**
 * What the traditional page needs beyond its files: the page's words, the era table, the textual notes and the
 * chapter titles, converted by `npm run gen` (src/generated/traditional.json, which the build serves as
 * t/data/page.json). Fetched only for the traditional text, before the features decorate the first render.
 */
import type { Words } from '../../core/words.ts';
import type { CompactEra } from '../../core/eras.ts';
import type { EraDispute } from '../../core/era-disputes-view.ts';
import { script, scriptBase } from './script.ts';

interface TraditionalData {
  words: Words;
  eras: CompactEra[];
  notes: Record<string, { text: string; reading: string; kind: string }>;
  chapters: Record<string, string>;
  disputes: EraDispute[];
}

let data: TraditionalData | null = null;

export async function loadScriptData(): Promise<void> {
  if (script() !== 't' || data) return;
  const url = `${scriptBase()}data/page.json`;
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  data = (await r.json()) as TraditionalData;
}

/** The page's words converted, or null for the simplified text (words.ts gives the words of either). */
export function scriptWords(): Words | null {
  return data?.words ?? null;
}

/** The traditional era table, or null for the simplified text (the bundled table). */
export function scriptEras(): CompactEra[] | null {
  return data?.eras ?? null;
}

/** A chapter's title in the reader's script. */
export function chapterTitle(route: string, simplified: string): string {
  return data?.chapters[route] ?? simplified;
}

/** A textual note's text and reading in the reader's script, or null for the simplified text. */
export function scriptNote(id: string): { text: string; reading: string; kind: string } | null {
  return data?.notes[id] ?? null;
}

/** The disputed era years with their basis and sources in the traditional script, or null for the simplified text. */
export function scriptDisputes(): EraDispute[] | null {
  return data?.disputes ?? null;
}
