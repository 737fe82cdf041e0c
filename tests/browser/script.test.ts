/**
 * 繁/简: the traditional text is a second copy of the site under t/, chosen by the control, a link or the last
 * choice. By role and name, with the keyboard and by touch; the choice survives a reload; a shared link opens the
 * traditional text; decorations are matched on it; axe-core in light and dark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { traditional, traditionalChapters } from '../../scripts/lib/traditional.ts';
import { readChapters } from '../../scripts/lib/repo.ts';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const ROUTE = 'chapters/03-shaosheng-yuanfu';
const trad = traditionalChapters().find((c) => c.route === ROUTE)!;
const simp = readChapters().find((c) => c.route === ROUTE)!;

async function paragraphs(page: Page): Promise<string[]> {
  return page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent ?? ''));
}

/** The features have decorated the render: year entries and glossary terms are in place. */
async function decorated(page: Page): Promise<void> {
  await waitForRender(page);
  await page.waitForSelector('.markdown-section .y-entry');
  await page.waitForSelector('.markdown-section .gl');
  await page.waitForSelector('.script-switch', { state: 'attached' });
}

test('a traditional link opens the traditional text, decorated on it, and keeps the address shareable', async () => {
  const w = await watchedPage(await t.browser.newContext(DESKTOP), t.origin);
  await w.page.goto(`${t.site.url}?script=t#/${ROUTE}?id=y1098`);
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hant');
  assert.deepEqual(await paragraphs(w.page), trad.chapter.paragraphs.map((p) => p.text));
  assert.notDeepEqual(trad.chapter.paragraphs.map((p) => p.text), simp.chapter.paragraphs.map((p) => p.text));
  assert.equal(await w.page.locator('.markdown-section h1').innerText(), trad.chapter.title);
  // Names keep their surnames; the terms are the traditional glossary's.
  const terms = await w.page.$$eval('.markdown-section .gl', (xs) => xs.map((x) => x.textContent));
  assert.ok(terms.includes('种朴') && terms.includes('折可適'), terms.join(' '));
  // The entry the link named is the target; its copy link shares the traditional text.
  await w.page.waitForSelector('#y1098.is-target');
  const href = await w.page.locator('#y1098 .y-copy').getAttribute('data-href');
  assert.equal(href, `${t.site.url}?script=t#/${ROUTE}?id=y1098`);
  // The bubble speaks traditional characters: era names from the traditional table, the page's own words.
  await w.page.locator('#y1098 .y-expr').focus();
  await w.page.waitForFunction(() => document.querySelector('#reader-tip')?.textContent?.includes('本條紀年'));
  const tip = await w.page.locator('#reader-tip').innerText();
  assert.match(tip, /元符元年/);
  assert.match(tip, /遼道宗/);
  assert.doesNotMatch(tip, /纪|辽/);
  // The sidebar is the traditional one.
  assert.match(await w.page.locator('.sidebar-nav').innerText(), /哲宗紹聖/);
  assert.equal(await w.page.getByRole('button', { name: '繁體' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await w.page.context().close();
});

test('the control by keyboard: 繁體 switches, stays after a reload, and 简体 comes back at the same entry', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}#/${ROUTE}?id=y1097`);
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hans');
  const group = w.page.getByRole('group', { name: '简繁' });
  const toTrad = group.getByRole('button', { name: '繁體' });
  assert.equal(await group.getByRole('button', { name: '简体' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await toTrad.getAttribute('aria-pressed'), 'false');
  await toTrad.focus();
  await w.page.keyboard.press('Enter');
  await w.page.waitForURL(/\?script=t#/);
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hant');
  assert.deepEqual(await paragraphs(w.page), trad.chapter.paragraphs.map((p) => p.text));
  assert.match(w.page.url(), /\?script=t#\/chapters\/03-shaosheng-yuanfu\?id=y1097/);
  // Remembered: an address without the parameter opens the traditional text and gains it.
  await w.page.goto(`${t.site.url}#/${ROUTE}`);
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hant');
  assert.match(w.page.url(), /\?script=t#/);
  await w.page.reload();
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hant');
  // Back, with Space this time.
  await w.page.getByRole('button', { name: '简体' }).focus();
  await w.page.keyboard.press(' ');
  await w.page.waitForURL((u) => !u.search.includes('script'));
  await decorated(w.page);
  assert.deepEqual(await paragraphs(w.page), simp.chapter.paragraphs.map((p) => p.text));
  await w.page.reload();
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('the control by touch on a phone, through the sidebar toggle', async () => {
  const context = await t.browser.newContext(PHONE);
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}#/${ROUTE}`);
  await decorated(w.page);
  await w.page.locator('.sidebar-toggle').tap();
  const toTrad = w.page.getByRole('button', { name: '繁體' });
  await toTrad.waitFor({ state: 'visible' });
  const box = (await toTrad.boundingBox())!;
  assert.ok(box.height >= 44 && box.width >= 44, `a finger's target: ${box.width}×${box.height}`);
  await toTrad.tap();
  await w.page.waitForURL(/\?script=t#/);
  await decorated(w.page);
  assert.deepEqual(await paragraphs(w.page), trad.chapter.paragraphs.map((p) => p.text));
  assert.equal(await w.page.evaluate(() => localStorage.getItem('song-shi-xia-guo-zhuan:script')), 't');
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('a bad script parameter is ignored: the simplified text, no error', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}?script=%3Cb%3E#/${ROUTE}`);
  await decorated(w.page);
  assert.equal(await w.page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.deepEqual(await paragraphs(w.page), simp.chapter.paragraphs.map((p) => p.text));
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('the traditional glossary page and textual notes', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}?script=t#/glossary`);
  await waitForRender(w.page);
  const text = await w.page.locator('.markdown-section').innerText();
  assert.match(text, /註釋索引/);
  assert.match(text, /游師雄/);
  await w.page.goto(`${t.site.url}?script=t#/chapters/04-huizong`);
  await decorated(w.page);
  await w.page.locator('.tn-marker').first().click();
  await w.page.waitForFunction(() => document.querySelector('#reader-tip')?.textContent?.includes('校勘記'));
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}): the traditional chapter with its control`, async () => {
    const context = await t.browser.newContext({ ...DESKTOP, colorScheme });
    const w = await watchedPage(context, t.origin);
    await w.page.goto(`${t.site.url}?script=t#/${ROUTE}`);
    await decorated(w.page);
    assert.deepEqual(await axeViolations(w.page, t.origin), []);
    await context.close();
  });
}

test('search reads the traditional text in the traditional reader', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  await w.page.goto(`${t.site.url}?script=t#/${ROUTE}`);
  await decorated(w.page);
  const box = w.page.getByRole('searchbox', { name: '搜索全文' });
  const searched = (q: string) => w.page.waitForFunction((q) => document.querySelector('#reader-search-status')?.textContent?.includes(`「${q}」`), q);
  await box.fill('种朴');
  await searched('种朴');
  const found = await w.page.locator('.search-results').innerText();
  assert.match(found, /种朴/);
  assert.match(found, /紹聖/);
  // A hit opens the traditional chapter with the match highlighted.
  await w.page.locator('.search-results .search-text a').first().click();
  await w.page.waitForFunction(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('search-hit');
    return h && [...h].some((r) => r.toString() === '种朴');
  });
  // An era year in the traditional script is understood.
  await box.fill('紹聖四年');
  await searched('紹聖四年');
  assert.ok((await w.page.locator('.search-results .search-year a').count()) > 0);
  // The simplified form of a converted word is not in the traditional text.
  await box.fill('绍圣元年五月');
  await searched('绍圣元年五月');
  assert.equal(await w.page.locator('.search-results .search-text a').count(), 0);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

/**
 * Every word the page itself shows or speaks around the text (controls, navigators, the year page, search, live
 * regions, and every aria-label, title and placeholder), with the chronicle's paragraphs, their notes and the
 * search's snippets and glossary entries (the text and the glossary, tested above) left out, and the 简体 button,
 * which names itself in its own script.
 */
async function chrome(page: Page): Promise<string[]> {
  // No named functions inside: the page has no __name helper that the test's compiler would call.
  return page.evaluate(([skip, glossary]) => {
    const out: string[] = [];
    const roots = '.sidebar .reader-setting, .reader-search, .year-nav, .chapter-nav, .skip-link, .phone-bar, .markdown-section, .app-name, [aria-live], [role="status"]';
    for (const root of document.querySelectorAll(roots)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const s = n.textContent?.trim();
        if (s && n.parentElement && !n.parentElement.closest(skip) && !n.parentElement.matches(glossary)) out.push(s);
      }
    }
    for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (e.closest(skip)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = e.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  }, ['.markdown-section[data-route^="chapters/"] > p, .search-snippet, #reader-tip, [lang="zh-Hans"], .prerender, script, style', '.search-term > a, .search-term strong'] as const);
}

test("the traditional page's own words are traditional: controls, navigators, the year page, search, live regions", async () => {
  const context = await t.browser.newContext(DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.origin });
  const w = await watchedPage(context, t.origin);
  const convert = traditional();
  const seen = new Map<string, string>();
  const collect = async (where: string): Promise<void> => {
    for (const s of await chrome(w.page)) if (!seen.has(s)) seen.set(s, where);
  };
  // A chapter, with a copy-link and a change of mode said in the live regions.
  await w.page.goto(`${t.site.url}?script=t#/${ROUTE}`);
  await decorated(w.page);
  await w.page.locator('.y-copy').first().click();
  await w.page.waitForFunction(() => !!document.querySelector('.y-live')?.textContent);
  await w.page.locator('.mode-switch button[data-mode="light"]').click();
  await w.page.waitForFunction(() => !!document.querySelector('.mode-live')?.textContent);
  await waitForRender(w.page, ROUTE);
  await collect(ROUTE);
  await w.page.locator('.mode-switch button[data-mode="full"]').click();
  await waitForRender(w.page, ROUTE);
  // The year pages: a year without an entry, one outside the book, an era year never reached, one not understood.
  for (const year of ['1095', '0', encodeURIComponent('紹聖九十年'), 'abc']) {
    await w.page.goto(`${t.site.url}?script=t#/year/${year}`);
    await waitForRender(w.page);
    await w.page.waitForSelector('.year-page-title');
    await collect(`#/year/${year}`);
  }
  // Search: hits of every kind, a year without an entry, and nothing found.
  const box = w.page.locator('#reader-search-input');
  for (const q of ['元祐', '1095', 'zzz']) {
    await box.fill(q);
    await w.page.waitForFunction((q) => document.querySelector('#reader-search-status')?.textContent?.includes(`「${q}」`), q);
    await collect(`search ${q}`);
  }
  assert.ok(seen.size > 60, `the page's words were collected: ${seen.size}`);
  const simplified = [...seen].filter(([s]) => convert.text(s) !== s).map(([s, where]) => `${where}: 「${s}」 → 「${convert.text(s)}」`);
  assert.deepEqual(simplified, [], 'no word of the page is left in simplified characters');
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});

test('a year link in the other script opens its entry in either page, before the features load', async () => {
  const context = await t.browser.newContext(DESKTOP);
  const w = await watchedPage(context, t.origin);
  for (const [page, link] of [
    ['', '紹聖元年'],
    ['?script=t', '绍圣元年'],
    ['?script=t', '遼壽昌三年'],
  ] as const) {
    // A new document each time (a change of hash alone would be the route listener's, not the first run's).
    await w.page.goto('about:blank');
    await w.page.goto(`${t.site.url}${page}#/year/${encodeURIComponent(link)}`);
    // At the load event the first script has run and the features have not: the fast path has taken the link.
    assert.match(w.page.url(), /#\/chapters\/03-shaosheng-yuanfu\?id=y109[47]$/, `${link}: settled by the first script`);
    await waitForRender(w.page);
    assert.equal(await w.page.locator('.markdown-section').getAttribute('data-route'), 'chapters/03-shaosheng-yuanfu', link);
    assert.match(w.page.url(), /\?id=y109[47]$/, link);
  }
  assert.deepEqual(w.failedRequests, []);
  assert.deepEqual(w.consoleErrors, []);
  await context.close();
});
