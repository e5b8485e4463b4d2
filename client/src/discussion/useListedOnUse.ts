// A select over every note of the board lists its options only once someone reaches it: at 5,000 notes the
// console's four note selects are about 20,000 <option>s that a cold join would otherwise build and lay out.
import { useCallback, useState } from 'react';

export interface ListOnUse {
  /** A keyboard user tabbing in gets the full list before their first arrow key. */
  onFocus: () => void;
  /** A pointer opens the native list on mousedown, after this handler has listed the options. */
  onPointerDown: () => void;
}

/** True once the select was focused or pressed; stays true. Spread the handlers onto the select. */
export function useListedOnUse(): [isListed: boolean, listOnUse: ListOnUse] {
  const [isListed, setListed] = useState(false);
  const list = useCallback(() => setListed(true), []);
  return [isListed, { onFocus: list, onPointerDown: list }];
}
