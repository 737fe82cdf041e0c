/**
 * An era year that more than one era could mean (大安四年: 夏 1078, 辽 1088). The link still opens the table's first
 * reading, and the page says so where the reader lands, with a link to every reading: every era name that two
 * eras bore in data/eras.tsv, in both scripts; axe-core clean in light and dark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { eraTable } from '../../scripts/lib/chronicle.ts';
import { eraYearReadings } from '../../src/core/year-link.ts';
import { axeViolations } from './axe.ts';
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const table = eraTable();
const SHARED = table.names().filter((n) => table.byName(n).length > 1);

interface Shown {
  text: string;
  links: string[];
  inView: boolean;
}

async function notice(page: Page): Promise<Shown> {
  await page.locator('.address-notice').waitFor();
  return page.$eval('.address-notice', (n) => {
    const r = n.getBoundingClientRect();
    return {
      text: n.textContent ?? '',
      links: [...n.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
      inView: r.top >= 0 && r.bottom <= window.innerHeight,
    };
  });
}

test('every era name two eras bore: the year link says which reading it opened and links every reading', async () => {
  assert.ok(SHARED.length >= 4, SHARED.join(' '));
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/chapters/01-bingchang`);
  await waitForRender(w.page);
  const asks = [...SHARED.map((name) => [name, 1] as const), ['大安', 4] as const];
  for (const [name, n] of asks) {
    const asked = `${name}${n === 1 ? '元' : '四'}年`;
    const readings = eraYearReadings(table, name, n);
    assert.ok(readings.length >= 2, asked);
    await w.page.evaluate((h) => (location.hash = h), `#/year/${encodeURIComponent(asked)}`);
    await waitForRender(w.page);
    const shown = await notice(w.page);
    assert.match(shown.text, new RegExp(`「${asked}」不止一种读法`), asked);
    assert.deepEqual(
      shown.links,
      readings.map((r) => `#/year/${r.year}`),
      asked,
    );
    for (const r of readings) assert.ok(shown.text.includes(`${r.era.state}${r.era.rulerTemple}${asked}（${r.year}年）`), `${asked}: ${shown.text}`);
    assert.match(shown.text, new RegExp(`此处按${readings[0]!.era.state}${readings[0]!.era.rulerTemple}${asked}（${readings[0]!.year}年）打开`));
    assert.ok(shown.inView, `${asked}: the notice is where the reader landed`);
  }
  // 大安四年 = 辽 1088 is an entry of the chronicle: its link opens it.
  await w.page.locator('.address-notice a[href="#/year/1088"]').click();
  await waitForRender(w.page, 'chapters/02-yuanyou');
  assert.match(w.page.url(), /#\/chapters\/02-yuanyou\?id=y1088$/);
  // An unambiguous year link says nothing.
  await w.page.evaluate(() => (location.hash = '#/year/元祐四年'));
  await waitForRender(w.page, 'chapters/02-yuanyou');
  assert.equal(await w.page.locator('.address-notice').count(), 0);
  assert.deepEqual(w.consoleErrors, []);
  await w.page.close();
});

test('a state named keeps its own era (no notice); a notice for an address with a target stands above it', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/year/${encodeURIComponent('辽大安四年')}`);
  await waitForRender(w.page, 'chapters/02-yuanyou');
  assert.equal(await w.page.locator('.address-notice').count(), 0);
  // No shared era's first reading falls inside the chronicle, so every one above opened a year page; a notice
  // on a chapter with a target (the address guard's, here) goes where the reader lands, not to the page's top.
  await w.page.goto('about:blank');
  await w.page.goto(`${t.site.url}#/chapters/04-huizong%27?id=y1115`);
  await waitForRender(w.page, 'chapters/04-huizong');
  const shown = await notice(w.page);
  assert.ok(shown.inView, 'in view');
  assert.ok(await w.page.evaluate(() => document.querySelector('.address-notice')?.nextElementSibling?.contains(document.getElementById('y1115'))));
  await w.page.close();
});

test('in the traditional reader the notice is in its script', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}?script=t#/year/${encodeURIComponent('天庆元年')}`);
  await waitForRender(w.page);
  const shown = await notice(w.page);
  assert.match(shown.text, /「天慶元年」不止一種讀法：夏桓宗天慶元年（1194年）、遼天祚帝天慶元年（1111年）。此處按夏桓宗天慶元年（1194年）打開。/);
  await w.page.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core (${colorScheme}) with the readings notice`, async () => {
    const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
    const w = await watchedPage(context, t.origin);
    await w.page.goto(`${t.site.url}#/year/${encodeURIComponent('大安四年')}`);
    await waitForRender(w.page);
    await notice(w.page);
    assert.deepEqual(await axeViolations(w.page, t.origin), []);
    await context.close();
  });
}
