/** Build step: the 校勘记 page, jiaokan.md, from data/corrections.yaml through the core (src/core/jiaokan.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jiaokanPage, JIAOKAN_ROUTE } from '../../src/core/jiaokan.ts';
import { chronicleJiaokan } from '../lib/jiaokan.ts';

export default async function jiaokanStep({ out }: { root: string; out: string }): Promise<void> {
  const { entries, chapters } = chronicleJiaokan();
  writeFileSync(join(out, `${JIAOKAN_ROUTE}.md`), jiaokanPage(entries, chapters));
}
