// The session's part of the board page: the shared session panel for everyone, and the console for the facilitator.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { useBoardState, useIdentityContext } from '../board/boardHooks.ts';
import { FacilitatorConsole } from '../facilitator/FacilitatorConsole.tsx';
import { SetupEditor } from '../setup/SetupEditor.tsx';
import type { PeerUser } from '../presence/awarenessState.ts';
import { usePageClock } from './ServerClockContext.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { useBrowserChime } from './useChime.ts';
import { useCommand } from './useCommand.ts';
import './session.css';

/** The template's minimum team size as the board stores it (meta.minTeamSize), as the server reads it. */
export function readMinTeamSize(doc: Y.Doc): number {
  const value = boardMaps(doc).meta.get('minTeamSize');
  return typeof value === 'number' && value > 0 ? value : 3;
}

export interface SessionSideProps {
  /** Who is connected now (awareness). */
  people: readonly PeerUser[];
}

export function SessionSide({ people }: SessionSideProps) {
  const { boardId, doc, board } = useBoardState();
  const { identity } = useIdentityContext();
  const clock = usePageClock();
  const chime = useBrowserChime();
  const commands = useCommand({ boardId, token: identity.token });
  const presentIds = useMemo(() => new Set(people.map((person) => person.participantId)), [people]);
  return (
    <>
      <SessionPanel
        board={board}
        self={{ participantId: identity.participantId, role: identity.role }}
        clock={clock}
        chime={chime}
        commands={commands}
      />
      {identity.role === 'facilitator' && (
        <SetupEditor doc={doc} board={board} boardId={boardId} token={identity.token} />
      )}
      {identity.role === 'facilitator' && (
        <FacilitatorConsole
          board={board}
          boardId={boardId}
          token={identity.token}
          clock={clock}
          presentIds={presentIds}
          minTeamSize={readMinTeamSize(doc)}
          origin={window.location.origin}
          confirm={(question) => window.confirm(question)}
        />
      )}
    </>
  );
}
