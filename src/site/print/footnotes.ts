/**
 * Printed notes: on paper there is no hover, so each chapter ends with its notes as numbered footnotes (the
 * screen never shows them; 90-print.css does). Textual notes count at every place; a glossary term at its first
 * place in the chapter. Numbers go on the marked text as a data attribute that print CSS shows.
 */
import { fill } from '../../core/words.ts';
import { el } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { mode } from '../modes/settings.ts';
import { script, withScript } from '../script/script.ts';
import { words } from '../script/words.ts';

/**
 * Reading order of the printed numbers. A number is printed after its text (`::after`), so a note nested in a term
 * (a corrected character inside a name) shows its number before the term's: 李讹𠼪³⁴ ³⁵ must read ³⁴ for the
 * character and ³⁵ for the name. That is the order of the elements' ends: an element after everything inside it.
 */
function byEnd(a: Element, b: Element): number {
  if (a.contains(b)) return 1;
  if (b.contains(a)) return -1;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * Whether `b`'s number is printed right after `a`'s with no text between (a note's character at the end of a term:
 * 张楙, whose 楙 has its own note). Marks never overlap, so that is only so when `b` holds `a` and nothing after it.
 */
function meets(a: Element, b: Element): boolean {
  if (!b.contains(a)) return false;
  const range = document.createRange();
  range.setStartAfter(a);
  range.setEnd(b, b.childNodes.length);
  const between = range.toString();
  range.detach();
  return between.trim() === '';
}

function buildFootnotes(section: HTMLElement): void {
  section.querySelector(':scope > .print-notes')?.remove();
  const list = document.createElement('ol');
  list.className = 'print-notes';
  list.setAttribute('aria-hidden', 'true');
  const seen = new Set<string>();
  const noted: HTMLElement[] = [];
  // Which places get a note is decided in text order (a term's first place is where it starts first) …
  for (const e of section.querySelectorAll<HTMLElement>('[data-print-note]')) {
    const key = e.dataset['printKey'];
    e.removeAttribute('data-fn');
    e.removeAttribute('data-fn-run');
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    noted.push(e);
  }
  // … and their numbers in the order the numbers are printed.
  noted.sort(byEnd);
  noted.forEach((e, i) => {
    e.dataset['fn'] = String(i + 1);
    // Printed as ¹³˒¹⁴ rather than ¹³¹⁴ (print.css): the separator is generated content, the text stays the text.
    const before = noted[i - 1];
    if (before && meets(before, e)) e.dataset['fnRun'] = '';
    const li = document.createElement('li');
    li.textContent = e.dataset['printNote'] ?? '';
    list.append(li);
  });
  if (noted.length) section.append(list);
}

/**
 * What a printed chapter starts with, since paper has no sidebar and no address bar: the work's title, the chapter,
 * the edition statement and the chapter's address (in the reader's script). Never on screen (print.css).
 */
function buildHeader(ctx: RenderContext): void {
  ctx.section.querySelector(':scope > .print-head')?.remove();
  // 白文 prints the text alone, as it shows it (modes/).
  if (!/^chapters\//.test(ctx.route) || mode() === 'plain') return;
  const w = words();
  // Not a <p>: the chronicle's paragraphs are the section's <p> children (ARCHITECTURE.md).
  const head = el('div', 'print-head');
  head.setAttribute('data-decoration', '');
  head.setAttribute('data-print', '');
  head.setAttribute('aria-hidden', 'true');
  const chapter = ctx.section.querySelector(':scope > h1')?.textContent?.trim() ?? '';
  const url = withScript(`${location.origin}${location.pathname}#/${ctx.route}`, script());
  head.append(
    el('div', 'print-head-title', `${w.printTitle}　${chapter}`),
    el('div', 'print-head-edition', w.printEdition),
    el('div', 'print-head-url', fill(w.printAddress, { url })),
  );
  ctx.section.prepend(head);
}

/** Built once the render is complete: the notes of every feature (and the late glossary's) are in place. */
export const printNotes: Feature = {
  name: 'print',
  ready(ctx: RenderContext) {
    buildHeader(ctx);
    buildFootnotes(ctx.section);
  },
};
