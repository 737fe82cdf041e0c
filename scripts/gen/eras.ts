/** The era table as the browser bundle carries it: parsed and checked here, without the sources and comments. */
import { compactEras } from '../../src/core/eras.ts';
import { eraTable } from '../lib/chronicle.ts';

export default async function eras() {
  const rows = compactEras(eraTable().eras);
  return [{ path: 'src/generated/eras.json', content: `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` }];
}
