/**
 * `npm start` (after the build): serves site/ on 127.0.0.1 the way GitHub Pages would, and prints the address.
 * PORT and BASE (the sub-path, default none) can be set in the environment.
 */
import { join } from 'node:path';
import { ROOT } from './lib/repo.ts';
import { serve } from './lib/static-server.ts';

const served = await serve({
  root: join(ROOT, 'site'),
  base: process.env['BASE'] ?? '',
  port: Number(process.env['PORT'] ?? 3000),
});
console.log(`《宋史·夏国传》 reader: ${served.url}  (Ctrl+C to stop)`);
