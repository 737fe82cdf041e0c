/**
 * The year index generated at build time (which chapter and anchor each year's entries have). The build puts it in
 * the bundles (scripts/build.ts, `define`) once it has checked it against its schema, so that the early script
 * (prerender/early.ts), which resolves a Gregorian year link with it, carries neither the schema library nor the
 * schemas: 4.7 KB gzipped with them, on the way to the first text.
 */
import type { YearIndex } from '../../core/year-link.ts';

declare const __YEAR_INDEX__: YearIndex;

export const yearIndex: YearIndex = __YEAR_INDEX__;
