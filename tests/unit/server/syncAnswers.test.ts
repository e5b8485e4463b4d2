// Joiners with an empty doc share one whole-doc answer, which never outlives a change to the doc.
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SYNC, SYNC_STEP2 } from '../../../server/src/rooms/messages.ts';
import { SyncAnswers, WHOLE_DOC_KEPT_MS } from '../../../server/src/rooms/SyncAnswers.ts';

/** The doc a fresh client holds after applying a sync step 2 frame. */
function received(frame: Uint8Array): Y.Doc {
  const decoder = decoding.createDecoder(frame);
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([MESSAGE_SYNC, SYNC_STEP2]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
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
    expect(answers.answer(empty)).toBe(first);
    expect(notes(received(first))).toEqual({ n1: 'one' });
  });

  it('answers afresh once the doc has changed, a delete included', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const first = answers.answer(empty);
    doc.getMap<string>('notes').set('n2', 'two');
    const second = answers.answer(empty);
    expect(second).not.toBe(first);
    expect(notes(received(second))).toEqual({ n1: 'one', n2: 'two' });
    doc.getMap<string>('notes').delete('n1');
    expect(notes(received(answers.answer(empty)))).toEqual({ n2: 'two' });
  });

  it('answers a joiner that holds part of the doc with only what it lacks', () => {
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    doc.getMap<string>('notes').set('n2', 'two');
    const frame = answers.answer(Y.encodeStateVector(client));
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(client, decoding.readVarUint8Array(decoder));
    expect(notes(client)).toEqual({ n1: 'one', n2: 'two' });
    expect(frame.length).toBeLessThan(answers.answer(empty).length);
  });

  it('lets the shared answer go once joins have stopped for a while', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    doc.getMap<string>('notes').set('n1', 'one');
    const answers = new SyncAnswers(doc);
    const first = answers.answer(empty);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS - 1);
    expect(answers.answer(empty)).toBe(first);
    vi.advanceTimersByTime(WHOLE_DOC_KEPT_MS);
    const later = answers.answer(empty);
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
    answers.destroy();
  });
});
