/**
 * Textual notes: the corrected reading is marked (span.tn, the anchor) and a marker 「校」 after it opens 底本作…，
 * 今改… with the evidence, the edition and a link to its entry on the 校勘记 page (which links back to every place:
 * src/core/jiaokan.ts).
 *
 * The marker stands after the whole word the reading belongs to, never inside it (鄜延^校, not 鄜^校延): notes are
 * decorated first and the year expressions and glossary terms that contain a reading wrap it later, so once every
 * feature is done (`ready`) each marker moves out past the outermost mark around it. Its label is CSS, and joins
 * the character before it, so it never begins a line (notes.css).
 */
import { NotesSchema, readDerived } from '../../core/derived.ts';
import notesData from '../../generated/notes.json';
import { entryNumber, JIAOKAN_ROUTE, markerOffset } from '../../core/jiaokan-view.ts';
import { decoration, el, rangeAt, wrapRange } from '../shell/dom-text.ts';
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
      // A span with the button role, not a <button>: a <button> is an atomic inline box, and a line may break before
      // one whatever joins it to the character before (notes.css); popover.ts gives it a button's keys.
      const marker = decoration('span', 'tn-marker');
      marker.setAttribute('role', 'button');
      marker.setAttribute('aria-label', fill(words().noteMarker, { n: entryNumber(note.n), reading: note.reading }));
      marker.dataset['for'] = m.anchor;
      makeTrigger(marker, 'note', m.id);
      const at = markerOffset(p.textContent ?? '', m.start, m.end);
      if (at === m.end) span.after(marker);
      else rangeAt(p, at, at)?.insertNode(marker);
    }
  },
  ready(ctx: RenderContext) {
    for (const p of ctx.paragraphs) {
      for (const marker of p.querySelectorAll<HTMLElement>('.tn-marker')) {
        let outer: Element = marker;
        while (outer.parentElement && outer.parentElement !== p) outer = outer.parentElement;
        if (outer !== marker) outer.after(marker);
      }
    }
  },
};
