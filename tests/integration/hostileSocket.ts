// A raw websocket that speaks just enough of the y-websocket protocol to send hand-made updates, as an attacker would.
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';

/** One y-websocket "update" frame carrying `update` as is. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface HostileOutcome {
  code: number;
  reason: string;
  /** From the first frame sent to the close frame arriving, in ms (a figure to report, never asserted). */
  msToClose: number;
}

/**
 * Opens `url`, sends each update as a frame at once, and resolves when the server closes the socket;
 * a server that keeps it open (it took the updates) yields code -1 after `giveUpMs`, so the test fails fast.
 */
export function sendHostile(url: string, updates: Uint8Array[], giveUpMs = 5000): Promise<HostileOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let sentAt = 0;
    const giveUp = setTimeout(() => {
      resolve({ code: -1, reason: 'the server kept the socket open', msToClose: Number.NaN });
      socket.terminate();
    }, giveUpMs);
    socket.on('close', () => clearTimeout(giveUp));
    socket.on('open', () => {
      sentAt = performance.now();
      for (const update of updates) socket.send(updateFrame(update));
    });
    socket.on('close', (code, reason) =>
      resolve({ code, reason: reason.toString(), msToClose: performance.now() - sentAt }),
    );
    socket.on('error', reject);
  });
}
