/**
 * Print, read through the print media's computed styles and generated content: footnote numbers that meet are
 * separated (张楙¹³˒¹⁴, not ¹³¹⁴); era years print in black with their Gregorian year (元祐三年〔1088〕); each
 * chapter starts with the work's title, the chapter, the edition statement and the page's address, in the
 * reader's script; none of it is on screen and the text stays the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EDITION_STATEMENT } from '../../src/core/edition.ts';
import traditional from '../../src/generated/traditional.json' with { type: 'json' };
import { useSite, waitForRender, watchedPage } from './harness.ts';

const t = useSite();
const ROUTE = 'chapters/02-yuanyou';

/** What the printed page shows after each numbered place: its number and anything printed before it. */
function numbers(page: Page): Promise<{ text: string; after: string }[]> {
  return page.$$eval('[data-fn]', (els) => els.map((e) => ({ text: e.textContent ?? '', after: getComputedStyle(e, '::after').content })));
}

test('print: numbers that meet are separated, years in black with the Gregorian year, text untouched', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}#/${ROUTE}`);
  await waitForRender(w.page);
  const text = await w.page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent).join('\n'));
  // On screen: no header, and the Gregorian years are the superscript of the screen.
  assert.equal(await w.page.locator('.print-head').isVisible(), false);
  await w.page.emulateMedia({ media: 'print' });

  const fns = await numbers(w.page);
  const zhang = fns.filter((f) => f.text === '张楙' || f.text === '楙');
  assert.equal(zhang.length, 2, JSON.stringify(zhang));
  const inner = zhang.find((f) => f.text === '楙')!;
  const outer = zhang.find((f) => f.text === '张楙')!;
  assert.match(inner.after, /^"\d+"$/, 'the first number as it is');
  assert.match(outer.after, /^",\d+"$/, `the number that follows it at once is set off by a comma: ${outer.after}`);
  // Only numbers that meet get the comma: a number after its own text starts bare.
  assert.ok(fns.filter((f) => f.after.startsWith('",')).length < fns.length / 4);

  const year = await w.page.$eval('#y1088', (e) => {
    const expr = e.querySelector<HTMLElement>('.y-expr')!;
    const greg = e.querySelector<HTMLElement>('.y-greg')!;
    return {
      text: expr.textContent,
      color: getComputedStyle(expr).color,
      display: getComputedStyle(greg).display,
      after: getComputedStyle(greg, '::after').content,
      afterColor: getComputedStyle(greg, '::after').color,
      afterAlign: getComputedStyle(greg, '::after').verticalAlign,
    };
  });
  assert.equal(year.color, 'rgb(0, 0, 0)', 'the era year prints in black');
  assert.notEqual(year.display, 'none', 'the Gregorian year prints');
  // A word joiner keeps 〔1088〕 on the line of the era year's last character.
  assert.equal(year.after, '"\u2060〔1088〕"');
  assert.equal(year.afterColor, 'rgb(0, 0, 0)');
  assert.equal(year.afterAlign, 'baseline');
  const refs = await w.page.$$eval('.y-ref .y-greg', (gs) => gs.map((g) => getComputedStyle(g, '::after').content));
  assert.ok(refs.length > 0 && refs.every((c) => /^"\u2060〔\d{3,4}〕"$/.test(c)), refs.join(' '));

  const head = await w.page.$eval('.print-head', (h) => ({
    text: h.textContent ?? '',
    display: getComputedStyle(h).display,
    first: h === h.parentElement?.firstElementChild,
    decoration: h.hasAttribute('data-decoration'),
  }));
  assert.notEqual(head.display, 'none');
  assert.ok(head.first, 'the header opens the chapter');
  assert.ok(head.decoration);
  assert.match(head.text, /宋史·夏国传/);
  assert.match(head.text, /哲宗元祐（1086—1093）/);
  assert.ok(head.text.includes(EDITION_STATEMENT), 'the edition statement');
  assert.ok(head.text.includes(`${t.site.url}#/${ROUTE}`), `the page's address: ${head.text}`);
  assert.equal(await w.page.$$eval('.markdown-section > p', (ps) => ps.map((p) => p.textContent).join('\n')), text, 'the text is the text');
  await w.page.emulateMedia({ media: 'screen' });
  await w.page.close();
});

test('print in the traditional reader: the header in its script, the address with ?script=t', async () => {
  const w = await watchedPage(t.context, t.origin);
  await w.page.goto(`${t.site.url}?script=t#/${ROUTE}`);
  await waitForRender(w.page);
  await w.page.emulateMedia({ media: 'print' });
  const head = await w.page.locator('.print-head').textContent();
  assert.ok(head?.includes(traditional.words.printEdition), head ?? '');
  assert.notEqual(traditional.words.printEdition, EDITION_STATEMENT);
  assert.ok(head?.includes(`${t.site.url}?script=t#/${ROUTE}`), head ?? '');
  await w.page.emulateMedia({ media: 'screen' });
  await w.page.close();
});
