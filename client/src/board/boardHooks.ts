// One hook per concern of a connected board: its state, who I am, the session and current exercise, what I may do.
import { useCallback, useMemo } from 'react';
import type { Note } from '@shared/model/Note.ts';
import type { Action, Verdict } from '@shared/rules/capabilities.ts';
import { lookUpCapability } from '../app/capabilityTable.ts';
import { CAPABILITY_VERDICTS } from '../app/capabilityVerdicts.ts';
import { currentExercise, phaseLine, stationsOf } from '../session/sessionView.ts';
import { useBoardContext } from './BoardContext.tsx';

/** The connection, its snapshot, the doc and the board as records. */
export function useBoardState() {
  const { boardId, connection, snapshot, doc, board } = useBoardContext();
  return { boardId, connection, snapshot, doc, board };
}

/** Who this browser is on the board: the stored identity (with its token) and the awareness user. */
export function useIdentityContext() {
  const { identity, self } = useBoardContext();
  return { identity, self };
}

/** The session, its current exercise with that exercise's stations and notes, and the phase in words. */
export function useCurrentExercise() {
  const { board } = useBoardContext();
  const { session } = board;
  const exercise = currentExercise(board);
  const stations = useMemo(() => stationsOf(board.areas, exercise?.id), [board.areas, exercise?.id]);
  const notes = useMemo(() => {
    const ids = new Set(stations.map((area) => area.id));
    return board.notes.filter((note: Note) => ids.has(note.areaId));
  }, [stations, board.notes]);
  return { session, exercise, stations, notes, phase: phaseLine(session, exercise) };
}

export interface Capabilities {
  /** May I do this now, and if not, why: the guard's own rules' answer (app/capabilityTable.ts). */
  check: (action: Action) => Verdict;
  may: (action: Action) => boolean;
  /** Why not, or null when I may. */
  refusal: (action: Action) => string | null;
}

/** What this person may do in the session as it is now. */
export function useCapabilities(): Capabilities {
  const { board, self } = useBoardContext();
  const { phase, observersMayPost, votesRevealed, participantsMayExport } = board.session;
  const actor = useMemo(
    () => ({ participantId: self.participantId, role: self.role }),
    [self.participantId, self.role],
  );
  const check = useCallback(
    (action: Action) =>
      lookUpCapability(
        CAPABILITY_VERDICTS,
        actor,
        { phase, observersMayPost, votesRevealed, participantsMayExport },
        action,
      ),
    [actor, phase, observersMayPost, votesRevealed, participantsMayExport],
  );
  return useMemo(
    () => ({
      check,
      may: (action: Action) => check(action).allowed,
      refusal: (action: Action) => {
        const verdict = check(action);
        return verdict.allowed ? null : verdict.reason;
      },
    }),
    [check],
  );
}
