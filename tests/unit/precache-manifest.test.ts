import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excluded, precacheManifest } from '../../scripts/lib/precache-manifest.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('a revision changes when the content changes, and only that one', () => {
  const a = precacheManifest([
    { path: 'chapters/01.md', bytes: bytes('一') },
    { path: 'index.html', bytes: bytes('<p>') },
  ]);
  const b = precacheManifest([
    { path: 'chapters/01.md', bytes: bytes('二') },
    { path: 'index.html', bytes: bytes('<p>') },
  ]);
  assert.notEqual(a[0]?.revision, b[0]?.revision);
  assert.equal(a[1]?.revision, b[1]?.revision);
});

test('every file is listed, sorted, except the stated exclusions', () => {
  const paths = [
    'index.html',
    'chapters/04-huizong.md',
    'chapters/04-huizong.html',
    't/chapters/04-huizong.html',
    'prerender/chapters/04-huizong.html',
    't/prerender/home.html',
    'sitemap.xml',
    'robots.txt',
    '.nojekyll',
    'sw.js',
    'vendor/docsify/LICENSE',
    'data/years.json',
    'assets/chunks/features-AB12.js',
  ];
  const listed = precacheManifest(paths.map((path) => ({ path, bytes: bytes(path) }))).map((e) => e.url);
  assert.deepEqual(listed, [
    'assets/chunks/features-AB12.js',
    'chapters/04-huizong.md',
    'data/years.json',
    'index.html',
    'prerender/chapters/04-huizong.html',
    't/prerender/home.html',
  ]);
  assert.equal(excluded('chapters/04-huizong.md'), false);
});
