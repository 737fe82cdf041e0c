/** axe-core in the page under test, without lifting the page's Content-Security-Policy. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { BASE } from './harness.ts';

/**
 * Violations that belong to Docsify 5.0.0's own page frame, not to this site's code, and that the site cannot fix
 * without rewriting Docsify's markup (upstream: docsifyjs/docsify#2295, "Proper semantic HTML or role attributes").
 * Only these exact rule/element pairs are excused; any other violation, and any on the text or the note, fails.
 */
const DOCSIFY_FRAME: Record<string, string[]> = {
  // <main role="presentation"> wraps the sidebar and the content; the content itself is <article role="main">.
  'aria-allowed-role': ['main'],
  // <aside id="__sidebar" role="none" tabindex="-1">: focusable, so the "none" role cannot apply.
  'presentation-role-conflict': ['#__sidebar'],
  // The sidebar toggle: a <button tabindex="-1"> around a <div role="button" tabindex="0">.
  'nested-interactive': ['.sidebar-toggle'],
  // The route-loading progress bar Docsify appends to <body> (empty, zero width when idle).
  region: ['.progress'],
};

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe's violations on the page as it is now, less Docsify's frame. */
export async function axeViolations(page: Page, origin: string): Promise<AxeViolation[]> {
  // The page allows only 'self' scripts, so Playwright's inline copy of a script file would be refused. The CSP
  // stays on: axe is served at a same-origin address of the test's own. A document keeps it: a test that checks
  // several states of one page loads it once (it is 560 KB to send and compile).
  if (!(await page.evaluate(() => 'axe' in window))) {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const axeUrl = `${origin}${BASE}__test__/axe.min.js`;
    await page.route(axeUrl, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript; charset=utf-8' }));
    await page.addScriptTag({ url: axeUrl });
  }
  const all = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => [n.target.join(' '), n.failureSummary] as [string, string]),
    }));
  });
  return all
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(([target]) => !(DOCSIFY_FRAME[v.id] ?? []).includes(target)).map((n) => n.join(' — ')),
    }))
    .filter((v) => v.nodes.length > 0);
}
