// The session clock comes back with the board: after a restart, loading the board re-arms its phase deadline (the
// after-load hook), so time running out still asks the room for more time.
import { afterEach, describe, expect, it } from 'vitest';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const started: InProcessServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

async function start(dataDir?: string): Promise<InProcessServer> {
  const server = await startInProcess({}, dataDir ? { dataDir } : {});
  started.push(server);
  return server;
}

describe('the session clock after a restart', () => {
  it('fires the deadline of a phase that was running when the server stopped', async () => {
    const first = await start();
    const board = await createBoard(first.baseUrl);
    const ana = await join(first.baseUrl, board.boardId, board.joinCode, 'Ana');
    const send = (server: InProcessServer, body: unknown) =>
      command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    expect((await send(first, { type: 'setAutoAdvance', enabled: true })).status).toBe(200);
    expect((await send(first, { type: 'startPhase', phase: 'post', minutes: 1 })).status).toBe(200);
    await first.close();
    started.splice(started.indexOf(first), 1);

    // The new process has no timers of its own: only loading the board can bring the deadline back.
    const second = await start(first.dataDir);
    const client = connect(second.wsUrl, board.boardId, ana.token);
    try {
      await client.synced();
      expect(readBoard(client.doc).session).toMatchObject({ phase: 'post', moreTimePoll: null });
      // Time moves a second per look, so the deadline passes whenever the clock was re-armed.
      await expect
        .poll(
          () => {
            second.clock.advance(1_000);
            return readBoard(client.doc).session.moreTimePoll;
          },
          { timeout: 20_000 },
        )
        .not.toBeNull();
    } finally {
      client.destroy();
    }
  });
});
