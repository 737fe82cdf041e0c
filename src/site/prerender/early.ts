/**
 * The route's prerendered page, asked for by a small classic script in the head (index.html, `async`), which runs as
 * soon as it has arrived: a round trip after the document, while the style sheets and the first module (main.js
 * with its chunk; 40 KB together on the bench's line) are still coming. Asked for by main.js, the page came after them
 * (bench/load.bench.ts). The paint (prerender.ts) takes the answer. A Gregorian year link (`#/year/1101`) asks for
 * its entry's chapter, from the year index alone; an era year's reading needs the era table, which only the module
 * carries, and the paint asks then.
 */
import { resolveGregorianLink, yearPathOf } from '../../core/year-link.ts';
import { chosenScript, scriptBase } from '../script/script.ts';
import { yearIndex } from '../years/year-index.ts';
import { askEarly, prerenderUrl, routeOf } from './route.ts';

function earlyRoute(hash: string): string | null {
  const at = routeOf(hash);
  if (at) return at.route;
  const raw = yearPathOf(hash);
  const link = raw === null ? null : resolveGregorianLink(raw, yearIndex);
  return link?.kind === 'entry' ? link.target.chapter : null;
}

const route = earlyRoute(location.hash);
if (route !== null) askEarly(prerenderUrl(scriptBase(chosenScript()), route));
