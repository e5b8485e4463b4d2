// The out-of-memory attack of issue 9: known copies naming new roots must not grow the server's heap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { knownCopiesNamingNewRoots } from '../unit/guard/hostileUpdates.ts';
import { heapAfterGc } from './heapAfterGc.ts';
import { sendHostile } from './hostileSocket.ts';

// The heap is measured in this process, so the server runs in it too (a child's heap is out of reach).
let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

describe('known copies naming new roots', () => {
  it("an observer re-sending known clocks as items of new roots grows neither the doc's roots nor the heap", async () => {
    const board = await createBoard(server.baseUrl);
    const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
    const facilitator = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    // A board of 300 notes: about 3,000 known clocks, so each hostile message names about 3,000 new roots.
    const me = { id: 'p-fac', name: 'Fran', role: 'facilitator' as const };
    facilitator.doc.transact(() => {
      for (let i = 0; i < 300; i++)
        addNote(facilitator.doc, { areaId: 'ex1-a1', text: `note ${i}`, author: me, createdAt: i });
    });
    const roots = () => server.app.services.registry.with(board.boardId, (room) => room.read((doc) => doc.share.size));
    await expect
      .poll(
        async () =>
          await server.app.services.registry.with(board.boardId, (room) =>
            room.read((doc) => readBoard(doc).notes.length),
          ),
      )
      .toBe(300);
    const rootsBefore = await roots();
    const url = `${server.wsUrl}/ws/${board.boardId}?token=${olga.token}`;

    const sockets = 5;
    const framesPerSocket = 4;
    const rootsPerFrame = [...facilitator.doc.store.clients.keys()].reduce(
      (sum, client) => sum + Y.getState(facilitator.doc.store, client),
      0,
    );
    const before = heapAfterGc();
    const closes: number[] = [];
    for (let s = 0; s < sockets; s++) {
      const frames = Array.from({ length: framesPerSocket }, (_, f) =>
        knownCopiesNamingNewRoots(facilitator.doc, `oom${s}-${f}-`),
      );
      closes.push((await sendHostile(url, frames, 2000)).code);
    }
    const growth = heapAfterGc() - before;
    const perMessage = growth / (sockets * framesPerSocket);
    console.log(
      `new-roots attack: ${rootsPerFrame} roots per message, heap growth ${(perMessage / 1024).toFixed(1)} KiB per hostile message` +
        ` (${sockets * framesPerSocket} messages, ${(growth / 1024 / 1024).toFixed(2)} MiB in all)`,
    );
    expect(closes).toEqual(Array(sockets).fill(4403));
    expect(await roots()).toBe(rootsBefore);
    expect(perMessage).toBeLessThan(64 * 1024);

    // The board still takes and broadcasts writes.
    expect(
      (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
        .status,
    ).toBe(200);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const anaClient = connect(server.wsUrl, board.boardId, ana.token);
    await anaClient.synced();
    addNote(anaClient.doc, {
      areaId: 'ex1-a1',
      text: 'after the attack',
      author: { id: ana.participantId, name: 'Ana', role: 'participant' },
      createdAt: 1,
    });
    await expect.poll(() => readBoard(facilitator.doc).notes.some((n) => n.text === 'after the attack')).toBe(true);
    anaClient.destroy();
    facilitator.destroy();
  });
});
