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
