/**
 * What the page needs of the 校勘记: its route, the ids of its entries and their numbers. No YAML and no data here,
 * so the browser bundle takes this and not the build side (jiaokan.ts).
 */
import { toChineseNumeral } from './numerals.ts';

export const JIAOKAN_ROUTE = 'jiaokan';

/** `n-fu-2`: the second place of correction `fu` in one chapter (ARCHITECTURE.md, "Anchors"). */
export function noteAnchor(id: string, k: number): string {
  return `n-${id}-${k}`;
}

/** `jk-3`: the third entry of the 校勘记 page. */
export function entryAnchor(n: number): string {
  return `jk-${n}`;
}

/** 〔一〕, 〔十一〕. */
export function entryNumber(n: number): string {
  return `〔${toChineseNumeral(n)}〕`;
}

/** Marks that open a clause and belong to the words after them (the note on 『 is about the quotation it opens). */
const OPENING = /^[『「《〈（【“‘]+$/u;
/** Where a clause ends: the punctuation after it (or a closing mark). */
const CLAUSE_END = /[，。；：、？！』」》〉）】”’]/u;

/**
 * Where a textual note's marker goes in its paragraph's text (a UTF-16 offset): right after the corrected reading,
 * except after an opening mark, whose marker would stand between it and the word it opens: there, at the end of
 * the clause it opens. (A reading inside a term or a year expression moves on past it in the page, since those
 * are marked later: src/site/notes/notes.ts.)
 */
export function markerOffset(text: string, start: number, end: number): number {
  if (!OPENING.test(text.slice(start, end))) return end;
  const rest = text.slice(end).search(CLAUSE_END);
  return rest < 0 ? text.length : end + rest;
}
