// Property: hostile updates of issue 9's shapes change nothing, break nothing and grow nothing, on a real server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { addNote, deleteNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { craftUpdate, wireItem } from '../unit/guard/guardFixtures.ts';
import { HUGE_CLOCK, knownCopiesNamingNewRoots } from '../unit/guard/hostileUpdates.ts';
import { heapAfterGc } from './heapAfterGc.ts';
import { sendHostile } from './hostileSocket.ts';

const SEED = 20261201;
const RUNS = 40;

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

interface Posting {
  board: CreatedBoard;
  ana: { participantId: string; token: string };
  olga: { participantId: string; token: string };
  watcher: TestClient;
}

/** A board in the post phase with one deleted note ("gone"), so real tombstone keys and a deleted holder exist. */
async function postingBoard(): Promise<Posting> {
  const board = await createBoard(server.baseUrl);
  const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  const olga = await join(server.baseUrl, board.boardId, board.observerCode, 'Olga');
  const watcher = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  await watcher.synced();
  addNote(watcher.doc, {
    id: 'gone',
    areaId: 'ex1-a1',
    text: 'soon gone',
    author: { id: 'p-fac', name: 'Fran', role: 'facilitator' },
    createdAt: 1,
  });
  const holder = boardMaps(watcher.doc).notes._map.get('gone')!;
  deleteNote(watcher.doc, 'gone');
  expect(
    (await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
      .status,
  ).toBe(200);
  await expect.poll(() => boardMaps(watcher.doc).session.get('phase')).toBe('post');
  expect(holder.deleted).toBe(true);
  return { board, ana, olga, watcher };
}

type Shape =
  | { kind: 'zeroChangeTombstone'; len: number }
  | { kind: 'writeIntoDeleted'; key: string }
  | { kind: 'hugeClock'; clock: number }
  | { kind: 'newRoots'; count: number; prefix: string }
  | { kind: 'longKey'; length: number }
  | { kind: 'gc'; len: number };

/** Zero-change writes: refused to an observer by the gate; a writer may send them (they are what late writes look like). */
const zeroChange: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({ kind: fc.constant('zeroChangeTombstone' as const), len: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('writeIntoDeleted' as const), key: fc.constantFrom('text', 'x', 'areaId') }),
);
/** Out of bounds: refused to everyone. */
const outOfBounds: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({
    kind: fc.constant('hugeClock' as const),
    clock: fc.oneof(fc.constant(HUGE_CLOCK), fc.integer({ min: 2 ** 32, max: 2 ** 53 - 2 })),
  }),
  fc.record({
    kind: fc.constant('newRoots' as const),
    count: fc.integer({ min: 1, max: 2000 }),
    prefix: fc.string({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('longKey' as const), length: fc.integer({ min: 65, max: 100_000 }) }),
  fc.record({ kind: fc.constant('gc' as const), len: fc.integer({ min: 1, max: 2 ** 20 }) }),
);

/** The hostile update for `s`, against what the board holds (read from the watcher's copy). */
function build(s: Shape, board: Y.Doc, client: number): Uint8Array[] {
  const gone = boardMaps(board).notes._map.get('gone')!;
  const at = (content: Y.Item['content'], where: Parameters<typeof wireItem>[3], clock = 0) =>
    craftUpdate([{ client, clock, structs: [wireItem(client, clock, content, where)] }]);
  switch (s.kind) {
    case 'zeroChangeTombstone':
      return [at(new Y.ContentDeleted(s.len), { parent: 'notes', parentSub: 'gone' })];
    case 'writeIntoDeleted':
      return [at(new Y.ContentAny(['late']), { parent: gone.id, parentSub: s.key })];
    case 'hugeClock':
      return [
        at(new Y.ContentDeleted(s.clock), { parent: 'notes', parentSub: 'gone' }),
        at(new Y.ContentDeleted(8), { parent: 'notes', parentSub: 'gone' }, s.clock),
      ];
    case 'newRoots':
      return [knownCopiesNamingNewRoots(board, `${s.prefix}-`, s.count)];
    case 'longKey':
      return [at(new Y.ContentDeleted(1), { parent: 'notes', parentSub: 'k'.repeat(s.length) })];
    case 'gc':
      return [craftUpdate([{ client, clock: 0, structs: [new Y.GC(Y.createID(client, 0), s.len)] }])];
  }
}

/** Who sends what: an observer anything; a participant while posting is open (a writer) what only the bounds stop. */
const attack = fc.oneof(
  fc.tuple(fc.oneof(zeroChange, outOfBounds), fc.constant('observer' as const)),
  fc.tuple(outOfBounds, fc.constant('participant' as const)),
);

describe(`hostile updates of issue 9's shapes (fast-check seed ${SEED})`, () => {
  it('are refused; the board is unchanged, keeps taking writes, grows no heap, and another board keeps syncing', async () => {
    const target = await postingBoard();
    const other = await postingBoard();
    const roots = () =>
      server.app.services.registry.with(target.board.boardId, (room) => room.read((doc) => doc.share.size));
    const stateBefore = Y.encodeStateVector(target.watcher.doc);
    const boardBefore = JSON.stringify(readBoard(target.watcher.doc));
    const rootsBefore = await roots();
    let nextClient = 900_000_000;
    let sent = 0;
    const heapBefore = heapAfterGc();

    await fc.assert(
      fc.asyncProperty(attack, async ([s, who]) => {
        const token = who === 'observer' ? target.olga.token : target.ana.token;
        const frames = build(s, target.watcher.doc, nextClient++);
        sent++;
        const outcome = await sendHostile(`${server.wsUrl}/ws/${target.board.boardId}?token=${token}`, frames, 2000);
        expect(outcome.code).toBe(4403);
        // Anything applied would have been broadcast to the watcher before the refusal.
        expect(Y.encodeStateVector(target.watcher.doc)).toEqual(stateBefore);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    const perMessage = (heapAfterGc() - heapBefore) / sent;
    console.log(
      `fast-check seed ${SEED}, ${sent} hostile messages: heap growth ${(perMessage / 1024).toFixed(1)} KiB per message`,
    );
    expect(perMessage).toBeLessThan(64 * 1024);
    expect(await roots()).toBe(rootsBefore);
    expect(JSON.stringify(readBoard(target.watcher.doc))).toBe(boardBefore);

    // Both boards still store and broadcast a participant's note.
    for (const b of [target, other]) {
      const ana = connect(server.wsUrl, b.board.boardId, b.ana.token);
      await ana.synced();
      addNote(ana.doc, {
        areaId: 'ex1-a1',
        text: 'still here',
        author: { id: b.ana.participantId, name: 'Ana', role: 'participant' },
        createdAt: 2,
      });
      await expect.poll(() => readBoard(b.watcher.doc).notes.map((n) => n.text)).toContain('still here');
      expect(ana.closes).toEqual([]);
      ana.destroy();
      b.watcher.destroy();
    }
  });
});
