/**
 * A static server that behaves like GitHub Pages for this site: files under a sub-path (`/REPO/`), index.html for
 * a directory, a plain 404 for anything else, and — unless the site root holds `.nojekyll` — no file or folder
 * whose name starts with "_" (Jekyll drops them), and gzip for text when the browser accepts it, as Pages does.
 * Tests and benchmarks use it so that what Pages would show (a fault, a size) shows here too.
 *
 * A file is read and compressed once per version (size and modification time) and kept: compressing on every
 * request made the gzip path sixty times slower than the plain one under load.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Cached {
  version: string;
  raw: Buffer;
  gzip: Buffer | null;
}

/** The file's bytes, and its gzip form for a compressible type, from the cache while the file is unchanged. */
function body(cache: Map<string, Cached>, file: string, stat: Stats, compressible: boolean): Cached {
  const version = `${stat.size}:${stat.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.version === version) return hit;
  const raw = readFileSync(file);
  const entry = { version, raw, gzip: compressible ? gzipSync(raw) : null };
  cache.set(file, entry);
  return entry;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** `onResponse` hears every answer (path and status), including what the browser asks for on its own (an icon). */
export function serve(opts: { root: string; base?: string; port?: number; host?: string; onResponse?: (path: string, status: number) => void }): Promise<Served> {
  const base = `/${(opts.base ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const host = opts.host ?? '127.0.0.1';
  const jekyll = !existsSync(join(opts.root, '.nojekyll'));
  const cache = new Map<string, Cached>();
  const server: Server = createServer((req, res) => {
    if (opts.onResponse) res.on('finish', () => opts.onResponse!(req.url ?? '', res.statusCode));
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><h1>404 File not found</h1>');
    };
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return notFound();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base });
      return res.end();
    }
    if (!path.startsWith(base)) return notFound();
    const rel = normalize(path.slice(base.length));
    if (rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.') && part !== '.')) return notFound();
    if (jekyll && rel.split(sep).some((part) => part.startsWith('_'))) return notFound();
    let file = join(opts.root, rel);
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      file = join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) return notFound();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cached = body(cache, file, stat, /text|javascript|json|svg/.test(type));
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && cached.gzip !== null;
    const bytes = gzip ? cached.gzip! : cached.raw;
    res.writeHead(200, {
      'content-type': type,
      'content-length': bytes.length,
      // What GitHub Pages sends: a repeat visit within ten minutes reads from the browser's cache.
      'cache-control': 'max-age=600',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        url: `http://${host}:${port}${base}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
