// Where the canvas looks when it opens, and when a participant's team moves to another station.
import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import { focusView } from '../session/focusView.ts';
import type { BoardLayout } from './layout.ts';
import { fitView, type Viewport } from './useViewport.ts';

/** The smallest scale the board opens at: below it a note's 14 px text is too small to read from a laptop. */
export const READABLE_SCALE = 0.85;

export interface OpeningViewInput {
  layout: BoardLayout;
  size: { width: number; height: number };
  setView: Dispatch<SetStateAction<Viewport>>;
  /** The participant's team station, if any: each new one re-centres the view once. */
  focusAreaId: string | undefined;
}

export function useOpeningView({ layout, size, setView, focusAreaId }: OpeningViewInput) {
  const fit = useCallback(
    () => setView(fitView(layout.width, layout.height, size.width, size.height)),
    [layout, size, setView],
  );
  // Open once, when the stage first has a size and there is a board to show: the whole board when it fits at a
  // readable scale, else the first stations at that scale (pan or "Fit board" for the rest). Phones keep 1:1.
  const hasFitted = useRef(false);
  useEffect(() => {
    if (hasFitted.current || size.width === 0 || layout.width === 0) return;
    hasFitted.current = true;
    if (size.width < 700) return;
    const fitted = fitView(layout.width, layout.height, size.width, size.height);
    setView(fitted.scale >= READABLE_SCALE ? fitted : { ...fitted, scale: READABLE_SCALE });
  }, [size, layout, setView]);

  const focused = focusAreaId === undefined ? undefined : layout.stations.find((s) => s.area.id === focusAreaId);
  const focusedNumber = focused ? layout.stations.indexOf(focused) + 1 : 0;
  const showFocused = useCallback(() => {
    if (focused && size.width > 0) setView(focusView(focused, size.width));
  }, [focused, size.width, setView]);
  // Re-centre only when the station itself changes, so people can still pan around between rotations.
  const lastFocused = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focused) lastFocused.current = undefined;
    if (!focused || size.width === 0 || lastFocused.current === focused.area.id) return;
    lastFocused.current = focused.area.id;
    hasFitted.current = true;
    showFocused();
  }, [focused, size.width, showFocused]);

  return { fit, focused, focusedNumber, showFocused };
}
