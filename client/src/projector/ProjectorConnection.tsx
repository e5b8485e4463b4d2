// The connection on the big screen: nothing while connected; a large, calm "Reconnecting…" while not.
import type { ConnectionStatus } from '../sync/BoardConnection.ts';
import { connectionLine } from './projectorWords.ts';

export function ProjectorConnection({ status, isSynced }: { status: ConnectionStatus; isSynced: boolean }) {
  const line = connectionLine(status, isSynced);
  // The live region stays mounted, so the change to "Reconnecting…" (and back) is announced.
  return (
    <div className="projector-connection-slot" role="status" aria-label="Connection">
      {line && (
        <p className="projector-connection" data-tone={line.tone}>
          <span className="projector-connection-dot" aria-hidden="true" />
          <strong>{line.title}</strong> <span className="projector-connection-detail">{line.detail}</span>
        </p>
      )}
    </div>
  );
}
