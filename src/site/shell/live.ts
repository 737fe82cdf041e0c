/**
 * A polite live region (a status message that does not move focus: WAI-ARIA's `aria-live="polite"`), one per feature
 * that speaks. The feature puts it in the page when it mounts, before its first message, since a screen reader
 * follows only a region it already knows.
 */
import { el } from './dom-text.ts';

export interface LiveRegion {
  readonly element: HTMLElement;
  /** Empties the region and sets the text in the next frame, so that the same message twice is spoken twice. */
  say(text: string): void;
}

export function liveRegion(className: string): LiveRegion {
  const element = el('div', `${className} visually-hidden`);
  element.setAttribute('aria-live', 'polite');
  return {
    element,
    say(text) {
      element.textContent = '';
      if (text) requestAnimationFrame(() => (element.textContent = text));
    },
  };
}
