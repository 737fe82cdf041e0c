/**
 * What the page says when a page's file could not be fetched (offline before it was cached, a 404, a 431 for an
 * address too long to ask for). Docsify alone shows 「0 -」 or 「431 - Request Header Fields Too Large」 as the
 * page's heading and the features then decorate it like a chapter. Pure: the shell writes it with textContent.
 *
 * These words are the first script's (core/first-words.ts): the page must say this even when nothing else could be
 * fetched.
 */
import { shown } from './address.ts';
import { FIRST_WORDS, type FirstWords } from './first-words.ts';
import { fill } from './words.ts';

/** A route is shown whole up to this many characters (the longest chapter's is 30). */
const MAX_ROUTE = 48;

export interface FetchFailure {
  title: string;
  /** What failed and the route read, in a sentence. */
  text: string;
}

/** `status` is the HTTP status of the failed request, 0 when no answer came (offline, aborted). */
export function fetchFailure(route: string, status: number, w: FirstWords = FIRST_WORDS): FetchFailure {
  const values = { route: shown(route.replace(/^\//, ''), MAX_ROUTE), status };
  if (status === 404) return { title: w.missingTitle, text: fill(w.missing, values) };
  const text = status === 0 ? w.offline : status === 414 || status === 431 ? w.tooLong : w.failed;
  return { title: w.failedTitle, text: fill(text, values) };
}
