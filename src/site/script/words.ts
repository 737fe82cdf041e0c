/** The page's words in the reader's script (kept out of the first script: only the features write words). */
import { WORDS, type Words } from '../../core/words.ts';
import { scriptWords } from './data.ts';

export function words(): Words {
  return scriptWords() ?? WORDS;
}
