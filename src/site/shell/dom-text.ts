/**
 * Wrapping ranges of a paragraph's text, the one way every feature decorates the text. Offsets are UTF-16 units
 * into the paragraph's textContent, as the core computes them (see docs/ARCHITECTURE.md, "Marks").
 */

/** The chronicle's paragraphs of the rendered page, in order: the `<p>` children of the content section. */
export function chapterParagraphs(section: Element): HTMLParagraphElement[] {
  return [...section.querySelectorAll<HTMLParagraphElement>(':scope > p')];
}

function point(p: Node, offset: number, preferNext: boolean): [Node, number] | null {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    // At a boundary between two text nodes, a range start belongs to the next one, an end to the previous one,
    // so that a wrapper never takes in an empty neighbour.
    if (offset < seen + len || (offset === seen + len && !preferNext)) return [n, offset - seen];
    seen += len;
    last = n;
  }
  return offset === seen && last ? [last, last.data.length] : null;
}

/**
 * Wraps text [start, end) of `p` in `wrapper` and returns it, or null when the range is outside the text or its
 * text differs from `expect` (a stale mark is dropped rather than put in the wrong place).
 *
 * Text nodes are split and siblings moved by hand: a DOM Range would do the same in one call, but every Range stays
 * live until it is garbage-collected and the browser updates each live Range on every later mutation, so hundreds of
 * wraps a render grew slower render after render (measured with bench/years.bench.ts).
 */
export function wrapRange(p: Element, start: number, end: number, wrapper: HTMLElement, expect?: string): HTMLElement | null {
  if (end <= start) return null;
  if (expect !== undefined && (p.textContent ?? '').slice(start, end) !== expect) return null;
  const a = point(p, start, true);
  const b = point(p, end, false);
  if (!a || !b) return null;
  let first: Node = a[0];
  let last: Node = b[0];
  let endOffset = b[1];
  if (a[1] > 0) {
    first = (a[0] as Text).splitText(a[1]);
    if (b[0] === a[0]) {
      last = first;
      endOffset -= a[1];
    }
  }
  if (endOffset < (last as Text).data.length) (last as Text).splitText(endOffset);
  // A boundary at the very start or end of an element inside `p` (a note's character at the edge of a term) moves
  // outside it, so that the element is wrapped whole rather than split into a copy and an empty shell.
  while (first.parentNode && first.parentNode !== p && first.parentNode.firstChild === first) first = first.parentNode;
  while (last.parentNode && last.parentNode !== p && last.parentNode.lastChild === last) last = last.parentNode;
  const parent = first.parentNode;
  if (!parent || parent !== last.parentNode) return wrapAcross(first, last, wrapper);
  parent.insertBefore(wrapper, first);
  for (let n: Node | null = first; n; ) {
    const next: Node | null = n === last ? null : n.nextSibling;
    wrapper.appendChild(n);
    n = next;
  }
  return wrapper;
}

/** The rare range whose ends sit at different depths: a Range splits the elements between them. */
function wrapAcross(first: Node, last: Node, wrapper: HTMLElement): HTMLElement {
  const range = document.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  wrapper.appendChild(range.extractContents());
  range.insertNode(wrapper);
  return wrapper;
}

/** An element with a class and, where given, its text (textContent: nothing here is ever parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** An element that decorates without adding text (see "Decorations carry no text"). */
export function decoration<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = el(tag, className);
  e.setAttribute('data-decoration', '');
  return e;
}

/**
 * A DOM Range over text [start, end) of `p`, or null outside the text. For a highlight that must not change the
 * DOM (the CSS Custom Highlight API); callers drop it when done, since a Range stays live (see wrapRange).
 */
export function rangeAt(p: Element, start: number, end: number): Range | null {
  const a = point(p, start, true);
  const b = point(p, end, false);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a[0], a[1]);
  r.setEnd(b[0], b[1]);
  return r;
}

/** Whether a key press goes to a text field: the reader's single-key shortcuts ([, ], y, /) must then stay letters. */
export function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}
