// The notes-per-board limit holds exactly with the O(1) counter, whoever adds or removes notes and however.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, deleteNote } from '@shared/doc/ops.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { createUpdateCheck } from '../../../server/src/guard/checkUpdate.ts';
import { createLiveNoteCounter } from '../../../server/src/guard/liveNoteCounter.ts';
import { alice, captureUpdate, newRoom, syncedClient } from './guardFixtures.ts';

const participant: Actor = { participantId: alice.id, name: alice.name, role: 'participant' };

function postingRoom(): Y.Doc {
  const room = newRoom();
  boardMaps(room).session.set('phase', 'post');
  boardMaps(room).session.set('exerciseId', 'ex1');
  return room;
}

/** Sends one note from a fresh client through the check; applies it when accepted, like the room does. */
function post(room: Y.Doc, check: ReturnType<typeof createUpdateCheck>, id: string) {
  const client = syncedClient(room);
  const update = captureUpdate(client, () =>
    addNote(client, { id, areaId: 'ex1-a1', text: id, author: alice, createdAt: 1 }),
  );
  const verdict = check(room, update, participant);
  if (verdict.ok) Y.applyUpdate(room, update);
  return verdict;
}

describe('live note counter', () => {
  it('follows adds, replacements and deletes, local or remote, exactly as Y.Map#size', () => {
    const room = postingRoom();
    const count = createLiveNoteCounter();
    expect(count(room)).toBe(3);
    addNote(room, { id: 'n4', areaId: 'ex1-a1', text: 'four', author: alice, createdAt: 1 });
    expect(count(room)).toBe(4);
    boardMaps(room).notes.set('n4', new Y.Map());
    expect(count(room)).toBe(4);
    deleteNote(room, 'n1');
    deleteNote(room, 'n1');
    expect(count(room)).toBe(3);
    const other = syncedClient(room);
    other.transact(() => {
      deleteNote(other, 'n2');
      addNote(other, { id: 'n5', areaId: 'ex1-a1', text: 'five', author: alice, createdAt: 1 });
      addNote(other, { id: 'n6', areaId: 'ex1-a1', text: 'six', author: alice, createdAt: 1 });
    });
    Y.applyUpdate(room, Y.encodeStateAsUpdate(other, Y.encodeStateVector(room)));
    expect(count(room)).toBe(boardMaps(room).notes.size);
    expect(count(room)).toBe(4);
  });

  it('the limit holds exactly: the last note fits, the next is refused, a deletion frees one place', () => {
    const room = postingRoom();
    const check = createUpdateCheck({ maxNotesPerBoard: 5 });
    expect(post(room, check, 'n4')).toEqual({ ok: true, value: undefined });
    expect(post(room, check, 'n5')).toEqual({ ok: true, value: undefined });
    expect(boardMaps(room).notes.size).toBe(5);
    expect(post(room, check, 'n6')).toEqual({ ok: false, reason: 'This board is full: it holds at most 5 notes.' });
    deleteNote(room, 'n1');
    expect(post(room, check, 'n6')).toEqual({ ok: true, value: undefined });
    expect(post(room, check, 'n7')).toMatchObject({ ok: false });
  });

  it('does not walk the notes map on every check (Y.Map#size is O(board) in yjs 13)', () => {
    const room = postingRoom();
    const check = createUpdateCheck({ maxNotesPerBoard: 10_000 });
    post(room, check, 'n4');
    const notes = boardMaps(room).notes;
    let walks = 0;
    const entries = notes._map.entries.bind(notes._map);
    notes._map.entries = () => {
      walks++;
      return entries();
    };
    for (let i = 0; i < 20; i++) expect(post(room, check, `m${i}`).ok).toBe(true);
    expect(walks).toBe(0);
  });
});
