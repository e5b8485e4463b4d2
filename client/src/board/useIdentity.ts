// Who this browser is on a board: from the link's fragment (join, watch, facilitator) or the identity it kept.
import { useCallback, useEffect, useState } from 'react';
import type { Role } from '@shared/model/Role.ts';
import { ApiError, fetchMe, joinBoard } from '../app/api.ts';
import { takeMe } from '../app/boardSocketFirst.ts';
import { parseFragment, type LinkSecret } from '../app/route.ts';
import { deviceId, forgetIdentity, loadIdentity, saveIdentity, type Identity } from '../app/storage.ts';
import { discardEarlySocket, openEarlySocket, wsBaseFor } from '../sync/earlySocket.ts';
import { preloadCanvasFor } from './canvasModule.ts';

export type IdentityState =
  | { kind: 'checking' }
  /** Ask for a name; `explanation` says why we ask again (an identity that stopped working). */
  | { kind: 'join'; code: string; role: 'participant' | 'observer'; explanation: string | null }
  | { kind: 'ready'; identity: Identity }
  | { kind: 'blocked'; message: string };

/** The join code a participant or observer link carried, kept for this tab so a lost identity can rejoin. */
type Code = { code: string; role: 'participant' | 'observer' } | null;

const LOST_IDENTITY =
  'Your place on this board is no longer valid (the facilitator may have removed you or renewed the link). Type your name to join again.';
const NO_LINK = 'To join this board, open the link the facilitator shared with you.';
const LINK_INVALID = 'This link is no longer valid. Ask the facilitator for the current link.';

function codeFrom(secret: LinkSecret): Code {
  if (secret.kind === 'join') return { code: secret.code, role: 'participant' };
  if (secret.kind === 'watch') return { code: secret.code, role: 'observer' };
  return null;
}

function clearFragment(): void {
  // Secrets leave the address bar once used: screenshots and shoulder-surfers don't get them.
  if (window.location.hash)
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

export function useIdentity(boardId: string, storage: Storage) {
  const [state, setState] = useState<IdentityState>({ kind: 'checking' });
  // Read once, before the fragment is cleared: a lost identity can still rejoin with the link's code.
  const [code] = useState<Code>(() => codeFrom(parseFragment(window.location.hash)));

  const askAgain = useCallback(
    (knownCode: Code, explanation: string | null) => {
      forgetIdentity(storage, boardId);
      setState(knownCode ? { kind: 'join', ...knownCode, explanation } : { kind: 'blocked', message: LINK_INVALID });
    },
    [boardId, storage],
  );

  useEffect(() => {
    let isActive = true;
    const secret = parseFragment(window.location.hash);
    const linkCode = code;
    const resolve = async () => {
      // The board's socket (and the canvas chunk, when the board is the first view) start beside /me: the server
      // sends the board while the page's code still loads. The role is the link's or the stored one's.
      const openSocket = (token: string, role: Role) => {
        openEarlySocket(wsBaseFor(window.location), boardId, token);
        preloadCanvasFor(role);
      };
      if (secret.kind === 'facilitator') {
        openSocket(secret.token, 'facilitator');
        try {
          const me = await takeMe(boardId, secret.token);
          const identity: Identity = {
            participantId: me.participantId,
            token: secret.token,
            role: me.role,
            name: me.name,
          };
          saveIdentity(storage, boardId, identity);
          clearFragment();
          if (isActive) setState({ kind: 'ready', identity });
        } catch (error) {
          discardEarlySocket();
          if (isActive)
            setState({
              kind: 'blocked',
              message: describeLinkError(error, 'This facilitator link is no longer valid.'),
            });
        }
        return;
      }
      const stored = loadIdentity(storage, boardId);
      if (stored) {
        clearFragment();
        openSocket(stored.token, stored.role);
        try {
          const me = await takeMe(boardId, stored.token);
          const identity: Identity = { ...stored, participantId: me.participantId, role: me.role, name: me.name };
          saveIdentity(storage, boardId, identity);
          if (isActive) setState({ kind: 'ready', identity });
        } catch (error) {
          // Server unreachable: keep the socket, which the connection then takes (and retries, and says so).
          if (error instanceof ApiError) discardEarlySocket();
          if (!isActive) return;
          if (error instanceof ApiError && error.status === 401) askAgain(linkCode, LOST_IDENTITY);
          else if (error instanceof ApiError && error.status === 404)
            setState({ kind: 'blocked', message: 'This board does not exist.' });
          // Server unreachable: go on with what we know; the connection retries and says so.
          else setState({ kind: 'ready', identity: stored });
        }
        return;
      }
      if (linkCode) setState({ kind: 'join', ...linkCode, explanation: null });
      else setState({ kind: 'blocked', message: NO_LINK });
    };
    void resolve();
    return () => {
      isActive = false;
    };
  }, [boardId, storage, askAgain, code]);

  /** Joins with the link's code; throws an ApiError whose message is for the person. */
  const join = useCallback(
    async (name: string) => {
      if (state.kind !== 'join') return;
      const joined = await joinBoard(boardId, state.code, name, deviceId(storage));
      // The server cleans the name; notes must carry exactly its version, so ask rather than guess.
      const me = await fetchMe(boardId, joined.token).catch(() => ({ name: name.trim(), role: joined.role }));
      const identity: Identity = {
        participantId: joined.participantId,
        token: joined.token,
        role: me.role,
        name: me.name,
      };
      saveIdentity(storage, boardId, identity);
      clearFragment();
      setState({ kind: 'ready', identity });
    },
    [boardId, state, storage],
  );

  /** The connection refused our token: forget it and ask again if we still hold a code. */
  const invalidate = useCallback(() => askAgain(code, LOST_IDENTITY), [askAgain, code]);

  return { state, join, invalidate };
}

function describeLinkError(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return fallback;
    if (error.status === 404) return 'This board does not exist.';
    return error.message;
  }
  return fallback;
}
