/** The local server behaves like GitHub Pages where it matters, answers every method clearly, and keeps up. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from '../../scripts/lib/repo.ts';
import { serve } from '../../scripts/lib/static-server.ts';

async function withSite(f: (url: string, root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'a.js'), 'console.log("一");\n'.repeat(50));
  const served = await serve({ root, base: 'repo' });
  try {
    await f(served.url, root);
  } finally {
    await served.close();
    rmSync(root, { recursive: true, force: true });
  }
}

test('a method other than GET and HEAD is 405 with Allow', async () => {
  await withSite(async (url) => {
    const r = await fetch(url, { method: 'POST', body: 'x' });
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET, HEAD');
  });
});

test('gzip when asked, the same bytes every time, and a changed file is served changed', async () => {
  await withSite(async (url, root) => {
    const get = async (): Promise<{ encoding: string | null; text: string }> => {
      // fetch decodes gzip itself; a raw request shows what the server sent.
      const { request } = await import('node:http');
      return new Promise((resolve, reject) => {
        request(`${url}a.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'] ?? null;
            resolve({ encoding, text: (encoding === 'gzip' ? gunzipSync(raw) : raw).toString() });
          });
        })
          .on('error', reject)
          .end();
      });
    };
    const a = await get();
    assert.equal(a.encoding, 'gzip');
    assert.match(a.text, /^console\.log\("一"\);/);
    assert.deepEqual(await get(), a);
    writeFileSync(join(root, 'a.js'), 'console.log("二");\n');
    assert.equal((await get()).text, 'console.log("二");\n');
  });
});

test('npm start on a port in use says so in one line, with how to choose another', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PORT: String(port) },
    });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`port ${port} is already in use; choose another with PORT, e\\.g\\. PORT=${port + 1} npm start`));
  } finally {
    blocker.close();
  }
});

test('npm start serves under BASE on PORT and says where; the read-me documents both', async () => {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', BASE: '/some-repo/' },
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its address: ${out}`)));
    });
    assert.match(line, /http:\/\/127\.0\.0\.1:\d+\/some-repo\//);
  } finally {
    child.kill();
  }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /PORT=\d+/);
  assert.match(readme, /`BASE`, the base path/);
});

test('files are sent with max-age=600, as GitHub Pages sends them', async () => {
  await withSite(async (url) => {
    const r = await fetch(`${url}a.js`);
    assert.equal(r.headers.get('cache-control'), 'max-age=600');
  });
});
