// This participant's dots in the open vote: loaded from the server and changed there, one note at a time.
import { useCallback, useState } from 'react';
import { isVoteOpen, type Session } from '@shared/model/Session.ts';
import { describeFailure } from '../app/http.ts';
import type { Identity } from '../app/storage.ts';
import { useApi } from '../app/useApi.ts';
import { fetchMyVotes, putVote } from './sealedApi.ts';
import type { MyVotes } from '@shared/model/Sealed.ts';

export interface Votes {
  mine: MyVotes | null;
  error: string | null;
  isBusy: boolean;
  set: (noteId: string, count: number) => Promise<void>;
}

export function useVotes(boardId: string, identity: Identity, session: Session): Votes {
  const isOpen = identity.role === 'participant' && isVoteOpen(session);
  const token = identity.token;
  // A new allowance of dots asks again: the remaining count changed on the server.
  const loaded = useApi(
    isOpen ? `${boardId} ${token} ${session.votesPerPerson}` : null,
    () => fetchMyVotes(boardId, token),
    'Your votes could not be loaded.',
  );
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const setMine = loaded.set;

  const set = useCallback(
    async (noteId: string, count: number) => {
      setIsBusy(true);
      try {
        setMine(await putVote(boardId, token, noteId, count));
        setError(null);
      } catch (failure) {
        setError(describeFailure(failure, 'That vote did not count. Try again.'));
      } finally {
        setIsBusy(false);
      }
    },
    [boardId, token, setMine],
  );
  const loadError = loaded.state.kind === 'failed' ? loaded.state.message : null;
  return { mine: loaded.value ?? null, error: error ?? loadError, isBusy, set };
}
