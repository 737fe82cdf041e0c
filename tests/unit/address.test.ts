import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settleAddress } from '../../src/core/address.ts';
import { FIRST_WORDS } from '../../src/core/first-words.ts';
import { fill } from '../../src/core/words.ts';
import firstWords from '../../src/generated/first-words.json' with { type: 'json' };

test('safe addresses are left alone', () => {
  for (const h of ['#/', '#/chapters/02-yuanyou', '#/chapters/02-yuanyou?id=y1088', '#/year/%E5%85%83%E7%A5%90%E4%B8%89%E5%B9%B4', '#/glossary?id=g-5218-6cd5', '#/chapters/04-huizong?id=p6&hl=39-41', '#/year/%E5%85%83',
    // Docsify's own heading anchors: the heading's characters.
    `#/chapters/04-huizong?id=${encodeURIComponent('徽宗建中靖国至宣和（1101—1125）')}`, '#/chapters/04-huizong?id=徽宗建中靖国至宣和（1101—1125）']) {
    assert.equal(settleAddress(h), null, h);
  }
});

test("an id that is not a CSS identifier is dropped, and the reader is told", () => {
  assert.deepEqual(settleAddress('#/chapters/02-yuanyou?id=1abc'), {
    hash: '#/chapters/02-yuanyou',
    notice: '链接所指的位置「1abc」不是本书的锚点，已打开页首。',
  });
  assert.deepEqual(settleAddress('#/chapters/02-yuanyou?id=a%3Cb&hl=1-2'), {
    hash: '#/chapters/02-yuanyou?hl=1-2',
    notice: '链接所指的位置「a<b」不是本书的锚点，已打开页首。',
  });
});

test("quotes, controls and direction marks leave the path, and the message names them by code point", () => {
  assert.deepEqual(settleAddress("#/year/a'b"), { hash: '#/year/ab', notice: '地址中的字符「\'」不能用于本书的地址，已略去；按「ab」打开。' });
  assert.deepEqual(settleAddress('#/year/10%0088'), { hash: '#/year/1088', notice: '地址中的字符「U+0000」不能用于本书的地址，已略去；按「1088」打开。' });
  const rlo = settleAddress('#/year/%E2%80%AE8801');
  assert.equal(rlo?.hash, '#/year/8801');
  assert.match(rlo!.notice!, /U\+202E/);
  assert.deepEqual(settleAddress("#/chapters/02'x"), { hash: '#/chapters/02x', notice: '地址中的字符「\'」不能用于本书的地址，已略去；按「/chapters/02x」打开。' });
});

test('malformed percent-encoding outside year links becomes a page that does not exist, with a message', () => {
  assert.equal(settleAddress('#/chapters/%E5%')?.hash, '#/chapters/E5');
  assert.equal(settleAddress('#/year/%E5%'), null, 'year links answer it themselves');
});

test("the notices are the first script's words, in the script given", () => {
  const t = firstWords.t;
  assert.equal(settleAddress('#/chapters/02-yuanyou?id=1abc', t)?.notice, fill(t.badId, { id: '1abc' }));
  assert.equal(settleAddress('#/chapters/%E5%', t)?.notice, t.badEncoding);
  assert.equal(settleAddress("#/year/a'b", t)?.notice, fill(t.unsafeCharacters, { chars: "「'」", route: 'ab' }));
  assert.notEqual(t.badId, FIRST_WORDS.badId, 'the traditional notice differs from the simplified one');
});
