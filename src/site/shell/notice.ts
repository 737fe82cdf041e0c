/**
 * Says on the page what the address guard changed (shell/address.ts) and which other readings an era year of the
 * address has (大安四年: 夏 1078, 辽 1088): once, where the address led — before the target's paragraph when it
 * names one (a year link lands mid-chapter), else under the heading — after the render it causes, or at once when
 * the address stays on the page on screen (only the query changed: Docsify does not render again).
 * A `div`, not a `p`: the chronicle's paragraphs are the section's `<p>` children (ARCHITECTURE.md).
 */
import { formatEraYear } from '../../core/eras.ts';
import { fill } from '../../core/words.ts';
import { words } from '../script/words.ts';
import { eraTable } from '../years/year-data.ts';
import { el } from './dom-text.ts';
import type { Feature } from './feature.ts';
import { pendingNotice, type ReadingRef } from './address.ts';
import { onRouteChange } from './router.ts';
import { currentTarget } from './target.ts';

function eraOf(r: ReadingRef) {
  return eraTable().eras.find((e) => e.state === r.state && e.first === r.first) ?? null;
}

/** 夏惠宗大安四年（1078年）, in the reader's script. */
function readingLabel(r: ReadingRef): string {
  const w = words();
  const era = eraOf(r);
  const name = era ? `${w[r.state]}${era.rulerTemple}${formatEraYear(era, r.n)}` : w[r.state];
  return fill(w.readingYear, { label: name, year: r.year });
}

function readingsNotice(readings: ReadingRef[]): Node[] {
  const w = words();
  const era = eraOf(readings[0]!);
  const asked = era ? formatEraYear(era, readings[0]!.n) : '';
  const out: Node[] = [document.createTextNode(fill(w.yearReadings, { asked }))];
  readings.forEach((r, i) => {
    if (i > 0) out.push(document.createTextNode(w.listSeparator));
    const a = el('a', '', readingLabel(r));
    a.href = r.href;
    out.push(a);
  });
  out.push(document.createTextNode(fill(w.yearReadingShown, { label: readingLabel(readings[0]!) })));
  return out;
}

function show(section: HTMLElement): void {
  const { text, readings } = pendingNotice;
  if (!text && !readings) return;
  pendingNotice.text = null;
  pendingNotice.readings = null;
  section.querySelector(':scope > .address-notice')?.remove();
  const box = el('div', 'address-notice', text ?? '');
  if (readings) box.append(...readingsNotice(readings));
  box.setAttribute('role', 'status');
  box.setAttribute('data-decoration', '');
  const { id } = currentTarget();
  const target = id && /^[\w-]+$/.test(id) ? document.getElementById(id) : null;
  const para = target?.closest('.markdown-section > p');
  const h1 = section.querySelector(':scope > h1');
  if (para && section.contains(para)) para.before(box);
  else if (h1) h1.after(box);
  else section.prepend(box);
}

export const notice: Feature = {
  name: 'notice',
  onFailedPage: true,
  mounted() {
    onRouteChange(() => {
      const section = document.querySelector<HTMLElement>('.markdown-section');
      if (section && section.dataset['route'] === currentTarget().route) show(section);
    });
  },
  doneEach(ctx) {
    show(ctx.section);
  },
};
