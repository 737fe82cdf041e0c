/**
 * The traditional-character text as the build and the tests see it: OpenCC's cn → t (opencc-js) with the reviewed
 * exceptions of data/script/exceptions.yaml, through the one core converter (src/core/script.ts).
 */
import * as OpenCC from 'opencc-js';
import { parseChapter } from '../../src/core/text.ts';
import { parseScriptExceptions, Traditional, type ScriptExceptions } from '../../src/core/script.ts';
import { DataErrors } from '../../src/core/data-error.ts';
import { read, readChapters, type ChapterFile } from './repo.ts';

export const EXCEPTIONS_FILE = 'data/script/exceptions.yaml';

let cached: Traditional | null = null;

export function readExceptions(): ScriptExceptions {
  return parseScriptExceptions(read(EXCEPTIONS_FILE), EXCEPTIONS_FILE);
}

/** OpenCC's own conversion, with no exception: the tests measure what the exceptions fix against it. */
export function openccOnly(): (s: string) => string {
  return OpenCC.Converter({ from: 'cn', to: 't' });
}

/** The text's converter; the repository's own exceptions' one is built once (tests pass others). */
export function traditional(exceptions?: ScriptExceptions): Traditional {
  if (exceptions) return new Traditional(openccOnly(), exceptions, EXCEPTIONS_FILE);
  cached ??= new Traditional(openccOnly(), readExceptions(), EXCEPTIONS_FILE);
  return cached;
}

/** The chapters in traditional characters, in reading order, with the same routes and files. */
export function traditionalChapters(t: Traditional = traditional()): ChapterFile[] {
  const chapters = readChapters();
  const stray = t.strayOverrides(chapters.map((c) => c.file));
  if (stray.length) throw new DataErrors(stray);
  return chapters.map((c) => {
    const markdown = t.chapter(c.markdown, c.file);
    return { ...c, markdown, chapter: parseChapter(markdown, c.file) };
  });
}
