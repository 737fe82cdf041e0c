/**
 * Everything the reader adds to Docsify's page, loaded as a separate chunk once the first text is rendered
 * (main.ts), so that none of it stands between a reader and the text (bench/load.bench.ts).
 */
import { chapterNav } from '../chapter-nav/chapter-nav.ts';
import type { Feature } from './feature.ts';
import { glossary, preloadGlossary } from '../glossary/glossary.ts';
import { notes } from '../notes/notes.ts';
import { installPopover } from './popover.ts';
import { printNotes } from '../print/footnotes.ts';
import { searchFeature } from '../search/search.ts';
import { notice } from './notice.ts';
import { sidebar } from './sidebar.ts';
import { target } from './target.ts';
import { years } from '../years/years.ts';
import { loadScriptData } from '../script/data.ts';
import { scriptControl } from '../script/control.ts';
import { modes, onModeChange } from '../modes/modes.ts';
import { themeControl } from '../theme/control.ts';
import { phoneBar } from '../phone-bar/phone-bar.ts';
import { pictures } from '../pictures/pictures.ts';
import { cite } from '../cite/cite.ts';
import { offline } from '../offline/offline.ts';

// Order matters: the script, mode and theme controls come first (the others read them); marks nest notes inside
// years inside glossary terms; the cite buttons go beside the entries once the notes have moved their markers
// (ready); search names the part of the target to show; the target is found after all of them,
// and the printed notes are numbered when everything is in place.
export const features: Feature[] = [
  scriptControl,
  modes,
  themeControl,
  notes,
  years,
  chapterNav,
  pictures,
  glossary,
  searchFeature,
  sidebar,
  notice,
  cite,
  target,
  printNotes,
  phoneBar,
  offline,
];

/** What the features need before they first run: the traditional text's words, eras and notes, if it is on. */
export function prepareFeatures(): Promise<void> {
  return loadScriptData();
}

/** `redecorate` is main.ts's: the render on screen, cleared and decorated again (a reading mode changed). */
export function mountFeatures(redecorate: () => void): void {
  onModeChange(redecorate);
  installPopover();
  for (const f of features) f.mounted?.();
  preloadGlossary();
}
