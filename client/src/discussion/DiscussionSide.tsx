// The discussion's part of the board's side panel: station hand-off, the discussion threads, the facilitator's wording tools.
import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import type { Board } from '../../../shared/src/doc/readBoard.ts';
import { stationHandoff } from '../../../shared/src/discussion/handoff.ts';
import type { Area } from '../../../shared/src/model/Area.ts';
import { teamOf } from '../../../shared/src/phases/balanceTeams.ts';
import type { Identity } from '../app/storage.ts';
import { useServerClock } from '../session/useServerClock.ts';
import { DiscussionPanel } from './DiscussionPanel.tsx';
import { FacilitatorNoteTools } from './FacilitatorNoteTools.tsx';
import { HandoffPanel } from './HandoffPanel.tsx';
import './discussion.css';

export interface DiscussionSideProps {
  doc: Y.Doc;
  board: Board;
  identity: Identity;
  /** The stations of the current exercise, in order. */
  stations: readonly Area[];
}

export function DiscussionSide({ doc, board, identity, stations }: DiscussionSideProps) {
  // Comment and hand-off times are compared with the session log, which runs on the server's clock.
  const clock = useServerClock();
  // The measured offset is fractional; record times are whole milliseconds.
  const now = useCallback(() => Math.round(clock.now()), [clock]);
  const { session } = board;
  const author = useMemo(() => ({ id: identity.participantId, name: identity.name, role: identity.role }), [identity]);
  const teamIndex = identity.role === 'participant' ? teamOf(identity.participantId, session.teams) : undefined;
  const handoff = teamIndex === undefined ? undefined : stationHandoff(board, teamIndex);
  const stationIds = useMemo(() => new Set(stations.map((s) => s.id)), [stations]);
  const notes = useMemo(() => board.notes.filter((n) => stationIds.has(n.areaId)), [board.notes, stationIds]);
  const isFacilitator = identity.role === 'facilitator';
  const showDiscussion = isFacilitator || session.phase === 'group' || session.phase === 'rotate';

  return (
    <>
      {handoff && (
        <HandoffPanel doc={doc} board={board} handoff={handoff} author={author} now={now}
          stationTitle={stations[handoff.stationIndex]?.title ?? ''} />
      )}
      {showDiscussion && (
        <DiscussionPanel doc={doc} board={board} stations={stations} author={author} now={now} preferredAreaId={handoff?.areaId} />
      )}
      {isFacilitator && <FacilitatorNoteTools doc={doc} notes={notes} stations={stations} />}
    </>
  );
}
