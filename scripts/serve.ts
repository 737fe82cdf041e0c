/**
 * `npm start` (after the build): serves site/ on 127.0.0.1 the way GitHub Pages would, and prints the address.
 * PORT and BASE (the sub-path, default none) can be set in the environment.
 */
import { join } from 'node:path';
import { ROOT } from './lib/repo.ts';
import { serve } from './lib/static-server.ts';

const port = Number(process.env['PORT'] ?? 3000);
try {
  const served = await serve({ root: join(ROOT, 'site'), base: process.env['BASE'] ?? '', port });
  console.log(`《宋史·夏国传》 reader: ${served.url}  (Ctrl+C to stop)`);
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
  console.error(`npm start: port ${port} is already in use; choose another with PORT, e.g. PORT=${port + 1} npm start`);
  process.exit(1);
}
