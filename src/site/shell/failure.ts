/**
 * A page whose file could not be fetched (core/fetch-failure.ts says why this is ours and not Docsify's): the page
 * says what failed and what route it read, with a way home, in the reader's script. Part of the first script, so it
 * works when nothing else could be fetched; built with textContent only (the route comes from the address).
 */
import { fetchFailure } from '../../core/fetch-failure.ts';
import { firstWords } from '../script/first-words.ts';
import { el } from './dom-text.ts';

/** The status Docsify saw for the route's file, when fetching it failed (0: no answer at all); null when it did not. */
export function failedStatus(response: { ok: boolean; status: number } | undefined): number | null {
  return response && !response.ok ? response.status : null;
}

export function showFailure(section: HTMLElement, route: string, status: number): void {
  const w = firstWords();
  const failure = fetchFailure(route, status, w);
  const h1 = el('h1', 'failure-title', failure.title);
  // Divs, not <p>: a <p> of the section is a paragraph of the text to the features (ARCHITECTURE.md).
  const what = el('div', 'failure-text', failure.text);
  const home = el('a', '', w.home);
  home.href = '#/';
  const example = el('a', '', w.example);
  example.href = '#/year/1088';
  const ways = el('ul', 'failure-ways');
  const choose = el('li', '', w.choose);
  choose.append(example, '。');
  const first = el('li', '');
  first.append(home);
  ways.append(first, choose);
  section.replaceChildren(h1, what, ways);
  document.title = `${failure.title} - ${document.title.replace(/^.* - /, '')}`;
}
