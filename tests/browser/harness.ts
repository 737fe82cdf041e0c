/**
 * Shared by the browser tests and the benchmarks: the built site served like GitHub Pages under a sub-path, and
 * the system Chromium driven by playwright-core. Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page, type Request } from 'playwright-core';
import { ROOT } from '../../scripts/lib/repo.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

export const BASE = '/song-shi-xia-guo-zhuan/';
export const SITE = join(ROOT, 'site');

export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found (looked at $CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser). ' +
        'Install one: `apt-get install -y chromium fonts-noto-cjk` on Debian/Ubuntu, or set CHROMIUM=/path/to/chrome. ' +
        'The tests never download a browser.',
    );
  }
  return found;
}

/**
 * Playwright's own `--disable-features` (playwright-core 1.65.1, src/server/chromium/chromiumSwitches.ts). Chromium
 * reads only the last `--disable-features` of its command line, so a list of ours must repeat it; `checkLaunch`
 * fails when a Playwright update changes it.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156 opens two omnibox popups (chrome://omnibox-popup.top-chrome/, each in a renderer of its own) for every
 * new browser context, and every test makes one: they cost more than the page under test. Without them a chapter's
 * cold load in a fresh context takes 3.0 CPU-seconds instead of 4.8, an empty page 0.25 instead of 0.9.
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/** How every browser here starts: the system Chromium, headless, with nothing that reaches the network on its own. */
export function launchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      // No host but the test server's resolves, so a request to another origin fails in Chromium itself and never
      // leaves the machine (watchedPage records it). Intercepting every request instead (page.route) sent each one
      // through the test process and cost a sixth of the CPU of every page load (a chapter: 1.92 → 1.62 CPU-seconds).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
    ],
  };
}

/**
 * The site registers an offline worker; a worker that answers from its cache changes what the paint and network
 * measurements see, so contexts block it unless a test asks (`serviceWorkers: 'allow'`, tests/browser/offline.test.ts).
 */
export function blockWorkersByDefault(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
}

/**
 * Fails when Chromium did not start as launchOptions means it to: when the last `--disable-features`, the one Chromium
 * reads, leaves out one that Playwright asked for in an earlier one (after a Playwright update; see
 * PLAYWRIGHT_DISABLED_FEATURES).
 */
export async function checkLaunch(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('chrome://version');
    const line = (await page.locator('#command_line').textContent()) ?? '';
    const lists = [...line.matchAll(/--disable-features=(\S*)/g)].map((m) => (m[1] ?? '').split(','));
    const read = lists.at(-1) ?? [];
    const dropped = lists.flat().filter((f) => !read.includes(f));
    if (lists.length === 0 || dropped.length > 0) {
      throw new Error(
        `Chromium does not disable ${dropped.join(', ') || 'what launchOptions asks for'}: Playwright's own ` +
          '--disable-features changed; copy its list into PLAYWRIGHT_DISABLED_FEATURES (tests/browser/harness.ts).',
      );
    }
    // Only slower, not wrong: a warning, so that a new Chromium from the distribution does not stop the tests.
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    if (targetInfos.some((t) => t.url.startsWith('chrome://omnibox-popup'))) {
      console.warn('harness: Chromium opens its omnibox popups for every context again; see OUR_DISABLED_FEATURES');
    }
  } finally {
    await context.close();
  }
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch(launchOptions());
  await checkLaunch(browser);
  blockWorkersByDefault(browser);
  return browser;
}

/**
 * `npm test` (scripts/test.ts) serves the site and starts Chromium once for every browser file and names them
 * here; a file run alone starts its own. Each file still gets its own contexts, so no state crosses files.
 */
export const SHARED_SITE_ENV = 'READER_TEST_SITE';
export const SHARED_BROWSER_ENV = 'READER_TEST_BROWSER';

export async function serveSite(): Promise<Served> {
  if (!existsSync(join(SITE, 'index.html'))) throw new Error('site/ is not built: run `npm run build` first');
  return serve({ root: SITE, base: BASE });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  failedRequests: string[];
}

/** For each watched page: resolves once no request of it is in flight. */
const quietOf = new WeakMap<Page, () => Promise<void>>();

/**
 * Waits until the page has no request in flight (a watched page; any other resolves at once). Docsify's search
 * indexes every page in the background after the first render; leaving the page before that is done would abort
 * those requests and report them as failed, a fault of the test and not of the site.
 */
export async function networkQuiet(page: Page): Promise<void> {
  await quietOf.get(page)?.();
}

/** A page that records console errors, page errors, failed and 4xx/5xx requests, and any off-host request. */
export async function watchedPage(context: BrowserContext, origin: string): Promise<Watched> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const inflight = new Set<Request>();
  let waiters: (() => void)[] = [];
  const settle = (r: Request): void => {
    inflight.delete(r);
    if (inflight.size > 0) return;
    for (const w of waiters) w();
    waiters = [];
  };
  page.on('request', (r) => inflight.add(r));
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  quietOf.set(page, () => (inflight.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Chromium asks for the icon on its own, whenever it likes, so a quiet network (networkQuiet) does not mean the
    // icon was asked for: the test's next navigation may abort it, which says nothing of the site (favicon.test.ts
    // checks the icon itself).
    if (r.url().endsWith('/assets/favicon.svg') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.url()} ${r.status()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (/^(https?|wss?):/.test(url) && !url.startsWith(origin)) failedRequests.push(`off-host: ${url}`);
  });
  return { page, consoleErrors, failedRequests };
}

/**
 * Waits until a render is complete: Docsify has rendered the page (of `route`, when given) and every feature has
 * finished with it, its late data included (the plugin's `data-ready`, src/site/main.ts).
 */
export async function waitForRender(page: Page, route?: string): Promise<void> {
  await page.waitForFunction(
    (route) => {
      const s = document.querySelector<HTMLElement>('.markdown-section');
      return !!s && s.hasAttribute('data-ready') && (route === undefined || s.dataset['route'] === route) && document.querySelector('.sidebar-nav li') !== null;
    },
    route,
    { timeout: 15000 },
  );
  await networkQuiet(page);
}

/** Waits for the next two animation frames: whatever the page scheduled for the next frame (a scroll) has run. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

export interface SiteUnderTest {
  site: Served;
  browser: Browser;
  /** A desktop-sized context shared by a file's tests; a test that needs other settings makes its own. */
  context: BrowserContext;
  origin: string;
}

/**
 * The built site served and Chromium launched for one test file: registers the file's before and after hooks.
 * `ownBrowser`: a Chromium of the file's own even when npm test shares one. The clipboard belongs to the browser, one
 * for all its contexts, so a file that reads what it copied must not share it with files running beside it (the year
 * links' copy test once read the empty text cite.test.ts had just put there).
 */
export function useSite(options: { ownBrowser?: boolean } = {}): Readonly<SiteUnderTest> {
  const t = {} as SiteUnderTest;
  before(async () => {
    const sharedSite = process.env[SHARED_SITE_ENV];
    const sharedBrowser = options.ownBrowser ? undefined : process.env[SHARED_BROWSER_ENV];
    t.site = sharedSite ? { url: sharedSite, close: async () => {} } : await serveSite();
    t.origin = new URL(t.site.url).origin;
    // A connected browser's close() closes this file's contexts and disconnects; the shared Chromium stays up.
    t.browser = sharedBrowser ? await chromium.connect(sharedBrowser) : await launch();
    if (sharedBrowser) blockWorkersByDefault(t.browser);
    t.context = await t.browser.newContext({ viewport: { width: 1200, height: 900 } });
  });
  after(async () => {
    await t.browser?.close();
    await t.site?.close();
  });
  return t;
}
