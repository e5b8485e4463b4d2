// The join panel on the projector: the participant link's QR code, big, with the link spelled out beneath.
import type { ParticipantLinkState } from './useParticipantLink.ts';

/** True when the link names this machine itself (localhost, 127.x, ::1): phones in the room cannot follow it. */
export function isLoopbackLink(link: string): boolean {
  try {
    const host = new URL(link).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]';
  } catch {
    return false;
  }
}

export function ParticipantQr({ state, onReload }: { state: ParticipantLinkState; onReload: () => void }) {
  return (
    <figure className="projector-join">
      {state.kind === 'ready' ? (
        <img className="projector-qr" src={state.qrSrc} alt="QR code of the participant link" />
      ) : (
        <div className="projector-qr projector-qr-empty" role="status">
          {state.kind === 'loading' ? 'Loading the join link…' : state.message}
        </div>
      )}
      <figcaption>
        <span className="projector-join-title">Scan to join</span>
        {state.kind === 'ready' && (
          <span className="projector-link" dir="ltr" translate="no">
            {state.link}
          </span>
        )}
        {state.kind === 'ready' && isLoopbackLink(state.link) && (
          <span className="projector-warning" role="note">
            This link points at this computer only: open the board with the network address the server printed, so
            phones can join.
          </span>
        )}
        {state.kind === 'failed' && (
          <button type="button" onClick={onReload}>
            Try again
          </button>
        )}
      </figcaption>
    </figure>
  );
}
