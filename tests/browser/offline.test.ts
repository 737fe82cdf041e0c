/**
 * Offline after one visit (issue 11, item 2): one visit installs the worker, then with the network off every
 * sidebar route, year links, the glossary and the traditional text open; a new build reaches a returning visitor
 * through 「有新版本，点此刷新」; and no request leaves the site's origin, the worker's own included.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import yearIndex from '../../src/generated/year-index.json' with { type: 'json' };
import type { YearIndex } from '../../src/core/year-link.ts';
import { read } from '../../scripts/lib/repo.ts';
import { revision } from '../../scripts/lib/precache-manifest.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import { BASE, launch, SITE } from './harness.ts';

let dir: string;
let site: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const offOrigin: string[] = [];

before(async () => {
  // A copy, so that the update test can publish a "new build" over it.
  dir = mkdtempSync(join(tmpdir(), 'offline-site-'));
  cpSync(SITE, dir, { recursive: true });
  site = await serve({ root: dir, base: BASE });
  browser = await launch();
  context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1200, height: 900 } });
  const origin = new URL(site.url).origin;
  context.on('request', (r) => {
    if (!r.url().startsWith(origin)) offOrigin.push(r.url());
  });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Follows a link in the open page (a hash change, no new document) and waits for its route's render. */
async function follows(hash: string, route: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForFunction(
    ([route, year]) => {
      const s = document.querySelector<HTMLElement>('.markdown-section[data-ready]');
      return s !== null && s.dataset['route'] === route && location.hash.includes(`id=y${year}`);
    },
    [route, /\d+$/.exec(hash)![0]] as const,
    { timeout: 15000 },
  );
  assert.equal(await page.locator('.failure-title').count(), 0, `${hash}: the failure page`);
}

/** Opens the address as a new document (as a reader offline opens a link) and waits for its route's render. */
async function shows(hash: string, route: string): Promise<string> {
  await page.goto('about:blank');
  await page.goto(`${site.url}${hash}`);
  await page.waitForFunction(
    (route) => {
      const s = document.querySelector<HTMLElement>('.markdown-section[data-ready]');
      return s !== null && s.dataset['route'] === route;
    },
    route,
    { timeout: 15000 },
  );
  assert.equal(await page.locator('.failure-title').count(), 0, `${hash}: the failure page`);
  const text = (await page.locator('.markdown-section').textContent()) ?? '';
  assert.ok(text.trim().length > 20, `${hash}: no text`);
  return text;
}

test('after one visit, every route opens with the network off', async () => {
  await shows('#/', '');
  await page.waitForFunction(() => document.documentElement.dataset['offline'] === 'ready', undefined, { timeout: 15000 });
  // The first visit's page is not yet controlled; a reload is, as a returning reader's page would be.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  try {
    const index = yearIndex as YearIndex;
    // Every route the sidebar links to (issue 11: 100 % of them), read from the sidebar itself.
    const sidebar = [...read('_sidebar.md').matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]!.replace(/^\//, '').replace(/\.md$/, ''));
    assert.ok(sidebar.length >= 10, 'the sidebar lists the routes');
    const routes: [string, string][] = [
      ...sidebar.map((r): [string, string] => [`#/${r}`, r]),
      [`#/year/${encodeURIComponent('元祐三年')}`, 'chapters/02-yuanyou'],
    ];
    for (const [hash, route] of routes) await shows(hash, route);
    // Every year link of the chronicle (issue 11: all of them open offline), landing in its entry's chapter. A
    // year link opened as a new document asks the worker for what its chapter's route asked for just above (the
    // hash is not part of any request), so the rest follow one another in the page, as a reader's clicks do.
    for (const r of index.years) await follows(`#/year/${r.year}`, r.chapter);
    const t = await shows('?script=t#/chapters/02-yuanyou', 'chapters/02-yuanyou');
    assert.match(t, /[祐夏國]/u);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(offOrigin, []);
});

test('a new build reaches a returning visitor through the update button', async () => {
  // The returning reader, at the home page (the script the test before chose is remembered: 繁).
  await shows('#/', '');
  await page.waitForFunction(() => document.documentElement.dataset['offline'] === 'ready', undefined, { timeout: 15000 });
  // A new build: the home page changed in both scripts (the reader chose 繁 in the test before), and the
  // worker's inlined manifest carries the pages' new revisions, as scripts/build.ts would write them.
  let sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  for (const file of ['home.md', 't/home.md']) {
    const path = join(dir, file);
    const old = revision(readFileSync(path));
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\n新版本的段落，用于测试更新。\n`);
    assert.ok(sw.includes(`revision:"${old}"`), `${file}: its revision is in sw.js`);
    sw = sw.replace(`revision:"${old}"`, `revision:"${revision(readFileSync(path))}"`);
  }
  writeFileSync(join(dir, 'sw.js'), sw);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  const button = page.getByRole('button', { name: /^有新版本，(点|點)此刷新$/ });
  await button.waitFor({ timeout: 15000 });
  assert.equal(await page.locator('.offline-update[role="status"]').count(), 1);
  await button.click();
  await page.waitForFunction(() => document.querySelector('.markdown-section[data-ready]')?.textContent?.includes('新版本的段落') === true, undefined, {
    timeout: 15000,
  });
  assert.deepEqual(offOrigin, []);
});
