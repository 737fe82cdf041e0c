/**
 * A range of one paragraph's plain text that a feature decorates. Offsets are UTF-16 code units into the
 * paragraph's text as `src/core/text.ts` gives it, which is the rendered paragraph's textContent.
 */
export interface Mark {
  paragraph: number;
  start: number;
  end: number;
}
