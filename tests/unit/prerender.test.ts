/** The prerendered paragraphs' markup (src/core/prerender.ts) and the crawlable pages' parts (src/core/crawlable.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decoratedHtml, noteHtmlMark, overrideHtmlMark, termHtmlMark, yearHtmlMark } from '../../src/core/prerender.ts';
import { describe, robotsTxt, sitemapXml, siteUrlOf } from '../../src/core/crawlable.ts';

test('marks nest as the page nests them: a note inside a term (its marker after the whole term), a term over the chapter’s own span, a year entry with its decorations', () => {
  const text = '　　元祐三年，乾顺<遣>使';
  const html = decoratedHtml(text, [
    yearHtmlMark({ start: 2, end: 6, year: 1088, anchor: 'y1088' }),
    overrideHtmlMark({ start: 7, end: 9, term: '乾顺' }),
    termHtmlMark({ start: 7, end: 9, kind: 'person', anchor: 't0-7' }),
    noteHtmlMark({ start: 8, end: 9, anchor: 'n-x-1' }),
  ]);
  assert.equal(
    html,
    '　　<span class="y y-entry" data-anchor="y1088" data-year="1088"><span class="y-expr">元祐三年</span><span class="y-greg" data-decoration="" data-year="1088"></span>' +
      '<button class="y-copy" data-decoration="" type="button" tabindex="-1" aria-hidden="true"></button></span>，' +
      '<span class="gl gl-person" data-anchor="t0-7"><span data-term="乾顺">乾<span class="tn" data-anchor="n-x-1">顺</span></span></span>' +
      '<span class="tn-marker" data-decoration="" aria-hidden="true"></span>&lt;遣&gt;使',
  );
  // An opening mark's marker goes to the end of the clause it opens, as notes.ts places it.
  assert.equal(
    decoratedHtml('曰『甲乙』，丙', [noteHtmlMark({ start: 1, end: 2, anchor: 'n-q-1' })]),
    '曰<span class="tn" data-anchor="n-q-1">『</span>甲乙<span class="tn-marker" data-decoration="" aria-hidden="true"></span>』，丙',
  );
  assert.throws(
    () =>
      decoratedHtml('甲乙丙', [termHtmlMark({ start: 0, end: 2, kind: 'place', anchor: 'a' }), termHtmlMark({ start: 1, end: 3, kind: 'place', anchor: 'b' })]),
    /cross/,
  );
  assert.throws(() => decoratedHtml('甲', [termHtmlMark({ start: 0, end: 2, kind: 'place', anchor: 'a' })]), /outside/);
});

test('the site address: normalised to end in /, refused when it is not http(s); robots and sitemap', () => {
  assert.equal(siteUrlOf(undefined), null);
  assert.equal(siteUrlOf(' '), null);
  assert.equal(siteUrlOf('https://u.github.io/repo'), 'https://u.github.io/repo/');
  assert.equal(siteUrlOf('https://u.github.io/repo/?x#y'), 'https://u.github.io/repo/');
  assert.throws(() => siteUrlOf('u.github.io/repo'), /SITE_URL is not an address/);
  assert.throws(() => siteUrlOf('ftp://u/'), /http/);
  assert.equal(robotsTxt(null), 'User-agent: *\nAllow: /\n');
  const xml = sitemapXml('https://u.github.io/r/', [{ path: 'a&b.html', alternates: { 'zh-Hant': 't/a&b.html' } }]);
  assert.match(xml, /<loc>https:\/\/u\.github\.io\/r\/a&amp;b\.html<\/loc>/);
  assert.match(xml, /hreflang="zh-Hant" href="https:\/\/u\.github\.io\/r\/t\/a&amp;b\.html"/);
  assert.equal(describe(['　　甲乙']), '甲乙');
  assert.equal(describe(['　　'.concat('字'.repeat(100))]).length, 92);
});
