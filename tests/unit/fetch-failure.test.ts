import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/repo.ts';
import { fetchFailure } from '../../src/core/fetch-failure.ts';
import { FIRST_WORDS } from '../../src/core/first-words.ts';
import firstWords from '../../src/generated/first-words.json' with { type: 'json' };

test('a failed fetch is told by its status, with the route read', () => {
  assert.deepEqual(fetchFailure('/chapters/03-shaosheng-yuanfu', 404), {
    title: '此页不存在',
    text: '本书没有「chapters/03-shaosheng-yuanfu」这一页（服务器答复 404）。地址可能有误，或者章节已经改名。',
  });
  assert.match(fetchFailure('/chapters/02-yuanyou', 0).text, /^未能取得「chapters\/02-yuanyou」：网络连接中断/);
  assert.match(fetchFailure('/x', 431).text, /^地址「x」太长，服务器拒绝了这一请求（答复 431）/);
  assert.match(fetchFailure('/x', 414).text, /太长/);
  assert.match(fetchFailure('/x', 503).text, /^服务器未能提供「x」（答复 503）/);
  assert.equal(fetchFailure('/x', 503).title, '此页未能载入');
});

test('a long or invisible route is shown cut and by code point, never as it came', () => {
  const long = fetchFailure(`/chapters/${'a'.repeat(100_000)}`, 431).text;
  assert.ok(long.length < 120, long);
  assert.match(long, /「chapters\/a+…」/);
  assert.match(fetchFailure('/a\u202Eb', 404).text, /「aU\+202Eb」/);
});

test('the traditional words are the simplified ones converted, key for key', () => {
  assert.deepEqual(firstWords.s, FIRST_WORDS);
  assert.deepEqual(Object.keys(firstWords.t), Object.keys(FIRST_WORDS));
  assert.equal(fetchFailure('/x', 0, firstWords.t).title, '此頁未能載入');
});

test("index.html's own title and loading line are the first words the page puts in the reader's script", () => {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  assert.ok(html.includes(`<title>${FIRST_WORDS.pageTitle}</title>`), 'index.html <title> is FIRST_WORDS.pageTitle');
  assert.ok(html.includes(`<div id="app">${FIRST_WORDS.loading}</div>`), 'index.html #app is FIRST_WORDS.loading');
  assert.ok(FIRST_WORDS.pageTitle.startsWith(FIRST_WORDS.siteName));
});
