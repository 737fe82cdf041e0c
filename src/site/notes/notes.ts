/** Textual notes: a marker after each corrected character that opens 底本作…，今改… with the evidence. */
import notesData from '../../generated/notes.json';
import { decoration, el, wrapRange } from '../shell/dom-text.ts';
import type { Feature, RenderContext } from '../shell/feature.ts';
import { makeTrigger, registerTip } from '../shell/popover.ts';
import { fill } from '../../core/words.ts';
import { scriptNote } from '../script/data.ts';
import { words } from '../script/words.ts';
import { shows } from '../modes/settings.ts';

const data = notesData as {
  notes: Record<string, { text: string; reading: string; certainty: string }>;
  marks: Record<string, { paragraph: number; start: number; end: number; id: string }[]>;
};

/** A note in the reader's script (the traditional text carries its own, converted by `npm run gen`). */
function noteOf(id: string): { text: string; reading: string } | null {
  const note = data.notes[id];
  return note ? (scriptNote(id) ?? note) : null;
}

function buildNote(id: string): Node | null {
  const note = noteOf(id);
  if (!note) return null;
  const box = el('div', '');
  box.append(el('p', 'popover-head', fill(words().noteHead, { reading: note.reading })), el('p', '', note.text));
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
    const seen = new Map<string, number>();
    for (const m of marks) {
      const p = ctx.paragraphs[m.paragraph];
      const note = noteOf(m.id);
      if (!p || !note) continue;
      const k = (seen.get(m.id) ?? 0) + 1;
      seen.set(m.id, k);
      const span = el('span', 'tn');
      span.id = `n-${m.id}-${k}`;
      span.dataset['printNote'] = note.text;
      if (!wrapRange(p, m.start, m.end, span, note.reading)) continue;
      const marker = decoration('button', 'tn-marker');
      marker.type = 'button';
      marker.setAttribute('aria-label', fill(words().noteMarker, { reading: note.reading }));
      makeTrigger(marker, 'note', m.id);
      span.after(marker);
    }
  },
};
