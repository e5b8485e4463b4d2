// This participant's dots in the open vote: loaded from the server and changed there, one note at a time.
import { useCallback, useEffect, useState } from 'react';
import { isVoteOpen, type Session } from '../../../shared/src/model/Session.ts';
import type { Identity } from '../app/storage.ts';
import { describeFailure } from '../boards/request.ts';
import { fetchMyVotes, putVote } from './sealedApi.ts';
import type { MyVotes } from '../../../shared/src/model/Sealed.ts';

export interface Votes {
  mine: MyVotes | null;
  error: string | null;
  isBusy: boolean;
  set: (noteId: string, count: number) => Promise<void>;
}

export function useVotes(boardId: string, identity: Identity, session: Session): Votes {
  const isOpen = identity.role === 'participant' && isVoteOpen(session);
  const [mine, setMine] = useState<MyVotes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const token = identity.token;

  useEffect(() => {
    if (!isOpen) {
      setMine(null);
      return;
    }
    let isCurrent = true;
    fetchMyVotes(boardId, token)
      .then((votes) => isCurrent && setMine(votes))
      .catch((failure: unknown) => isCurrent && setError(describeFailure(failure, 'Your votes could not be loaded.')));
    return () => {
      isCurrent = false;
    };
  }, [boardId, token, isOpen, session.votesPerPerson]);

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
    [boardId, token],
  );
  return { mine, error, isBusy, set };
}
