/**
 * The keyboard's way through the text. A chapter has hundreds of marked terms, year expressions, 校 markers and
 * copy-link buttons; each in the Tab order made a reader press Tab ~150 times to cross chapter 2, opening a note at
 * every step. So each paragraph of the chronicle is one composite with a single tab stop: the WAI-ARIA Authoring
 * Practices' *roving tabindex* (as in the Toolbar pattern, "Keyboard Navigation Inside Components"):
 *
 * - Tab and Shift+Tab move from paragraph to paragraph (and on to the page's other controls); a paragraph with
 *   nothing marked is not a stop;
 * - ← and → move to the previous and next item of the paragraph, Home and End to its first and last (no wrap);
 * - the item last focused stays the paragraph's stop, so Shift+Tab comes back to where the reader was.
 *
 * What an item does on Enter is its own (a term opens its note as a non-modal dialog: shell/popover.ts; a button is
 * a button). Items keep their roles and names: a screen reader's reading cursor is not changed by any of this.
 * Hover and touch never see tabindex.
 */

/** The chronicle's paragraphs (ARCHITECTURE.md, paragraph addressing): the `<p>` children of the content section. */
const PARAGRAPH = '.markdown-section > p';
/** What can take focus in a paragraph: bubble triggers, buttons (the 校 marker, copy-link), links. */
const ITEMS = '[data-tip], button, a[href]';
/** The item a reader last focused in its paragraph: the paragraph's stop. */
const CURRENT = 'data-rove-current';

const state = {
  pending: new Set<HTMLElement>(),
  installed: false,
};

function itemsOf(p: Element): HTMLElement[] {
  return [...p.querySelectorAll<HTMLElement>(ITEMS)];
}

/** One stop a paragraph: the item last focused, or the first. */
function settle(p: Element): void {
  const items = itemsOf(p);
  const stop = items.find((e) => e.hasAttribute(CURRENT)) ?? items[0];
  for (const e of items) e.tabIndex = e === stop ? 0 : -1;
}

function flush(): void {
  const paragraphs = new Set<Element>();
  for (const e of state.pending) {
    const p = e.isConnected ? e.closest(PARAGRAPH) : null;
    if (p) paragraphs.add(p);
    // Not in the chronicle's text (the glossary page, the year page): an ordinary tab stop.
    else if (e.isConnected && e.tabIndex < 0 && !e.hasAttribute(CURRENT)) e.tabIndex = 0;
  }
  state.pending.clear();
  for (const p of paragraphs) settle(p);
}

/**
 * Makes `el` an item of its paragraph's group. Features decorate in passes (notes, then years, then the glossary
 * when its data arrives, then a mode change does it all again), and an element is often placed after it is made:
 * the paragraphs are settled once the pass's synchronous work is done (a microtask), which is before the render is
 * marked ready (main.ts), so a test or a reader never sees two stops in a paragraph.
 */
export function joinRoving(el: HTMLElement): void {
  el.tabIndex = -1;
  if (state.pending.size === 0) queueMicrotask(flush);
  state.pending.add(el);
}

function moveTo(from: HTMLElement, to: HTMLElement | undefined): void {
  if (!to || to === from) return;
  from.removeAttribute(CURRENT);
  from.tabIndex = -1;
  to.tabIndex = 0;
  to.focus();
}

function itemOf(t: EventTarget | null): { item: HTMLElement; p: Element } | null {
  if (!(t instanceof HTMLElement) || !t.matches(ITEMS)) return null;
  const p = t.closest(PARAGRAPH);
  return p ? { item: t, p } : null;
}

export function installRoving(): void {
  if (state.installed) return;
  state.installed = true;
  document.addEventListener('focusin', (e) => {
    const hit = itemOf(e.target);
    if (!hit) return;
    // Focused by any means (arrow, Tab, a click on a term): it becomes the paragraph's stop.
    for (const x of hit.p.querySelectorAll(`[${CURRENT}]`)) if (x !== hit.item) x.removeAttribute(CURRENT);
    hit.item.setAttribute(CURRENT, '');
    settle(hit.p);
  });
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const hit = itemOf(e.target);
    if (!hit) return;
    const items = itemsOf(hit.p);
    const i = items.indexOf(hit.item);
    let to: HTMLElement | undefined;
    if (e.key === 'ArrowRight') to = items[i + 1];
    else if (e.key === 'ArrowLeft') to = items[i - 1];
    else if (e.key === 'Home') to = items[0];
    else if (e.key === 'End') to = items.at(-1);
    else return;
    // At either end the key does nothing (it must not scroll the page under a focused term either).
    e.preventDefault();
    moveTo(hit.item, to);
  });
}
