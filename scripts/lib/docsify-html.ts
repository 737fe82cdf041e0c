/**
 * Markdown to HTML as Docsify 5 renders it in the page, for the prerendered pages: the same `marked` (the version
 * Docsify bundles, a dependency of ours) with Docsify's own renderer parts for what our pages use — headings (its
 * slug, `:id=`, the anchor link), links (`chapters/02-yuanyou.md?id=t0-27` → `#/chapters/02-yuanyou?id=t0-27`) and
 * lists — imported from Docsify's source, which ships in its package. Docsify's compiler as a whole cannot run here:
 * its modules read the DOM when imported (`util/env.js` calls getComputedStyle).
 * Paragraphs are Docsify's non-callout form, `<p>…</p>`, with a hook for the chapters' decorated paragraphs.
 */
import { Marked, Renderer, type Tokens } from 'marked';
// Docsify's source has no type declarations: docsify-src.d.ts gives the few this module uses.
import { History } from 'docsify/src/core/router/history/base.js';
import { parseQuery } from 'docsify/src/core/router/util.js';
import { headingCompiler } from 'docsify/src/core/render/compiler/heading.js';
import { linkCompiler } from 'docsify/src/core/render/compiler/link.js';
import { taskListCompiler } from 'docsify/src/core/render/compiler/taskList.js';
import { taskListItemCompiler } from 'docsify/src/core/render/compiler/taskListItem.js';
import { slugify } from 'docsify/src/core/render/slugify.js';

/** The part of the reader's Docsify configuration (src/site/main.ts) that changes rendered markup. */
const CONFIG = {
  basePath: '',
  homepage: 'home.md',
  alias: { '/.*/_sidebar.md': '/_sidebar.md' },
  externalLinkTarget: '_self',
  ext: '.md',
};

/** Docsify's hash router with the current path given instead of read from `location` (its parse, from hash.js). */
class BuildRouter extends History {
  constructor(private readonly current: string) {
    super(CONFIG);
  }
  getCurrentPath(): string {
    return this.current;
  }
  getBasePath(): string {
    return '/';
  }
  parse(path: string = this.current): { path: string; file: string; query: Record<string, string>; response: object } {
    let query = '';
    const hashIndex = path.indexOf('#');
    if (hashIndex >= 0) path = path.slice(hashIndex + 1);
    const queryIndex = path.indexOf('?');
    if (queryIndex >= 0) {
      query = path.slice(queryIndex + 1);
      path = path.slice(0, queryIndex);
    }
    return { path, file: this.getFile(path, true), query: parseQuery(query), response: {} };
  }
  override toURL(path: string, params: object | null, current?: string): string {
    return `#${super.toURL(path, params, current)}`;
  }
}

export interface PageOptions {
  /** The HTML of the n-th paragraph of the page (counted from 0), or undefined for marked's own. */
  paragraph?: (n: number, token: Tokens.Paragraph) => string | undefined;
}

/** The markdown of the page at `route` (`chapters/04-huizong`, `` for the home page) as Docsify renders it. */
export function docsifyHtml(markdown: string, route: string, opts: PageOptions = {}): string {
  const router = new BuildRouter(`/${route}`);
  const renderer = new Renderer();
  const compiler = {
    config: CONFIG,
    toc: [] as unknown[],
    blockquoteDepth: 0,
    _matchNotCompileLink: () => false,
  };
  const parts = { renderer, router, compiler, linkTarget: CONFIG.externalLinkTarget, linkRel: '' };
  headingCompiler(parts);
  linkCompiler(parts);
  taskListCompiler(parts);
  taskListItemCompiler(parts);
  let n = 0;
  renderer.paragraph = function (this: Renderer, token: Tokens.Paragraph): string {
    const own = opts.paragraph?.(n++, token);
    return own ?? `<p>${this.parser.parseInline(token.tokens)}</p>`;
  };
  const marked = new Marked();
  marked.setOptions({ renderer });
  // Docsify numbers repeated slugs per render and clears its cache after one.
  slugify.clear();
  const html = marked.parse(markdown, { async: false });
  slugify.clear();
  return html;
}
