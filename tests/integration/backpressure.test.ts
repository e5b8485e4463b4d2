// Stalled readers (issue 9 item 6): a socket that stops reading is cut off (4408) instead of pinning broadcast frames.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startInProcess } from '../helpers/inProcess.ts';
import { createBoard } from '../helpers/api.ts';
import { encodeAwareness } from '../../server/src/rooms/messages.ts';
import { encodeAwarenessEntries } from '../../server/src/rooms/awarenessStamp.ts';

const READERS = 10;
const FRAMES = 200;
const STATE_CHARS = 30_000;

function greeted(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('message', () => resolve(socket));
    socket.once('close', (code) => reject(new Error(`closed with ${code}`)));
    socket.on('error', () => undefined);
  });
}

/** Ten readers stop reading; one writer sends large presence states; returns the server's connections and memory growth. */
async function stallAndFlood(env: Record<string, string>, cutOff: boolean) {
  const server = await startInProcess({
    MAX_AWARENESS_BYTES: '65536',
    MAX_MESSAGES_PER_SECOND: '10000',
    MESSAGE_BURST: '10000',
    MAX_CONNECTIONS_PER_PARTICIPANT: '20',
    ...env,
  });
  try {
    const board = await createBoard(server.baseUrl);
    const url = `${server.wsUrl}/ws/${board.boardId}?token=${board.facilitatorToken}`;
    const readers = await Promise.all(Array.from({ length: READERS }, () => greeted(url)));
    for (const reader of readers) (reader as unknown as { _socket: { pause(): void } })._socket.pause();
    const writer = await greeted(url);
    global.gc?.();
    const before = process.memoryUsage();
    // The writer reads its own presence back: once the last frame came back, every frame was broadcast.
    const echoed = new Promise<void>((resolve) =>
      writer.on('message', (data: Buffer) => {
        if (data.toString('latin1').includes('x'.repeat(100) + FRAMES)) resolve();
      }),
    );
    for (let i = 1; i <= FRAMES; i++) {
      const state = { cursor: { x: i, y: i }, note: 'x'.repeat(STATE_CHARS) + i };
      writer.send(encodeAwareness(encodeAwarenessEntries([{ clientId: 4242, clock: i, state }])));
    }
    await echoed;
    const after = process.memoryUsage();
    const grownMiB = (after.rss - before.rss + (after.arrayBuffers - before.arrayBuffers)) / 2 ** 20;
    // Cut-off sockets are terminated once the close grace period is over: wait for that, not for a time.
    if (cutOff) await expect.poll(() => server.app.connectionCount(), { timeout: 10_000 }).toBe(1);
    const connections = server.app.connectionCount();
    for (const socket of [...readers, writer]) socket.terminate();
    return { connections, grownMiB, rssMiB: after.rss / 2 ** 20 };
  } finally {
    await server.close();
  }
}

describe('send-buffer backpressure', () => {
  it('cuts off the ten stalled readers and keeps memory bounded', async () => {
    const unbounded = await stallAndFlood({ MAX_SEND_BUFFER_BYTES: String(2 ** 30) }, false);
    const bounded = await stallAndFlood({ MAX_SEND_BUFFER_BYTES: String(1024 * 1024) }, true);
    console.log(
      `[backpressure] ${READERS} stalled readers, ${FRAMES} presence frames of ${STATE_CHARS} chars: ` +
        `no cutoff: ${unbounded.connections} connections kept, memory +${unbounded.grownMiB.toFixed(1)} MiB; ` +
        `1 MiB cutoff: ${bounded.connections} connections kept, memory +${bounded.grownMiB.toFixed(1)} MiB`,
    );
    expect(unbounded.connections).toBe(READERS + 1);
    // The server closes them and cuts them off after the grace period: only the writer is left.
    expect(bounded.connections).toBe(1);
    expect(bounded.grownMiB).toBeLessThan(unbounded.grownMiB);
  }, 60_000);
});
