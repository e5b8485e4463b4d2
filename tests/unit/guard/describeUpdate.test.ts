// The update decoder on what real clients send: ops.ts writes, facilitator edits, sync diffs, replays, gaps.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, type RecordMap } from '@shared/doc/boardDoc.ts';
import {
  addNote,
  createGroup,
  deleteGroup,
  deleteNote,
  editNote,
  moveNote,
  renameGroup,
  setNoteGroup,
} from '@shared/doc/ops.ts';
import { describeUpdate } from '../../../server/src/guard/describeUpdate.ts';
import { alice, captureUpdate, cloneDoc, diffFor, expectDescribed, newRoom, syncedClient } from './guardFixtures.ts';

const noteFields = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id,
  areaId: 'ex1-a2',
  text,
  authorId: alice.id,
  authorName: alice.name,
  authorRole: alice.role,
  createdAt: 50,
  ...extra,
});

function note(doc: Y.Doc, id: string): RecordMap {
  const record = boardMaps(doc).notes.get(id);
  if (!record) throw new Error(`no note ${id}`);
  return record;
}

describe('describeUpdate on ops.ts writes', () => {
  it('addNote is one createRecord with every field', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => {
      addNote(client, { id: 'n9', areaId: 'ex1-a2', text: ' An idea ', author: alice, createdAt: 50, x: 3, y: 4 });
    });
    expectDescribed(room, update, [
      { kind: 'createRecord', map: 'notes', id: 'n9', fields: noteFields('n9', 'An idea', { x: 3, y: 4 }) },
    ]);
  });

  it('editNote is a setField of text (the overwritten value is not a deletion)', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => editNote(client, 'n1', 'DNSSEC signing'));
    expectDescribed(room, update, [
      { kind: 'setField', map: 'notes', id: 'n1', field: 'text', value: 'DNSSEC signing' },
    ]);
  });

  it('moveNote to another station sets x, y, areaId and removes groupId', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => moveNote(client, 'n1', { x: 100.4, y: 200, areaId: 'ex1-a3' }));
    expectDescribed(room, update, [
      { kind: 'setField', map: 'notes', id: 'n1', field: 'x', value: 100 },
      { kind: 'setField', map: 'notes', id: 'n1', field: 'y', value: 200 },
      { kind: 'setField', map: 'notes', id: 'n1', field: 'areaId', value: 'ex1-a3' },
      { kind: 'deleteField', map: 'notes', id: 'n1', field: 'groupId' },
    ]);
  });

  it('deleteNote is one deleteRecord (its fields go with it)', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => deleteNote(client, 'n2'));
    expectDescribed(room, update, [{ kind: 'deleteRecord', map: 'notes', id: 'n2' }]);
  });

  it('createGroup creates the group and sets groupId on its notes', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      createGroup(client, { id: 'g2', areaId: 'ex1-a1', label: 'Zone', noteIds: ['n3'] }),
    );
    expectDescribed(room, update, [
      { kind: 'createRecord', map: 'groups', id: 'g2', fields: { id: 'g2', areaId: 'ex1-a1', label: 'Zone' } },
      { kind: 'setField', map: 'notes', id: 'n3', field: 'groupId', value: 'g2' },
    ]);
  });

  it('renameGroup and setNoteGroup are setFields', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => {
      renameGroup(client, 'g1', 'Key management');
      setNoteGroup(client, 'n3', 'g1');
    });
    expectDescribed(room, update, [
      { kind: 'setField', map: 'groups', id: 'g1', field: 'label', value: 'Key management' },
      { kind: 'setField', map: 'notes', id: 'n3', field: 'groupId', value: 'g1' },
    ]);
  });

  it('deleteGroup removes the group and ungroups its notes', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => deleteGroup(client, 'g1'));
    const described = describeUpdate(room, update);
    if (!described.ok) throw new Error(described.reason);
    expect(described.value).toHaveLength(3);
    expect(described.value).toEqual(
      expect.arrayContaining([
        { kind: 'deleteRecord', map: 'groups', id: 'g1' },
        { kind: 'deleteField', map: 'notes', id: 'n1', field: 'groupId' },
        { kind: 'deleteField', map: 'notes', id: 'n2', field: 'groupId' },
      ]),
    );
    expectDescribed(room, update, described.value);
  });
});

describe('describeUpdate on direct writes', () => {
  it('a facilitator renaming a station is a setField on areas', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => boardMaps(client).areas.get('ex1-a1')?.set('title', 'Accountability'));
    expectDescribed(room, update, [
      { kind: 'setField', map: 'areas', id: 'ex1-a1', field: 'title', value: 'Accountability' },
    ]);
  });

  it('session and meta keys are setValue / deleteValue', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      client.transact(() => {
        const maps = boardMaps(client);
        maps.session.set('phase', 'post');
        maps.session.set('endsAt', 5000);
        maps.meta.set('title', 'Renamed');
        maps.meta.delete('minTeamSize');
        maps.meta.delete('no-such-key');
      }),
    );
    expectDescribed(room, update, [
      { kind: 'setValue', map: 'session', key: 'phase', value: 'post' },
      { kind: 'setValue', map: 'session', key: 'endsAt', value: 5000 },
      { kind: 'setValue', map: 'meta', key: 'title', value: 'Renamed' },
      { kind: 'deleteValue', map: 'meta', key: 'minTeamSize' },
    ]);
  });

  it('two sets of one key in one transaction: the last one wins', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      client.transact(() => {
        note(client, 'n3').set('text', 'first');
        note(client, 'n3').set('text', 'second');
        boardMaps(client).session.set('phase', 'post');
        boardMaps(client).session.set('phase', 'group');
      }),
    );
    expectDescribed(room, update, [
      { kind: 'setField', map: 'notes', id: 'n3', field: 'text', value: 'second' },
      { kind: 'setValue', map: 'session', key: 'phase', value: 'group' },
    ]);
  });

  it('a note created and edited in one update is one createRecord with the last text', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      client.transact(() => {
        addNote(client, { id: 'n9', areaId: 'ex1-a2', text: 'draft', author: alice, createdAt: 50 });
        editNote(client, 'n9', 'final');
      }),
    );
    expectDescribed(room, update, [
      { kind: 'createRecord', map: 'notes', id: 'n9', fields: noteFields('n9', 'final') },
    ]);
  });

  it('a note created and deleted in one update is refused: it would leave a tombstone at a key the board never had', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      client.transact(() => {
        addNote(client, { id: 'n9', areaId: 'ex1-a2', text: 'oops', author: alice, createdAt: 50 });
        deleteNote(client, 'n9');
      }),
    );
    expect(describeUpdate(room, update)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/garbage-collected|deleted content/),
    });
  });

  it('an offline session sent as one sync diff (merged and garbage-collected) says the net effect', () => {
    const room = newRoom();
    const client = syncedClient(room);
    addNote(client, { id: 'n9', areaId: 'ex1-a2', text: 'one', author: alice, createdAt: 50 });
    editNote(client, 'n9', 'two');
    moveNote(client, 'n3', { x: 1, y: 2 });
    moveNote(client, 'n3', { x: 7, y: 8 });
    deleteNote(client, 'n1');
    expectDescribed(room, diffFor(room, client), [
      { kind: 'createRecord', map: 'notes', id: 'n9', fields: noteFields('n9', 'two') },
      { kind: 'setField', map: 'notes', id: 'n3', field: 'x', value: 7 },
      { kind: 'setField', map: 'notes', id: 'n3', field: 'y', value: 8 },
      { kind: 'deleteRecord', map: 'notes', id: 'n1' },
    ]);
  });

  it('an offline session that edits a note and then deletes it is refused: its diff carries GC structs', () => {
    // The price of refusing GC structs from clients (issue 9): the edit inside the deleted note is GC'd by yjs.
    const room = newRoom();
    const client = syncedClient(room);
    editNote(client, 'n1', 'gone soon');
    deleteNote(client, 'n1');
    expect(describeUpdate(room, diffFor(room, client))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/garbage-collected/),
    });
  });

  it('a write into a note someone else deleted first changes nothing', () => {
    const room = newRoom();
    const client = syncedClient(room);
    deleteNote(room, 'n2');
    const update = captureUpdate(client, () => editNote(client, 'n2', 'too late'));
    const before = cloneDoc(room);
    expect(describeUpdate(room, update)).toEqual({ ok: true, value: [] });
    Y.applyUpdate(room, update);
    expect(boardMaps(room).notes.has('n2')).toBe(false);
    expect(boardMaps(room).notes.toJSON()).toEqual(boardMaps(before).notes.toJSON());
  });
});

describe('describeUpdate on replays and gaps', () => {
  it('an update the room already has describes no change', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () => editNote(client, 'n1', 'again'));
    Y.applyUpdate(room, update);
    expect(describeUpdate(room, update)).toEqual({ ok: true, value: [] });
    expect(describeUpdate(room, Y.encodeStateAsUpdate(client))).toEqual({ ok: true, value: [] });
  });

  it('an update whose earlier part from the same client is missing is refused', () => {
    const room = newRoom();
    const client = syncedClient(room);
    captureUpdate(client, () => editNote(client, 'n1', 'first, never sent'));
    const second = captureUpdate(client, () => editNote(client, 'n3', 'second'));
    const described = describeUpdate(room, second);
    expect(described.ok).toBe(false);
    // The premise: yjs would park it, to apply later without a check.
    const copy = cloneDoc(room);
    Y.applyUpdate(copy, second);
    expect(copy.store.pendingStructs).not.toBeNull();
  });

  it("an edit of a note the room has not received yet (another client's) is refused", () => {
    const room = newRoom();
    const author = syncedClient(room);
    addNote(author, { id: 'n9', areaId: 'ex1-a2', text: 'unsent', author: alice, createdAt: 50 });
    const editor = syncedClient(author);
    const update = captureUpdate(editor, () => editNote(editor, 'n9', 'edited'));
    expect(describeUpdate(room, update).ok).toBe(false);
  });

  it('a delete of items the room does not have is refused', () => {
    const room = newRoom();
    const author = syncedClient(room);
    addNote(author, { id: 'n9', areaId: 'ex1-a2', text: 'unsent', author: alice, createdAt: 50 });
    const deleter = syncedClient(author);
    const update = captureUpdate(deleter, () => deleteNote(deleter, 'n9'));
    expect(describeUpdate(room, update).ok).toBe(false);
    const copy = cloneDoc(room);
    Y.applyUpdate(copy, update);
    expect(copy.store.pendingDs).not.toBeNull();
  });

  it('the same update split across two clients in one merged message resolves across them', () => {
    const room = newRoom();
    const author = syncedClient(room);
    const first = captureUpdate(author, () =>
      addNote(author, { id: 'n9', areaId: 'ex1-a2', text: 'a', author: alice, createdAt: 50 }),
    );
    const editor = syncedClient(author);
    const second = captureUpdate(editor, () => editNote(editor, 'n9', 'b'));
    expectDescribed(room, Y.mergeUpdates([second, first]), [
      { kind: 'createRecord', map: 'notes', id: 'n9', fields: noteFields('n9', 'b') },
    ]);
  });
});
