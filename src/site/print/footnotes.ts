/**
 * Printed notes: on paper there is no hover, so each chapter ends with its notes as numbered footnotes (the
 * screen never shows them; 90-print.css does). Textual notes count at every place; a glossary term at its first
 * place in the chapter. Numbers go on the marked text as a data attribute that print CSS shows.
 */

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

export function buildFootnotes(section: HTMLElement): void {
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
    const li = document.createElement('li');
    li.textContent = e.dataset['printNote'] ?? '';
    list.append(li);
  });
  if (noted.length) section.append(list);
}
