/**
 * The one note bubble every feature shares (textual notes, year notes, glossary notes). A trigger is any element
 * with `data-tip="<kind>:<key>"`; the feature that owns `<kind>` registers how to build its content.
 *
 * Behaviour readers expect from an annotated edition: opens on hover after a short delay, on keyboard focus and
 * on tap; Esc or a tap elsewhere closes it; one open at a time; kept inside the viewport and never over its
 * term (placed above or below, shifted sideways only); announced through role="tooltip" + aria-describedby.
 *
 * Two WAI-ARIA Authoring Practices patterns share the one bubble. Opened by hover, tap or focus it is the Tooltip
 * pattern: a description of its term (role="tooltip", aria-describedby), its links clickable by pointer but not in
 * the Tab order. Enter or Space on a focused term (or on a 校 marker, role="button") opens it as a non-modal
 * dialog, the Disclosure pattern's content: role="dialog" named by its heading, its links in the Tab order right
 * after the term (the bubble is placed in the DOM after the term's paragraph, whose other items are out of the Tab
 * order: shell/roving.ts), so Tab moves into it and on past it to the next paragraph; Esc closes it and gives focus
 * back to the term; pointer moves leave it open; the rest of the page stays usable (nothing is made inert).
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { onRouteChange } from './router.ts';
import { installRoving, joinRoving } from './roving.ts';

type Builder = (key: string, trigger: HTMLElement) => Node | null;

const builders = new Map<string, Builder>();
const TIP_ID = 'reader-tip';
const HEAD_ID = 'reader-tip-head';
/** The chronicle's paragraphs: a bubble opened from one is placed after it (see above). */
const PARAGRAPH = '.markdown-section > p';
const OPEN_DELAY = 250;
const CLOSE_DELAY = 200;

/** The bubble's state, all of it: the one bubble, the trigger it is open for, its pending open and close. */
const state = {
  tip: null as HTMLDivElement | null,
  current: null as HTMLElement | null,
  stopAutoUpdate: null as (() => void) | null,
  openTimer: 0,
  closeTimer: 0,
  installed: false,
  /** Focus is being given back to a trigger, which must not open its note again. */
  refocusing: false,
  /** The bubble is open as a dialog (from the keyboard): pointer moves do not close or replace it. */
  dialog: false,
};

export function registerTip(kind: string, build: Builder): void {
  builders.set(kind, build);
}

function tipElement(): HTMLDivElement {
  if (!state.tip) {
    state.tip = document.createElement('div');
    state.tip.id = TIP_ID;
    state.tip.className = 'popover';
    state.tip.setAttribute('role', 'tooltip');
    // A tap or click on the bubble's text focuses the bubble, not the text's container around it (which would count
    // as focus moving elsewhere and close it). Not in the tab order.
    state.tip.tabIndex = -1;
    state.tip.hidden = true;
    state.tip.addEventListener('mouseenter', () => keepOpen());
    state.tip.addEventListener('mouseleave', () => {
      if (!state.dialog) scheduleClose();
    });
  }
  return state.tip;
}

function triggerOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('[data-tip]') as HTMLElement | null) : null;
}

export function openTip(trigger: HTMLElement, asDialog = false): void {
  clearTimeout(state.openTimer);
  keepOpen();
  if (state.current === trigger) {
    if (asDialog) setDialog(true);
    return;
  }
  const spec = trigger.dataset['tip'] ?? '';
  const sep = spec.indexOf(':');
  const build = builders.get(spec.slice(0, sep));
  const content = build?.(spec.slice(sep + 1), trigger);
  if (!content) return;
  closeTip();
  const el = tipElement();
  // Right after the trigger's paragraph, so that the dialog's links come next in the Tab order (never inside the
  // paragraph: its textContent is the chronicle's); elsewhere inside the trigger's landmark (the text's
  // `role="main"`), so that the note is part of the page's structure and not stray content after it. Re-attached
  // each time, as a render replaces the text and whatever it held.
  const paragraph = trigger.closest(PARAGRAPH);
  if (paragraph) {
    if (paragraph.nextElementSibling !== el) paragraph.after(el);
  } else {
    const host = trigger.closest('[role="main"], main:not([role])') ?? document.body;
    if (el.parentElement !== host) host.append(el);
  }
  el.replaceChildren(content);
  el.querySelector('.popover-head')?.setAttribute('id', HEAD_ID);
  el.hidden = false;
  state.current = trigger;
  trigger.setAttribute('aria-describedby', TIP_ID);
  setDialog(asDialog);
  state.stopAutoUpdate = autoUpdate(trigger, el, () => place(trigger, el));
}

/**
 * The viewport's edges less what is fixed over them: a feature with a bar at the bottom of the screen (the phone's,
 * phone-bar.css) sets `--reader-inset-bottom`, and the bubble stays clear of it.
 */
function padding(): { top: number; right: number; bottom: number; left: number } {
  const inset = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--reader-inset-bottom')) || 0;
  return { top: 8, right: 8, bottom: 8 + inset, left: 8 };
}

function place(trigger: HTMLElement, el: HTMLElement): void {
  const pad = padding();
  void computePosition(trigger, el, {
    placement: 'bottom',
    strategy: 'fixed',
    middleware: [
      offset(6),
      // Only above or below: a bubble beside the term could cover the words around it on a phone.
      flip({ fallbackPlacements: ['top'], padding: pad }),
      shift({ padding: pad }),
      size({
        padding: pad,
        apply({ availableHeight, availableWidth }) {
          el.style.maxHeight = `${Math.max(80, availableHeight)}px`;
          el.style.maxWidth = `${Math.min(420, availableWidth)}px`;
        },
      }),
    ],
  }).then(({ x, y, placement }) => {
    el.style.left = `${x}px`;
    el.style.top = `${y}px`;
    el.dataset['placement'] = placement;
  });
}

/** Tooltip or non-modal dialog (see above): the role, the name, and whether the bubble's links take Tab. */
function setDialog(on: boolean): void {
  const el = state.tip;
  if (!el) return;
  state.dialog = on;
  el.setAttribute('role', on ? 'dialog' : 'tooltip');
  if (on && el.querySelector(`#${HEAD_ID}`)) el.setAttribute('aria-labelledby', HEAD_ID);
  else el.removeAttribute('aria-labelledby');
  for (const a of el.querySelectorAll<HTMLElement>('a[href], button')) a.tabIndex = on ? 0 : -1;
  if (state.current && isButton(state.current)) state.current.setAttribute('aria-expanded', String(on));
}

export function closeTip(): void {
  clearTimeout(state.openTimer);
  hide();
}

/** Closes the open note only: a pending open of another term (the pointer has moved on to it) still happens. */
function hide(): void {
  keepOpen();
  state.stopAutoUpdate?.();
  state.stopAutoUpdate = null;
  if (state.current) {
    state.current.removeAttribute('aria-describedby');
    if (isButton(state.current)) state.current.setAttribute('aria-expanded', 'false');
  }
  state.current = null;
  state.dialog = false;
  if (state.tip) {
    state.tip.hidden = true;
    state.tip.replaceChildren();
  }
}

/** A pending close shows as `data-closing` on the bubble, so that a test can wait for it to be cancelled. */
function scheduleClose(): void {
  clearTimeout(state.closeTimer);
  state.closeTimer = window.setTimeout(hide, CLOSE_DELAY);
  if (state.tip) state.tip.dataset['closing'] = '';
}

function keepOpen(): void {
  clearTimeout(state.closeTimer);
  if (state.tip) delete state.tip.dataset['closing'];
}

/** Listens once, on the document, so triggers added by any render work without their own listeners. */
export function installPopover(): void {
  if (state.installed) return;
  state.installed = true;
  installRoving();
  document.addEventListener('mouseover', (e) => {
    const t = triggerOf(e.target);
    if (!t) return;
    if (t === state.current) {
      keepOpen();
      return;
    }
    // A dialog the keyboard opened is not replaced by a pointer passing over the text.
    if (state.dialog) return;
    // Another term: the open note still closes when its close is due (a pointer sweeping across the text must not
    // leave it stuck open); this one opens if the pointer stays.
    clearTimeout(state.openTimer);
    state.openTimer = window.setTimeout(() => openTip(t), OPEN_DELAY);
  });
  document.addEventListener('mouseout', (e) => {
    const t = triggerOf(e.target);
    if (!t) return;
    clearTimeout(state.openTimer);
    const to = e.relatedTarget;
    if (to instanceof Node && (t.contains(to) || state.tip?.contains(to))) return;
    if (t === state.current && !state.dialog) scheduleClose();
  });
  document.addEventListener('focusin', (e) => {
    const t = triggerOf(e.target);
    if (t) {
      if (!state.refocusing) openTip(t);
    } else if (!(e.target instanceof Node && state.tip?.contains(e.target))) closeTip();
  });
  document.addEventListener('click', (e) => {
    const t = triggerOf(e.target);
    if (t) {
      // A tap opens (touch has no hover); a link inside a trigger still works.
      if (!(e.target instanceof Element && e.target.closest('a[href]'))) e.preventDefault();
      // A click with no pointer (detail 0) is a <button>'s Enter or Space: its note opens as a dialog.
      if (e.detail === 0 && t instanceof HTMLButtonElement) toggleDialog(t);
      else openTip(t);
    } else if (!(e.target instanceof Node && state.tip?.contains(e.target))) {
      closeTip();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.current) {
      const t = state.current;
      // Asked before closing: closing empties the bubble, and focus inside it would fall to the body.
      const inside = !!state.tip?.contains(document.activeElement);
      closeTip();
      if (inside) {
        // Focus goes back to the term, which must not open the note again (focus on a term opens it).
        state.refocusing = true;
        try {
          t.focus();
        } finally {
          state.refocusing = false;
        }
      }
    } else if ((e.key === 'Enter' || e.key === ' ') && triggerOf(e.target) && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      toggleDialog(triggerOf(e.target)!);
    }
  });
  // A route change replaces the content under the bubble.
  onRouteChange(closeTip);
}

/** A trigger that is a button (the 校 marker): it says whether its dialog is open (aria-expanded). */
function isButton(el: HTMLElement): boolean {
  return el instanceof HTMLButtonElement || el.getAttribute('role') === 'button';
}

/** Enter or Space on a trigger: its note as a dialog, or, when that is what is open, closed (a disclosure's toggle). */
function toggleDialog(t: HTMLElement): void {
  if (state.current === t && state.dialog) closeTip();
  else openTip(t, true);
}

/** Marks an element as a trigger for `<kind>:<key>`, reachable by keyboard (one stop a paragraph: roving.ts). */
export function makeTrigger(el: HTMLElement, kind: string, key: string): void {
  el.dataset['tip'] = `${kind}:${key}`;
  if (isButton(el)) {
    el.setAttribute('aria-haspopup', 'dialog');
    el.setAttribute('aria-expanded', 'false');
  }
  joinRoving(el);
}
