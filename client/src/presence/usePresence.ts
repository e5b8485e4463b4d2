// Who is here and who drags what, from the provider's awareness; each hook re-renders only when its part changes.
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { peopleFrom, readDrag, samePeople, type PeerUser, type RemoteDrag } from './awarenessState.ts';

type States = Map<number, Record<string, unknown>>;

/** Announces who we are locally (the server stamps the same identity for everyone else) and clears drags. */
export function useLocalUser(awareness: Awareness, self: PeerUser): void {
  useEffect(() => {
    awareness.setLocalStateField('user', self);
    awareness.setLocalStateField('drag', null);
  }, [awareness, self]);
}

export function usePeople(awareness: Awareness, self: PeerUser): PeerUser[] {
  const [people, setPeople] = useState(() => peopleFrom(awareness.getStates() as States, self));
  useEffect(() => {
    const refresh = () => {
      const next = peopleFrom(awareness.getStates() as States, self);
      setPeople((current) => (samePeople(current, next) ? current : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness, self]);
  return people;
}

export function useRemoteDrags(awareness: Awareness): RemoteDrag[] {
  const [drags, setDrags] = useState<RemoteDrag[]>([]);
  useEffect(() => {
    const refresh = () => {
      const next: RemoteDrag[] = [];
      for (const [clientId, state] of awareness.getStates() as States) {
        if (clientId === awareness.clientID) continue;
        const drag = readDrag(clientId, state);
        if (drag) next.push(drag);
      }
      setDrags((current) => (current.length === 0 && next.length === 0 ? current : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return drags;
}
