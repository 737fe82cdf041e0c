/**
 * Printed notes: on paper there is no hover, so each chapter ends with its notes as numbered footnotes (the
 * screen never shows them; 90-print.css does). Textual notes count at every place; a glossary term at its first
 * place in the chapter. Numbers go on the marked text as a data attribute that print CSS shows.
 */
export function buildFootnotes(section: HTMLElement): void {
  section.querySelector(':scope > .print-notes')?.remove();
  const list = document.createElement('ol');
  list.className = 'print-notes';
  list.setAttribute('aria-hidden', 'true');
  const seen = new Set<string>();
  let n = 0;
  for (const e of section.querySelectorAll<HTMLElement>('[data-print-note]')) {
    const key = e.dataset['printKey'];
    e.removeAttribute('data-fn');
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    n++;
    e.dataset['fn'] = String(n);
    const li = document.createElement('li');
    li.textContent = e.dataset['printNote'] ?? '';
    list.append(li);
  }
  if (n) section.append(list);
}
