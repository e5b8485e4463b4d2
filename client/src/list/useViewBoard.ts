// What every alternative view needs from the connection: the snapshot, the board as records, and who we are.
import { useMemo } from 'react';
import type { Identity } from '../app/storage.ts';
import type { PeerUser } from '../presence/awarenessState.ts';
import { useLocalUser } from '../presence/usePresence.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import { useBoard } from '../sync/useBoard.ts';
import { useConnectionSnapshot } from '../sync/useBoardConnection.ts';

/** Reads the board and announces this person in awareness, as the canvas view does, so "Here now" stays right. */
export function useViewBoard(connection: BoardConnection, identity: Identity) {
  const snapshot = useConnectionSnapshot(connection);
  const board = useBoard(snapshot.doc);
  const self: PeerUser = useMemo(
    () => ({ participantId: identity.participantId, name: identity.name, role: identity.role }),
    [identity.participantId, identity.name, identity.role],
  );
  useLocalUser(snapshot.provider.awareness, self);
  return { snapshot, doc: snapshot.doc, board, self };
}
