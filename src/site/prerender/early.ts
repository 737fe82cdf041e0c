/**
 * The route's prerendered page, asked for by a small classic script in the head (index.html, `async`), which runs as
 * soon as it has arrived: a round trip after the document, while the style sheets and the first module (main.js
 * with its chunk; 40 KB together on the bench's line) are still coming. Asked for by main.js, the page came after them
 * (bench/load.bench.ts). The paint (prerender.ts) takes the answer; for a year link, whose chapter only the
 * module's index knows, nothing is asked here and the paint asks itself.
 */
import { chosenScript, scriptBase } from '../script/script.ts';
import { askEarly, prerenderUrl, routeOf } from './route.ts';

const at = routeOf(location.hash);
if (at) askEarly(prerenderUrl(scriptBase(chosenScript()), at.route));
