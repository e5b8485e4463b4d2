// Where the canvas looks when it opens, and when a participant's team moves to another station.
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { focusView } from '../session/focusView.ts';
import type { BoardLayout } from './layout.ts';
import { fitView, type Viewport } from './useViewport.ts';

/** The smallest scale the board opens at: below it a note's 14 px text is too small to read from a laptop. */
export const READABLE_SCALE = 0.85;

/** Stages narrower than this (phones) open at 1:1 instead of fitting the board. */
export const FIT_FROM_WIDTH = 700;

/**
 * The view a stage of `size` opens at: the whole board when it fits at a readable scale, else the first stations at
 * that scale (pan or "Fit board" for the rest); undefined (keep 1:1) on a phone.
 */
export function openingView(layout: BoardLayout, size: { width: number; height: number }): Viewport | undefined {
  if (size.width < FIT_FROM_WIDTH) return undefined;
  const fitted = fitView(layout.width, layout.height, size.width, size.height);
  return fitted.scale >= READABLE_SCALE ? fitted : { ...fitted, scale: READABLE_SCALE };
}

export interface OpeningViewInput {
  layout: BoardLayout;
  size: { width: number; height: number };
  view: Viewport;
  setView: Dispatch<SetStateAction<Viewport>>;
  /** The participant's team station, if any: each new one re-centres the view once. */
  focusAreaId: string | undefined;
}

export function useOpeningView({ layout, size, view, setView, focusAreaId }: OpeningViewInput) {
  const fit = useCallback(
    () => setView(fitView(layout.width, layout.height, size.width, size.height)),
    [layout, size, setView],
  );
  const focused = focusAreaId === undefined ? undefined : layout.stations.find((s) => s.area.id === focusAreaId);
  const focusedNumber = focused ? layout.stations.indexOf(focused) + 1 : 0;
  const showFocused = useCallback(() => {
    if (focused && size.width > 0) setView(focusView(focused, size.width));
  }, [focused, size.width, setView]);

  // Both are adjusted during render (React's pattern for state derived from a change), not in an effect: the
  // first frame is then drawn at the opening view, instead of notes being mounted and drawn at 1:1 first.
  const [hasOpened, setOpened] = useState(false);
  // Re-centre only when the station itself changes, so people can still pan around between rotations.
  const [shownStation, setShownStation] = useState<string | undefined>(undefined);
  const focusedId = focused?.area.id;
  if (focusedId !== shownStation && (focusedId === undefined || size.width > 0)) {
    setShownStation(focusedId);
    if (focused) {
      setOpened(true);
      const next = focusView(focused, size.width);
      if (!sameView(view, next)) setView(next);
    }
  } else if (!hasOpened && size.width > 0 && layout.width > 0) {
    setOpened(true);
    const opening = openingView(layout, size);
    if (opening && !sameView(view, opening)) setView(opening);
  }

  return { fit, focused, focusedNumber, showFocused };
}

const sameView = (a: Viewport, b: Viewport) => a.scale === b.scale && a.x === b.x && a.y === b.y;
