/** The chapters in reading order with their titles: the previous/next links and the navigator need them. */
import { readChapters } from '../lib/repo.ts';

export default async function chapters() {
  const list = readChapters().map(({ route, chapter }) => ({ route, title: chapter.title }));
  return [{ path: 'src/generated/chapters.json', content: JSON.stringify(list, null, 1) + '\n' }];
}
