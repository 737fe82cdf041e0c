/** The first script's words in the reader's script (core/first-words.ts): bundled in both, so valid before any fetch. */
import type { FirstWords } from '../../core/first-words.ts';
import firstWordsJson from '../../generated/first-words.json';
import { script } from './script.ts';

export function firstWords(): FirstWords {
  return firstWordsJson[script()];
}
