// Which of the board's views a person sees: from `?view=` when it names one they may use, else by role and screen width.
import type { Role } from '@shared/model/Role.ts';

/** The board's views: the canvas, the accessible list, the phone posting form and the facilitator's projector. */
export type ViewKind = 'board' | 'list' | 'phone' | 'projector';

/** Labels as the "View" control shows them, in its order. */
export const VIEW_LABEL: Record<ViewKind, string> = {
  board: 'Board',
  list: 'List',
  phone: 'Phone posting',
  projector: 'Projector',
};

/** Touch screens at most this wide (CSS px) get the phone posting view by default, if they belong to a participant. */
export const NARROW_MAX_PX = 600;

/**
 * A phone: a narrow screen that is touched. A desktop window dragged narrow keeps the canvas, which its mouse
 * handles well; the person can still pick "Phone posting".
 */
export function isPhoneScreen(): boolean {
  if (typeof window.matchMedia !== 'function') return false;
  const isNarrow = window.matchMedia(`(max-width: ${NARROW_MAX_PX}px)`).matches;
  const isTouch = window.matchMedia('(pointer: coarse)').matches || navigator.maxTouchPoints > 0;
  return isNarrow && isTouch;
}

/** The views `role` may pick: the projector shows the join link's QR code, so it is the facilitator's alone. */
export function viewsFor(role: Role): ViewKind[] {
  return role === 'facilitator' ? ['board', 'list', 'phone', 'projector'] : ['board', 'list', 'phone'];
}

/** The view named by a `?view=` query, or undefined when there is none or it names no view. */
export function viewFromSearch(search: string): ViewKind | undefined {
  const value = new URLSearchParams(search).get('view');
  return value === 'board' || value === 'list' || value === 'phone' || value === 'projector' ? value : undefined;
}

/**
 * The view to open with: the address's choice when `role` may use it; otherwise the phone posting view for
 * participants on phones (`isPhone`: a narrow touch screen), and the board for everyone else.
 */
export function initialView(input: { search: string; role: Role; isPhone: boolean }): ViewKind {
  const asked = viewFromSearch(input.search);
  if (asked && viewsFor(input.role).includes(asked)) return asked;
  return input.role === 'participant' && input.isPhone ? 'phone' : 'board';
}

/** `href` with `?view=` set to `view`, other query parameters and the path kept (the fragment is dropped: it held secrets). */
export function hrefWithView(href: string, view: ViewKind): string {
  const url = new URL(href);
  url.searchParams.set('view', view);
  return url.pathname + url.search;
}
