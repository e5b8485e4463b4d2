// What each websocket close code (docs/api.md "Websocket") means for the person, and what the client does next.

/**
 * - `retry`: show the reason and let the provider reconnect (rate limits, restarts, size limits).
 * - `reset`: the server refused one of our updates; drop the local doc and load the board afresh.
 * - `stop`: reconnecting cannot help (bad link, unknown board).
 */
export type CloseAction = 'retry' | 'reset' | 'stop';

export interface CloseMeaning {
  action: CloseAction;
  /** Plain words for the person, or null when the close needs no explanation (a normal reconnect). */
  message: string | null;
  /** True when the stored identity no longer works and the person must join again. */
  isIdentityInvalid: boolean;
}

/** Maps a close event to what the client does; `reason` is the server's own words when it gave some. */
export function describeClose(code: number, reason: string): CloseMeaning {
  const said = reason.trim();
  // Server reasons are sentences; we embed them in ours.
  const clause = said.replace(/[.!]+$/, '');
  switch (code) {
    case 4401:
      return { action: 'stop', message: 'This link is no longer valid.', isIdentityInvalid: true };
    case 4404:
      return { action: 'stop', message: 'This board does not exist.', isIdentityInvalid: false };
    case 4403:
      return {
        action: 'reset',
        message: `The board refused a change: ${clause || 'you are not allowed to make it'}. The board was reloaded without it.`,
        isIdentityInvalid: false,
      };
    case 4413:
      return {
        action: 'retry',
        message: said || 'A message was too large for the server; reconnecting.',
        isIdentityInvalid: false,
      };
    case 4429:
      return {
        action: 'retry',
        message: said || 'Too many changes at once; slowing down and reconnecting.',
        isIdentityInvalid: false,
      };
    case 4430:
      return {
        action: 'retry',
        message: said || 'The board has too many connections; retrying.',
        isIdentityInvalid: false,
      };
    case 4400:
      return {
        action: 'reset',
        message: said || 'The server could not read a message; the board was reloaded.',
        isIdentityInvalid: false,
      };
    default:
      // Restarts (1001), crashes (1006), server errors (1011): the provider reconnects with backoff.
      return { action: 'retry', message: null, isIdentityInvalid: false };
  }
}
