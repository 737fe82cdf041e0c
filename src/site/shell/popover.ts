/**
 * The one note bubble every feature shares (textual notes, year notes, glossary notes). A trigger is any element
 * with `data-tip="<kind>:<key>"`; the feature that owns `<kind>` registers how to build its content.
 *
 * Behaviour readers expect from an annotated edition: opens on hover after a short delay, on keyboard focus and
 * on tap; Esc or a tap elsewhere closes it; one open at a time; kept inside the viewport and never over its
 * term (placed above or below, shifted sideways only); announced through role="tooltip" + aria-describedby.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { onRouteChange } from './router.ts';

type Builder = (key: string, trigger: HTMLElement) => Node | null;

const builders = new Map<string, Builder>();
const TIP_ID = 'reader-tip';
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
    state.tip.addEventListener('mouseleave', () => scheduleClose());
  }
  return state.tip;
}

function triggerOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('[data-tip]') as HTMLElement | null) : null;
}

export function openTip(trigger: HTMLElement): void {
  clearTimeout(state.openTimer);
  keepOpen();
  if (state.current === trigger) return;
  const spec = trigger.dataset['tip'] ?? '';
  const sep = spec.indexOf(':');
  const build = builders.get(spec.slice(0, sep));
  const content = build?.(spec.slice(sep + 1), trigger);
  if (!content) return;
  closeTip();
  const el = tipElement();
  // Inside the trigger's landmark (the text's `role="main"`), so that the note is part of the page's structure and
  // not stray content after it; re-attached each time, as a render replaces the text and whatever it held.
  const host = trigger.closest('[role="main"], main:not([role])') ?? document.body;
  if (el.parentElement !== host) host.append(el);
  el.replaceChildren(content);
  el.hidden = false;
  state.current = trigger;
  trigger.setAttribute('aria-describedby', TIP_ID);
  state.stopAutoUpdate = autoUpdate(trigger, el, () => place(trigger, el));
}

function place(trigger: HTMLElement, el: HTMLElement): void {
  void computePosition(trigger, el, {
    placement: 'bottom',
    strategy: 'fixed',
    middleware: [
      offset(6),
      // Only above or below: a bubble beside the term could cover the words around it on a phone.
      flip({ fallbackPlacements: ['top'], padding: 8 }),
      shift({ padding: 8 }),
      size({
        padding: 8,
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
  }
  state.current = null;
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
  document.addEventListener('mouseover', (e) => {
    const t = triggerOf(e.target);
    if (!t) return;
    if (t === state.current) {
      keepOpen();
      return;
    }
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
    if (t === state.current) scheduleClose();
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
      openTip(t);
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
      openTip(triggerOf(e.target)!);
    }
  });
  // A route change replaces the content under the bubble.
  onRouteChange(closeTip);
}

/** Marks an element as a trigger for `<kind>:<key>`, reachable by keyboard. */
export function makeTrigger(el: HTMLElement, kind: string, key: string): void {
  el.dataset['tip'] = `${kind}:${key}`;
  if (!(el instanceof HTMLButtonElement) && !(el instanceof HTMLAnchorElement)) el.tabIndex = 0;
}
