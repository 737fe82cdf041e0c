/**
 * Every page load asks for an icon. Without one of the site's own, Chromium asks for `/favicon.ico` at the origin's
 * root (on GitHub Pages the user's root site) and logs the 404 as a console error. Every sidebar route, in both
 * scripts, must load without a console error and without a 4xx answer, the icon included. The browser's own icon
 * request is not seen by the page's request events, so the server's log is what is read.
 * (The page's own requests all go to this server: the origin is checked by the other files' watched pages.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import { BASE, launch, SITE, waitForRender } from './harness.ts';

const answers: { path: string; status: number }[] = [];
let waiters: (() => void)[] = [];
let site: Served;
let browser: Browser;

before(async () => {
  site = await serve({
    root: SITE,
    base: BASE,
    onResponse: (path, status) => {
      answers.push({ path, status });
      for (const w of waiters) w();
      waiters = [];
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Resolves once the server has answered a request for an icon (whichever the browser chose to ask for). */
async function iconAsked(): Promise<{ path: string; status: number }> {
  for (;;) {
    const icon = answers.find((a) => /favicon/.test(a.path));
    if (icon) return icon;
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

for (const script of ['s', 't'] as const) {
  test(`every sidebar route (${script === 's' ? '简体' : '繁體'}): the site's own icon, no console error, no 4xx`, { timeout: 20000 }, async () => {
    answers.length = 0;
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    // Not a watchedPage: with request interception on, Chromium never asks for an icon at all.
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    const w = { page };
    const home = `${site.url}${script === 't' ? '?script=t' : ''}`;
    await w.page.goto(`${home}#/`);
    await waitForRender(w.page);
    const icon = await iconAsked();
    assert.equal(icon.path, `${BASE}assets/favicon.svg`, 'the icon is the site’s own, under its path');
    assert.equal(icon.status, 200);
    const routes = await w.page.$$eval('.sidebar-nav a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(routes.length >= 7, routes.join(' '));
    for (const href of routes) {
      await w.page.evaluate((h) => (location.hash = h), href);
      await waitForRender(w.page, href.replace(/^#\/?/, '').replace(/\?.*$/, ''));
    }
    assert.deepEqual(consoleErrors, [], 'no console error on any route');
    assert.deepEqual(
      answers.filter((a) => a.status >= 400),
      [],
      'no 4xx or 5xx answer',
    );
    await context.close();
  });
}
