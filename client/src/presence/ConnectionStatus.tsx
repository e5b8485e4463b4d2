// The connection state, always visible, with a banner while not connected and the latest notice from the server.
import type { ConnectionNotice, ConnectionStatus as Status } from '../sync/BoardConnection.ts';

const LABEL: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline – reconnecting',
  stopped: 'Disconnected',
};

export function ConnectionStatus(props: { status: Status; notice: ConnectionNotice | null; onDismiss: () => void }) {
  const { status, notice, onDismiss } = props;
  return (
    <>
      <p className={`connection connection-${status}`} role="status" aria-label="Connection">
        <span className="connection-dot" aria-hidden="true" />
        {LABEL[status]}
      </p>
      {status !== 'connected' && status !== 'stopped' && (
        <div className="banner banner-warning" role="alert">
          {status === 'offline'
            ? 'You are offline. Notes you post are kept and sent when the connection is back.'
            : 'Connecting to the board…'}
        </div>
      )}
      {notice && (
        <div key={notice.id} className={`banner banner-${notice.tone}`} role="alert">
          <span>{notice.text}</span>
          {status !== 'stopped' && (
            <button type="button" className="link-button" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </>
  );
}
