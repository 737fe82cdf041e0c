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
 */
export function wrapRange(p: Element, start: number, end: number, wrapper: HTMLElement, expect?: string): HTMLElement | null {
  if (end <= start) return null;
  const a = point(p, start, true);
  const b = point(p, end, false);
  if (!a || !b) return null;
  // A boundary at the very start or end of an element inside `p` (a note's character at the edge of a term) moves
  // outside it, so that the element is wrapped whole: extractContents would otherwise split it into a copy inside
  // the wrapper and an empty shell, with the same id and note, left behind.
  let [sn, so] = a;
  while (sn !== p && so === 0 && sn.parentNode) {
    so = Array.prototype.indexOf.call(sn.parentNode.childNodes, sn);
    sn = sn.parentNode;
  }
  let [en, eo] = b;
  while (en !== p && eo === (en instanceof CharacterData ? en.length : en.childNodes.length) && en.parentNode) {
    eo = Array.prototype.indexOf.call(en.parentNode.childNodes, en) + 1;
    en = en.parentNode;
  }
  const range = document.createRange();
  range.setStart(sn, so);
  range.setEnd(en, eo);
  if (expect !== undefined && range.toString() !== expect) return null;
  wrapper.appendChild(range.extractContents());
  range.insertNode(wrapper);
  return wrapper;
}

/** An element that decorates without adding text (see "Decorations carry no text"). */
export function decoration<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.setAttribute('data-decoration', '');
  return el;
}
