// The discussion's part of the board's side panel: station hand-off, the discussion threads, the facilitator's wording tools.
import { useMemo } from 'react';
import { stationHandoff } from '@shared/discussion/handoff.ts';
import { stationIndexForTeam, teamOf } from '@shared/phases/teamStations.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import { useBoardState, useCurrentExercise, useIdentityContext } from '../board/boardHooks.ts';
import { useServerTimestamp } from '../session/ServerClockContext.tsx';
import { DiscussionPanel } from './DiscussionPanel.tsx';
import { FacilitatorNoteTools } from './FacilitatorNoteTools.tsx';
import { HandoffForm, HandoffPanel } from './HandoffPanel.tsx';
import './discussion.css';

export function DiscussionSide() {
  const { doc, board } = useBoardState();
  const { identity } = useIdentityContext();
  const { stations, notes } = useCurrentExercise();
  // Comment and hand-off times are compared with the session log, which runs on the server's clock.
  const now = useServerTimestamp();
  const { session } = board;
  const author = useMemo(() => ({ id: identity.participantId, name: identity.name, role: identity.role }), [identity]);
  const teamIndex = identity.role === 'participant' ? teamOf(identity.participantId, session.teams) : undefined;
  const handoff = teamIndex === undefined ? undefined : stationHandoff(board, teamIndex);
  const groupStation =
    teamIndex !== undefined && session.phase === 'group'
      ? stations[stationIndexForTeam(teamIndex, session.stationOffset, stations.length)]
      : undefined;
  const isFacilitator = identity.role === 'facilitator';
  // Everyone reads the threads while the room discusses; the panel itself says whether this person may write.
  const showDiscussion = isFacilitator || isGroupingPhase(session.phase);

  return (
    <>
      {handoff && (
        <HandoffPanel
          doc={doc}
          board={board}
          handoff={handoff}
          author={author}
          now={now}
          stationTitle={stations[handoff.stationIndex]?.title ?? ''}
        />
      )}
      {groupStation && (
        // In the group phase the team that tidied a station leaves the first summary, for rotation 1's team.
        <section className="panel handoff-panel" aria-labelledby="handoff-heading">
          <h2 id="handoff-heading">Station hand-off</h2>
          <p className="hint">
            Station {stations.indexOf(groupStation) + 1}: <span dir="auto">{groupStation.title}</span>
          </p>
          <HandoffForm doc={doc} board={board} areaId={groupStation.id} rotation={0} author={author} now={now} />
        </section>
      )}
      {showDiscussion && (
        <DiscussionPanel
          doc={doc}
          board={board}
          stations={stations}
          author={author}
          now={now}
          preferredAreaId={handoff?.areaId}
        />
      )}
      {isFacilitator && <FacilitatorNoteTools doc={doc} notes={notes} stations={stations} />}
    </>
  );
}
