// Focus that must land on an element the next renders mount (a note moved to another group is a new list item).
import { useEffect, type RefObject } from 'react';

/** The element asked for, and the state it must have left (the old item re-renders first, and must not take it). */
let pending: { key: string; leaving: string } | null = null;

/** Asks the element registered under `key` to take focus once its state is no longer `leaving`. */
export function requestFocus(key: string, leaving: string): void {
  pending = { key, leaving };
}

/** Registers `ref` under `key` with its current `state`: it takes a focus requested for it after this render. */
export function useFocusRequest(key: string, state: string, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!pending || pending.key !== key || pending.leaving === state || !ref.current) return;
    pending = null;
    ref.current.focus();
  });
}
