// A form's draft of values shown elsewhere: edits stay local until saved, and a change of the values made
// elsewhere (another facilitator tab) replaces the draft.
import { useState } from 'react';

const sameValues = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * `sources` are the values the draft is made from; when one changes, the draft is made again from `make`.
 * The reset happens while rendering (React's pattern for state that follows props), not in an effect.
 */
export function useDraft<D>(sources: readonly unknown[], make: () => D): [D, (next: D | ((draft: D) => D)) => void] {
  const [state, setState] = useState(() => ({ sources, draft: make() }));
  let current = state;
  if (!sameValues(state.sources, sources)) {
    current = { sources, draft: make() };
    setState(current);
  }
  const setDraft = (next: D | ((draft: D) => D)) =>
    setState((previous) => ({
      sources: previous.sources,
      draft: typeof next === 'function' ? (next as (draft: D) => D)(previous.draft) : next,
    }));
  return [current.draft, setDraft];
}
