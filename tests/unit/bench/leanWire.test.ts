// The lean bench receiver's wire: note-id markers found in real Yjs updates, and the frames it sends and reads.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { addNote } from '@shared/doc/ops.ts';
import { decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from '../../../server/src/rooms/messages.ts';
import {
  EMPTY_STEP1,
  EMPTY_STEP2,
  awarenessFrame,
  hocuspocusFrame,
  markerPrefix,
  readIncoming,
  scanNoteMarkers,
} from '../../../bench/leanWire.ts';
import { templateSeed } from '../../../bench/prepareRooms.ts';

const author = { id: 'p1', name: 'Pat', role: 'participant' as const };

/** A seeded doc and the updates it emits for notes with these ids (text chosen to hold look-alike ids). */
function noteUpdates(ids: string[], text = (id: string) => `bench note ${id}0 and ${id}`): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, templateSeed(Date.UTC(2025, 0, 1)));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const id of ids) {
    const posted = addNote(doc, { id, areaId: 'ex1-a1', text: text(id), author, createdAt: 1 });
    expect(posted.ok).toBe(true);
  }
  doc.destroy();
  return updates;
}

const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

describe('scanNoteMarkers', () => {
  it('finds the id of a note in the update that adds it, and nothing else', () => {
    const [update] = noteUpdates(['B1-12']);
    expect(unique(scanNoteMarkers(update!, markerPrefix('B1')))).toEqual([12]);
    expect(scanNoteMarkers(update!, markerPrefix('B2'))).toEqual([]);
    expect(scanNoteMarkers(update!, markerPrefix('B'))).toEqual([]);
  });

  it('tells ids apart that are prefixes of each other, in one merged update as the servers batch them', () => {
    const updates = noteUpdates(['B1-1', 'B1-12', 'B1-123', 'B1-7']);
    const merged = Y.mergeUpdates(updates);
    expect(unique(scanNoteMarkers(merged, markerPrefix('B1')))).toEqual([1, 7, 12, 123]);
    expect(unique(scanNoteMarkers(updates[1]!, markerPrefix('B1')))).toEqual([12]);
  });

  it('does not take an id-like string inside a note text for a note', () => {
    const [update] = noteUpdates(['C0-5'], () => 'see C0-6 and C0-77 here');
    expect(unique(scanNoteMarkers(update!, markerPrefix('C0')))).toEqual([5]);
  });

  it('finds what a receiving doc holds, over a server frame (header skipped by readIncoming)', () => {
    const updates = noteUpdates(['D3-40', 'D3-41']);
    for (const [i, frame] of [encodeUpdate(updates[0]!), encodeSyncStep2(Y.mergeUpdates(updates))].entries()) {
      const incoming = readIncoming(frame, 'y-websocket');
      expect(incoming.kind).toBe(i === 0 ? 'update' : 'step2');
      const from = incoming.kind === 'update' || incoming.kind === 'step2' ? incoming.from : -1;
      expect(unique(scanNoteMarkers(frame, markerPrefix('D3'), from))).toEqual(i === 0 ? [40] : [40, 41]);
      // The scan agrees with a real doc fed the same bytes.
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(frame.subarray(from)));
      expect([...doc.getMap('notes').keys()].sort(), 'the bench reads notes from the "notes" map of boardMaps').toEqual(
        i === 0 ? ['D3-40'] : ['D3-40', 'D3-41'],
      );
      doc.destroy();
    }
  });
});

describe('lean frames', () => {
  it('sends a sync step 1 and an empty step 2 that our server decodes', () => {
    expect(decodeMessage(EMPTY_STEP1)).toEqual({ type: 'syncStep1', stateVector: new Uint8Array([0]) });
    const step2 = decodeMessage(EMPTY_STEP2);
    expect(step2.type).toBe('update');
    const doc = new Y.Doc();
    let emitted = 0;
    doc.on('update', () => emitted++);
    Y.applyUpdate(doc, step2.type === 'update' ? step2.update : new Uint8Array());
    expect(emitted).toBe(0);
  });

  it('renews presence as y-protocols would apply it: the same state, a newer clock', () => {
    const doc = new Y.Doc();
    const peer = new awarenessProtocol.Awareness(doc);
    // The opening frame has clock 0, as a stock provider's (y-protocols ignores it from an unknown client).
    awarenessProtocol.applyAwarenessUpdate(peer, awarenessFrame(4242, 0).subarray(2), 'server');
    expect(peer.getStates().has(4242)).toBe(false);
    for (const clock of [1, 2]) {
      const message = decodeMessage(awarenessFrame(4242, clock));
      expect(message.type).toBe('awareness');
      if (message.type === 'awareness') awarenessProtocol.applyAwarenessUpdate(peer, message.update, 'server');
      expect(peer.getStates().get(4242)).toEqual({});
      expect(peer.meta.get(4242)?.clock).toBe(clock);
    }
    peer.destroy();
    doc.destroy();
  });

  it('reads frames in Hocuspocus framing: step 1 to answer, updates to scan, the rest ignored', () => {
    const room = 'bench-7';
    const [update] = noteUpdates(['E0-3']);
    const step1 = hocuspocusFrame(room, encodeSyncStep1(new Uint8Array([0])));
    expect(readIncoming(step1, 'hocuspocus')).toEqual({ kind: 'step1' });
    const framed = hocuspocusFrame(room, encodeUpdate(update!));
    const incoming = readIncoming(framed, 'hocuspocus');
    expect(incoming.kind).toBe('update');
    if (incoming.kind === 'update')
      expect(unique(scanNoteMarkers(framed, markerPrefix('E0'), incoming.from))).toEqual([3]);
    // SyncReply (4) carries a sync message too.
    const reply = hocuspocusFrame(room, new Uint8Array([4, ...encodeSyncStep2(update!).subarray(1)]));
    expect(readIncoming(reply, 'hocuspocus').kind).toBe('step2');
    expect(readIncoming(hocuspocusFrame(room, awarenessFrame(1, 0)), 'hocuspocus')).toEqual({ kind: 'other' });
    const decoder = decoding.createDecoder(framed);
    expect(decoding.readVarString(decoder)).toBe(room);
  });
});
