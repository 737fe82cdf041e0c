/**
 * Textual notes: a marker after each corrected character that opens 底本作…，今改… with the evidence, the edition
 * and a link to its entry on the 校勘记 page (which links back to every place: src/core/jiaokan.ts).
 */
import { NotesSchema, readDerived } from '../../core/derived.ts';
import notesData from '../../generated/notes.json';
import { entryNumber, JIAOKAN_ROUTE } from '../../core/jiaokan-view.ts';
import { decoration, el, wrapRange } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { makeTrigger, registerTip } from '../shell/popover.ts';
import { fill } from '../../core/words.ts';
import { scriptNote } from '../script/data.ts';
import { words } from '../script/words.ts';
import { shows } from '../modes/settings.ts';

const data = readDerived(NotesSchema, notesData, 'src/generated/notes.json');

/** A note in the reader's script (the traditional text carries its own, converted by `npm run gen`). */
function noteOf(id: string) {
  const note = data.notes[id];
  return note ? { ...note, ...scriptNote(id) } : null;
}

function buildNote(id: string): Node | null {
  const note = noteOf(id);
  if (!note) return null;
  const w = words();
  const n = entryNumber(note.n);
  const box = el('div', 'tn-note');
  const head = el('p', 'popover-head', fill(w.noteHead, { n, reading: note.reading }));
  head.append(el('span', 'kind-label', note.kind));
  const link = el('a', 'tn-entry', fill(w.noteEntry, { n }));
  link.href = `#/${JIAOKAN_ROUTE}?id=${note.entry}`;
  const back = el('p', 'places');
  back.append(link);
  box.append(head, el('p', '', note.text), back);
  return box;
}

export const notes: Feature = {
  name: 'notes',
  mounted() {
    registerTip('note', buildNote);
  },
  doneEach(ctx: RenderContext) {
    const marks = data.marks[ctx.route];
    if (!marks || !shows('note')) return;
    for (const m of marks) {
      const p = ctx.paragraphs[m.paragraph];
      const note = noteOf(m.id);
      if (!p || !note) continue;
      const span = el('span', 'tn');
      span.id = m.anchor;
      span.dataset['printNote'] = note.text;
      if (!wrapRange(p, m.start, m.end, span, note.reading)) continue;
      const marker = decoration('button', 'tn-marker');
      marker.type = 'button';
      marker.setAttribute('aria-label', fill(words().noteMarker, { n: entryNumber(note.n), reading: note.reading }));
      makeTrigger(marker, 'note', m.id);
      span.after(marker);
    }
  },
};
