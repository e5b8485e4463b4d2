// Focus that must land on an element the next render mounts (a note moved to another group is a new list item).
import { useEffect, type RefObject } from 'react';

let pending: string | null = null;

/** Asks the element registered under `key` to take focus once it is (re)mounted. */
export function requestFocus(key: string): void {
  pending = key;
}

/** Registers `ref` under `key`: when a focus was requested for it, it takes focus after this render. */
export function useFocusRequest(key: string, ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (pending !== key || !ref.current) return;
    pending = null;
    ref.current.focus();
  });
}
