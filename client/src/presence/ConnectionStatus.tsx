// The connection state, always visible, with a banner while not connected and the latest notice from the server.
// The top bar shows the state in its row and the banners under it: `showStatus` and `showBanners` pick the part.
import type { ConnectionNotice, ConnectionStatus as Status } from '../sync/BoardConnection.ts';

const LABEL: Record<Status, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline – reconnecting',
  stopped: 'Disconnected',
};

export interface ConnectionStatusProps {
  status: Status;
  notice: ConnectionNotice | null;
  onDismiss: () => void;
  showStatus?: boolean;
  showBanners?: boolean;
}

export function ConnectionStatus(props: ConnectionStatusProps) {
  const { status, notice, onDismiss, showStatus = true, showBanners = true } = props;
  return (
    <>
      {showStatus && (
        <p className={`connection connection-${status}`} role="status" aria-label="Connection">
          <span className="connection-dot" aria-hidden="true" />
          {LABEL[status]}
        </p>
      )}
      {showBanners && status !== 'connected' && status !== 'stopped' && (
        <div className="banner banner-warning" role="alert">
          {status === 'offline'
            ? 'You are offline. Notes you post are kept and sent when the connection is back.'
            : 'Connecting to the board…'}
        </div>
      )}
      {showBanners && notice && (
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
