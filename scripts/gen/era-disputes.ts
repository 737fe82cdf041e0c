/** src/generated/era-disputes.json: the disputed era readings, checked against the era table, for the year bubbles. */
import { parseEraDisputes } from '../../src/core/era-disputes.ts';
import { eraTable } from '../lib/chronicle.ts';
import { read } from '../lib/repo.ts';

export const ERA_DISPUTES_FILE = 'data/era-disputes.yaml';

export default async function eraDisputes() {
  const disputes = parseEraDisputes(read(ERA_DISPUTES_FILE), ERA_DISPUTES_FILE, eraTable());
  return [{ path: 'src/generated/era-disputes.json', content: JSON.stringify(disputes, null, 1) + '\n' }];
}
