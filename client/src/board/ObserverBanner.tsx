// The one note telling an observer what they can do, which depends on whether the facilitator lets observers post.
import { useBoardState, useIdentityContext } from './boardHooks.ts';

export function ObserverBanner() {
  const { identity } = useIdentityContext();
  const { board } = useBoardState();
  if (identity.role !== 'observer') return null;
  const text = board.session.observersMayPost
    ? 'You are observing: the facilitator lets observers post notes and comments while the room works on them.'
    : 'You are observing: you can read everything; the facilitator has not let observers post.';
  return (
    <p className="observing" role="note">
      {text}
    </p>
  );
}
