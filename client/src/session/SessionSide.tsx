// The session's part of the side panel: the facilitator's console (its Run section holds `children`), or for everyone
// else the instruction, their station, "I'm done" and the ground rules followed by `children`.
import type { ReactNode } from 'react';
import { useBoardState, useIdentityContext } from '../board/boardHooks.ts';
import { FacilitatorConsole } from '../facilitator/FacilitatorConsole.tsx';
import { SetupEditor } from '../setup/SetupEditor.tsx';
import type { PeerUser } from '../presence/awarenessState.ts';
import { usePageClock } from './ServerClockContext.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { useCommand } from './useCommand.ts';
import './session.css';

export interface SessionSideProps {
  /** Who is connected now (awareness). */
  people: readonly PeerUser[];
  /** The rest of the side panel: posting form, discussion, stations. */
  children?: ReactNode;
}

export function SessionSide({ people, children }: SessionSideProps) {
  const { boardId, doc, board } = useBoardState();
  const { identity } = useIdentityContext();
  const clock = usePageClock();
  const commands = useCommand({ boardId, token: identity.token });
  const panel = (
    <SessionPanel
      board={board}
      self={{ participantId: identity.participantId, role: identity.role }}
      clock={clock}
      commands={commands}
    />
  );
  if (identity.role !== 'facilitator')
    return (
      <>
        {panel}
        {children}
      </>
    );
  return (
    <FacilitatorConsole
      doc={doc}
      board={board}
      boardId={boardId}
      token={identity.token}
      clock={clock}
      people={people}
      selfId={identity.participantId}
      origin={window.location.origin}
      confirm={(question) => window.confirm(question)}
      setup={<SetupEditor doc={doc} board={board} boardId={boardId} token={identity.token} />}
    >
      {panel}
      {children}
    </FacilitatorConsole>
  );
}
