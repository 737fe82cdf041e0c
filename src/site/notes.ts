/** Textual notes: a marker after each corrected character that opens 底本作…，今改… with the evidence. */
import notesData from '../generated/notes.json';
import { chapterParagraphs, decoration, wrapRange } from './dom-text.ts';
import type { Feature, RenderContext } from './feature.ts';
import { makeTrigger, registerTip } from './popover.ts';

const data = notesData as {
  notes: Record<string, { text: string; reading: string; certainty: string }>;
  marks: Record<string, { paragraph: number; start: number; end: number; id: string }[]>;
};

function buildNote(id: string): Node | null {
  const note = data.notes[id];
  if (!note) return null;
  const box = document.createElement('div');
  const head = document.createElement('p');
  head.className = 'popover-head';
  head.textContent = `校勘记 · ${note.reading}`;
  const body = document.createElement('p');
  body.textContent = note.text;
  box.append(head, body);
  return box;
}

export const notes: Feature = {
  name: 'notes',
  mounted() {
    registerTip('note', buildNote);
  },
  doneEach(ctx: RenderContext) {
    const marks = data.marks[ctx.route];
    if (!marks) return;
    const ps = chapterParagraphs(ctx.section);
    const seen = new Map<string, number>();
    for (const m of marks) {
      const p = ps[m.paragraph];
      const note = data.notes[m.id];
      if (!p || !note) continue;
      const k = (seen.get(m.id) ?? 0) + 1;
      seen.set(m.id, k);
      const span = document.createElement('span');
      span.className = 'tn';
      span.id = `n-${m.id}-${k}`;
      span.dataset['printNote'] = note.text;
      if (!wrapRange(p, m.start, m.end, span, note.reading)) continue;
      const marker = decoration('button', 'tn-marker');
      marker.type = 'button';
      marker.setAttribute('aria-label', `校勘记：${note.reading}`);
      makeTrigger(marker, 'note', m.id);
      span.after(marker);
    }
  },
};
