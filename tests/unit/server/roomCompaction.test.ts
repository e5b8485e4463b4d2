// A compaction the hooks request runs after the batch is broadcast (it is housekeeping, not part of the batch's
// latency), still in the room's queue: the snapshot holds the batch, and a failed fold still closes the board.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '@shared/rules/Change.ts';
import { DEFAULT_LIMITS } from '../../../server/src/config.ts';
import { compactWhenLong } from '../../../server/src/hooks/compaction.ts';
import { RoomHooks } from '../../../server/src/hooks/RoomHooks.ts';
import { silentLogger } from '../../../server/src/log.ts';
import { CLOSE, type Peer } from '../../../server/src/rooms/Peer.ts';
import { Room } from '../../../server/src/rooms/Room.ts';
import { decodeMessage, encodeUpdate } from '../../../server/src/rooms/messages.ts';
import type { RoomStore } from '../../../server/src/rooms/RoomStore.ts';
import { openSqliteStorage, type SqliteStorage } from '../../../server/src/storage/SqliteStorage.ts';

const actor: Actor = { participantId: 'p1', name: 'Ana', role: 'participant' };

/** A peer that writes what it is sent and how it is closed into the shared list of events. */
class RecordingPeer implements Peer {
  isOpen = true;
  readonly isClosedByServer = false;
  constructor(
    readonly actor: Actor,
    private readonly events: string[],
  ) {}
  send(data: Uint8Array): void {
    if (decodeMessage(data).type === 'update') this.events.push(`${this.actor.participantId}:update`);
  }
  close(code: number): void {
    this.isOpen = false;
    this.events.push(`${this.actor.participantId}:close:${code}`);
  }
}

const opened: { storage: SqliteStorage; dataDir: string }[] = [];
afterEach(() => {
  for (const { storage, dataDir } of opened.splice(0)) {
    storage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A board in a real SQLite file, and a room on it whose store records when appends and folds happen. */
async function openRoom(options: { failCompaction?: boolean } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-roomcompact-'));
  const storage = openSqliteStorage(dataDir);
  opened.push({ storage, dataDir });
  const start = new Y.Doc();
  start.getMap('notes').set('seed', 'seed');
  await storage.createBoard(
    {
      boardId: 'b1',
      title: 'T',
      templateId: 'ssr2-copenhagen',
      createdAt: 1,
      facilitatorTokenHash: 'h',
      joinCode: 'j',
      observerCode: 'o',
      isArchived: false,
    },
    {
      participantId: 'f',
      boardId: 'b1',
      name: 'F',
      role: 'facilitator',
      tokenHash: 'hf',
      joinedAt: 2,
      isRemoved: false,
    },
    Y.encodeStateAsUpdate(start),
  );
  const events: string[] = [];
  const store: RoomStore = {
    loadDoc: (boardId) => storage.loadDoc(boardId),
    appendUpdates: async (boardId, updates) => {
      const stored = await storage.appendUpdates(boardId, updates);
      events.push('append');
      return stored;
    },
    compact: async (boardId, snapshot, upToSeq) => {
      events.push('compact:start');
      if (options.failCompaction) throw new Error('disk full');
      await storage.compact(boardId, snapshot, upToSeq);
      events.push('compact:end');
    },
  };
  // Due at the second entry: the seed snapshot is tiny, so only the entry count holds it back.
  const hooks = new RoomHooks([compactWhenLong(2)]);
  const room = await Room.load('b1', { store, limits: DEFAULT_LIMITS, hooks, log: silentLogger });
  const writer = new RecordingPeer(actor, events);
  const reader = new RecordingPeer({ ...actor, participantId: 'p2' }, events);
  await room.attach(writer);
  await room.attach(reader);
  const client = new Y.Doc();
  /** Sends one note from the writer's doc and waits for the room's queue to drain. */
  const write = async (key: string) => {
    let update: Uint8Array | undefined;
    const keep = (u: Uint8Array) => (update = u);
    client.on('update', keep);
    client.getMap('notes').set(key, key);
    client.off('update', keep);
    await room.receive(writer, encodeUpdate(update!));
    await room.idle();
  };
  events.length = 0;
  return { room, storage, events, write };
}

describe('a compaction requested by a hook', () => {
  it('starts only once the batch that made it due has reached its peers, and the snapshot holds that batch', async () => {
    const { room, storage, events, write } = await openRoom();
    await write('first');
    expect(events).toEqual(['append', 'p2:update']);

    events.length = 0;
    await write('second');
    expect(events).toEqual(['append', 'p2:update', 'compact:start', 'compact:end']);
    expect(room.isBroken).toBe(false);

    const stored = await storage.loadDoc('b1');
    expect(stored.updates).toEqual([]);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!);
    expect(reloaded.getMap('notes').toJSON()).toEqual({ seed: 'seed', first: 'first', second: 'second' });
  });

  it('that fails closes the board after the batch, which stays stored, was broadcast', async () => {
    const { room, storage, events, write } = await openRoom({ failCompaction: true });
    await write('first');
    await write('second');
    expect(events).toEqual([
      'append',
      'p2:update',
      'append',
      'p2:update',
      'compact:start',
      `p1:close:${CLOSE.serverError}`,
      `p2:close:${CLOSE.serverError}`,
    ]);
    expect(room.isBroken).toBe(true);

    const stored = await storage.loadDoc('b1');
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!);
    for (const update of stored.updates) Y.applyUpdate(reloaded, update);
    expect(reloaded.getMap('notes').toJSON()).toEqual({ seed: 'seed', first: 'first', second: 'second' });
  });
});
