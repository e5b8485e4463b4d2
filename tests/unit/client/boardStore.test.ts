// The board store behind useBoard: a joining page reads the board the moment it arrives; later updates are read
// at most once per frame.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote } from '@shared/doc/ops.ts';
import { boardStore, type FrameScheduler } from '../../../client/src/sync/useBoard.ts';
import { ana, boardWithNotes, STATION_2 } from '../ideas/fixtures.ts';

/** Frames that run only when the test says so. */
function manualFrames() {
  const queued: (() => void)[] = [];
  const frames: FrameScheduler = {
    request(fn) {
      queued.push(fn);
      return () => queued.splice(queued.indexOf(fn), 1);
    },
  };
  return { frames, queued, runFrame: () => queued.splice(0).forEach((fn) => fn()) };
}

describe('the board store', () => {
  it('reads the board the moment it arrives on an empty doc, then once per frame', () => {
    const server = boardWithNotes(1);
    const page = new Y.Doc();
    const { frames, queued, runFrame } = manualFrames();
    const store = boardStore(page, frames);
    let changes = 0;
    const unsubscribe = store.subscribe(() => (changes += 1));
    expect(store.getSnapshot().notes).toEqual([]);

    // The join's sync: read at once, no frame waited for.
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
    expect(changes).toBe(1);
    expect(queued).toHaveLength(0);
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);

    // Two notes posted in one frame: one read, after the frame.
    const before = Y.encodeStateVector(page);
    for (const id of ['n6', 'n7'])
      addNote(server, { id, areaId: STATION_2, text: `idea ${id}`, author: ana, createdAt: 20, x: 358, y: 366 });
    const sent = Y.encodeStateAsUpdate(server, before);
    Y.applyUpdate(page, sent);
    addNote(page, { id: 'n8', areaId: STATION_2, text: 'idea n8', author: ana, createdAt: 30 });
    expect(changes).toBe(1);
    expect(queued).toHaveLength(1);
    runFrame();
    expect(changes).toBe(2);
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);

    // A transaction that changed nothing (Yjs emits no update for it) asks for no read.
    page.transact(() => undefined);
    expect(queued).toHaveLength(0);

    unsubscribe();
    addNote(page, { id: 'n9', areaId: STATION_2, text: 'idea n9', author: ana, createdAt: 40 });
    expect(queued).toHaveLength(0);
  });

  it('leaves changes that come ahead of the board to a frame, and reads the board at once when it arrives', () => {
    const server = boardWithNotes(1);
    const page = new Y.Doc();
    const { frames, queued } = manualFrames();
    const store = boardStore(page, frames);
    let changes = 0;
    const unsubscribe = store.subscribe(() => (changes += 1));
    const copy = Y.encodeStateAsUpdate(server);
    // A note another client posted after the server encoded its copy: sent first, it holds no station.
    const other = new Y.Doc();
    Y.applyUpdate(other, copy);
    addNote(other, { id: 'n6', areaId: STATION_2, text: 'idea n6', author: ana, createdAt: 20, x: 358, y: 366 });
    Y.applyUpdate(page, Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
    expect(page.getMap('notes').size).toBe(1);
    expect(changes).toBe(0);
    expect(queued).toHaveLength(1);
    // The board itself: read at once, and the frame's read is dropped.
    Y.applyUpdate(page, copy);
    expect(changes).toBe(1);
    expect(queued).toHaveLength(0);
    expect(store.getSnapshot().notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    unsubscribe();
  });
});
