// Joiners with an empty doc share one whole-doc answer; the changes made since it was encoded ride on it, merged,
// until they grow too large, and what a joiner applies is always the whole doc as it is now.
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SYNC, SYNC_STEP2, SYNC_UPDATE } from '../../../server/src/rooms/messages.ts';
import { changesKeptFor, SyncAnswers, WHOLE_DOC_KEPT_MS } from '../../../server/src/rooms/SyncAnswers.ts';

/** A frame's sync message type and its update. */
function read(frame: Uint8Array): { type: number; update: Uint8Array } {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
  const type = decoding.readVarUint(decoder);
  return { type, update: decoding.readVarUint8Array(decoder) };
}

/** The doc a client holds after applying `frames` in order, starting from `doc` (a fresh one by default). */
function received(frames: Uint8Array[], doc = new Y.Doc()): Y.Doc {
  for (const frame of frames) Y.applyUpdate(doc, read(frame).update);
  return doc;
}

const notes = (doc: Y.Doc) => doc.getMap<string>('notes').toJSON();
const empty = Y.encodeStateVector(new Y.Doc());

afterEach(() => vi.useRealTimers());

describe('SyncAnswers', () => {
  it('gives every empty joiner the same frame, holding the whole doc', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const first = answers.answer(empty);
    expect(first).toHaveLength(1);
    expect(read(first[0]!).type).toBe(SYNC_STEP2);
    expect(answers.answer(empty)[0]).toBe(first[0]);
    expect(notes(received(first))).toEqual({ n1: 'one' });
  });

  it('keeps the encoded doc after a change and sends the change first, then the doc that marks the joiner synced', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const [wholeDoc] = answers.answer(empty);
    doc.getMap<string>('notes').set('n2', 'two');
    doc.getMap<string>('notes').delete('n1');
    const frames = answers.answer(empty);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe(wholeDoc);
    expect(frames.map((frame) => read(frame).type)).toEqual([SYNC_UPDATE, SYNC_STEP2]);
    // The changes alone wait for what they build on; with the doc after them, the joiner holds it all.
    expect(notes(received(frames))).toEqual({ n2: 'two' });
    expect(notes(received(frames))).toEqual(notes(doc));
    // The merged changes are shared too, until the next change.
    expect(answers.answer(empty)[0]).toBe(frames[0]);
    doc.getMap<string>('notes').set('n3', 'three');
    const later = answers.answer(empty);
    expect(later[0]).not.toBe(frames[0]);
    expect(notes(received(later))).toEqual({ n2: 'two', n3: 'three' });
  });

  it('a change to a note the doc holds (its parent in the whole doc) arrives whole once both frames are applied', () => {
    const doc = new Y.Doc();
    const note = new Y.Map<string>();
    doc.getMap<Y.Map<string>>('notes').set('n1', note);
    note.set('text', 'first');
    const answers = new SyncAnswers(doc);
    answers.answer(empty);
    note.set('text', 'edited');
    const frames = answers.answer(empty);
    const client = new Y.Doc();
    Y.applyUpdate(client, read(frames[0]!).update);
    expect(client.getMap('notes').size).toBe(0);
    Y.applyUpdate(client, read(frames[1]!).update);
    expect(client.getMap('notes').toJSON()).toEqual({ n1: { text: 'edited' } });
  });

  it('encodes the doc afresh once the changes outgrow their share of it', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const [wholeDoc] = answers.answer(empty);
    const limit = changesKeptFor(wholeDoc!.length);
    doc.getMap<string>('notes').set('big', 'x'.repeat(limit));
    const frames = answers.answer(empty);
    expect(frames).toHaveLength(1);
    expect(frames[0]).not.toBe(wholeDoc);
    expect(notes(received(frames))).toEqual(notes(doc));
  });

  it('answers a joiner that holds part of the doc with only what it lacks', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    doc.getMap<string>('notes').set('n2', 'two');
    const frames = answers.answer(Y.encodeStateVector(client));
    expect(frames).toHaveLength(1);
    expect(notes(received(frames, client))).toEqual({ n1: 'one', n2: 'two' });
    expect(frames[0]!.length).toBeLessThan(answers.answer(empty).at(-1)!.length);
  });

  it('lets the shared answer go once joins have stopped for a while', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const [first] = answers.answer(empty);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS - 1);
    expect(answers.answer(empty)[0]).toBe(first);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS);
    const [later] = answers.answer(empty);
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
    answers.destroy();
  });

  it('stops following the doc once destroyed', () => {
    const doc = new Y.Doc();
    const answers = new SyncAnswers(doc);
    answers.answer(empty);
    answers.destroy();
    doc.getMap<string>('notes').set('n1', 'one');
    expect(notes(received(answers.answer(empty)))).toEqual({ n1: 'one' });
  });

  it('listens to the doc only while it shares an answer, so a transaction is not encoded for nothing', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const listeners = () => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update');
    const answers = new SyncAnswers(doc);
    // A board's load is one transaction holding the whole doc: Yjs encodes it again for any 'update' listener.
    expect(listeners()?.size ?? 0).toBe(0);
    answers.answer(empty);
    expect(listeners()?.size).toBe(1);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS);
    expect(listeners()?.size ?? 0).toBe(0);
    answers.answer(empty);
    answers.destroy();
    expect(listeners()?.size ?? 0).toBe(0);
  });

  it("answers with a loaded board's stored snapshot and log as they are, and changes after ride on them", () => {
    const writer = new Y.Doc();
    writer.getMap<string>('notes').set('n1', 'one');
    const snapshot = Y.encodeStateAsUpdate(writer);
    const log: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => log.push(update));
    writer.getMap<string>('notes').set('n2', 'two');
    writer.getMap<string>('notes').delete('n1');
    const doc = new Y.Doc();
    for (const update of [snapshot, ...log]) Y.applyUpdate(doc, update);
    const answers = new SyncAnswers(doc);
    answers.adopt(snapshot, log);
    const frames = answers.answer(empty);
    // The snapshot itself is the whole doc sent: nothing was encoded again.
    expect(read(frames.at(-1)!)).toEqual({ type: SYNC_STEP2, update: snapshot });
    expect(notes(received(frames))).toEqual({ n2: 'two' });
    doc.getMap<string>('notes').set('n3', 'three');
    expect(notes(received(answers.answer(empty)))).toEqual({ n2: 'two', n3: 'three' });
    answers.destroy();
  });

  it("takes a compaction's encoding as the answer, and leaves a log too large to ride on it to a fresh encoding", () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const stale = answers.answer(empty);
    const encoded = Y.encodeStateAsUpdate(doc);
    answers.adopt(encoded);
    const frames = answers.answer(empty);
    expect(frames).toHaveLength(1);
    expect(frames[0]).not.toBe(stale[0]);
    expect(read(frames[0]!).update).toEqual(encoded);
    // A log past the changes' share is not adopted: the next answer is encoded from the doc.
    const big = new Y.Doc();
    big.getMap<string>('notes').set('big', 'x'.repeat(changesKeptFor(encoded.length)));
    const bigLog = Y.encodeStateAsUpdate(big);
    Y.applyUpdate(doc, bigLog);
    answers.adopt(encoded, [bigLog]);
    const fresh = answers.answer(empty);
    expect(fresh).toHaveLength(1);
    expect(notes(received(fresh))).toEqual(notes(doc));
    answers.destroy();
  });

  it('holds an adopted encoding without listening for updates, and a joiner after a deletion still gets the doc as it is', () => {
    const doc = new Y.Doc();
    const listeners = () => (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update');
    doc.getMap<string>('notes').set('n1', 'one');
    doc.getMap<string>('notes').set('n2', 'two');
    const answers = new SyncAnswers(doc);
    const encoded = Y.encodeStateAsUpdate(doc);
    answers.adopt(encoded);
    // A compaction on a busy board: the posts after it are not encoded for an answer nobody may ask for.
    expect(listeners()?.size ?? 0).toBe(0);
    // A deletion alone leaves the state vector as it was; the diff's delete set carries it.
    const before = Y.encodeStateVector(doc);
    doc.getMap<string>('notes').delete('n1');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const frames = answers.answer(empty);
    expect(frames).toHaveLength(2);
    expect(read(frames[1]!).update).toEqual(encoded);
    expect(notes(received(frames))).toEqual({ n2: 'two' });
    doc.getMap<string>('notes').set('n3', 'three');
    expect(notes(received(answers.answer(empty)))).toEqual({ n2: 'two', n3: 'three' });
    answers.destroy();
    expect(listeners()?.size ?? 0).toBe(0);
  });

  it('sends an adopted encoding alone when nothing changed since, and drops it once it has waited too long', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const encoded = Y.encodeStateAsUpdate(doc);
    answers.adopt(encoded);
    // A transaction that changes nothing (a value set again in a reapplied update) needs no diff.
    Y.applyUpdate(doc, encoded);
    const frames = answers.answer(empty);
    expect(frames).toHaveLength(1);
    expect(read(frames[0]!).update).toEqual(encoded);
    answers.adopt(encoded);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS);
    doc.getMap<string>('notes').set('n2', 'two');
    const fresh = answers.answer(empty);
    expect(fresh).toHaveLength(1);
    expect(read(fresh[0]!).update).not.toEqual(encoded);
    expect(notes(received(fresh))).toEqual({ n1: 'one', n2: 'two' });
    answers.destroy();
  });
});
