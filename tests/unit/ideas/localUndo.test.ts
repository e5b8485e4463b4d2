// Undo and redo of one's own changes: only local ones, one step per action, and every write passes the server's guard.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote, deleteNote, editNote, moveNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import { createLocalUndo, nextEffects, undoRefusal } from '@shared/ideas/localUndo.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { createUpdateCheck } from '../../../server/src/guard/checkUpdate.ts';
import { ana, boardWithNotes, bo, STATION_1 } from './fixtures.ts';

const anaActor: Actor = { participantId: ana.id, name: ana.name, role: ana.role };
const check = createUpdateCheck({ maxNotesPerBoard: 1000 });

/** Ana's client and the room's doc; every update Ana's doc makes is judged by the real guard before the room takes it. */
function room(phase: Phase) {
  const server = boardWithNotes(1);
  boardMaps(server).session.set('phase', phase);
  const client = new Y.Doc();
  client.clientID = 2;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server), 'remote');
  const verdicts: string[] = [];
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    const verdict = check(server, update, anaActor);
    verdicts.push(verdict.ok ? 'ok' : verdict.reason);
    if (verdict.ok) Y.applyUpdate(server, update, 'remote');
  });
  const undo = createLocalUndo(client, 0);
  const setPhase = (next: Phase) => {
    boardMaps(server).session.set('phase', next);
    boardMaps(client).session.set('phase', next);
  };
  return { server, client, undo, verdicts, setPhase };
}

const texts = (doc: Y.Doc) => readBoard(doc).notes.map((n) => n.text);

describe('local undo', () => {
  it('undoes and redoes posting a note in the post phase, with writes the guard accepts', () => {
    const { server, client, undo, verdicts } = room('post');
    addNote(client, { id: 'mine', areaId: STATION_1, text: 'Mine', author: ana, createdAt: 20 });
    expect(undoRefusal(nextEffects(undo, 'undo'), 'participant', 'post', false)).toBeNull();
    undo.undo();
    expect(texts(server)).not.toContain('Mine');
    expect(undoRefusal(nextEffects(undo, 'redo'), 'participant', 'post', false)).toBeNull();
    undo.redo();
    expect(texts(server)).toContain('Mine');
    expect(verdicts).toEqual(['ok', 'ok', 'ok']);
    expect(readBoard(server).skipped).toEqual([]);
  });

  it("undoes grouping someone else's notes in the group phase, and redoes it", () => {
    const { server, client, undo, verdicts } = room('group');
    applyDrop(client, {
      noteId: 'n2',
      to: { x: 20, y: 260, areaId: STATION_1 },
      intent: { kind: 'joinNote', targetId: 'n4', targetGroupId: undefined },
    });
    expect(readBoard(server).groups).toHaveLength(1);
    expect(nextEffects(undo, 'undo')?.changedGroups).toBe(true);
    undo.undo();
    const undone = readBoard(server);
    expect(undone.groups).toEqual([]);
    expect(undone.notes.find((n) => n.id === 'n2')).toMatchObject({ x: 167, y: 240 });
    undo.redo();
    expect(readBoard(server).notes.find((n) => n.id === 'n2')?.groupId).toBe(readBoard(server).groups[0]?.id);
    expect(verdicts).toEqual(['ok', 'ok', 'ok']);
  });

  it('knows when reverting would re-post a note outside posting, as the guard does', () => {
    const { client, undo, verdicts } = room('group');
    deleteNote(client, 'n1');
    const refusal = undoRefusal(nextEffects(undo, 'undo'), 'participant', 'group', false);
    expect(refusal).toMatch(/posting is closed/);
    expect(undoRefusal(nextEffects(undo, 'undo'), 'facilitator', 'group', false)).toBeNull();
    // The guard agrees: forcing the undo is refused.
    undo.undo();
    expect(verdicts[0]).toBe('ok');
    expect(verdicts[1]).not.toBe('ok');
  });

  it('refuses reverting grouping outside the grouping phases, for participants only', () => {
    const { client, undo } = room('group');
    applyDrop(client, {
      noteId: 'n2',
      to: { x: 20, y: 260, areaId: STATION_1 },
      intent: { kind: 'joinNote', targetId: 'n4', targetGroupId: undefined },
    });
    expect(undoRefusal(nextEffects(undo, 'undo'), 'participant', 'post', false)).toMatch(/Groups/);
    expect(undoRefusal(nextEffects(undo, 'undo'), 'participant', 'closed', false)).toMatch(/read-only/);
    expect(undoRefusal(nextEffects(undo, 'undo'), 'facilitator', 'post', false)).toBeNull();
    expect(undoRefusal(undefined, 'participant', 'group', false)).toBe('Nothing to undo.');
  });

  it("never undoes someone else's work, and each action is its own step", () => {
    const { client, undo } = room('post');
    moveNote(client, 'n1', { x: 50, y: 500 });
    editNote(client, 'n3', 'Edited by Ana');
    // Bo's edit arrives from the network.
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(client));
    editNote(bob, 'n2', 'Edited by Bo');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(client)), 'remote');
    undo.undo();
    expect(readBoard(client).notes.find((n) => n.id === 'n3')?.text).toBe('idea n3');
    expect(readBoard(client).notes.find((n) => n.id === 'n1')).toMatchObject({ x: 50, y: 500 });
    undo.undo();
    expect(readBoard(client).notes.find((n) => n.id === 'n1')).toMatchObject({ x: 14, y: 240 });
    expect(undo.canUndo()).toBe(false);
    expect(readBoard(client).notes.find((n) => n.id === 'n2')?.text).toBe('Edited by Bo');
    expect(readBoard(client).notes.find((n) => n.authorId === bo.id && n.id === 'n4')?.text).toBe('idea n4');
  });

  it('merges changes made within the capture time into one step', () => {
    const doc = boardWithNotes();
    const undo = createLocalUndo(doc, 10_000);
    addNote(doc, { areaId: STATION_1, text: 'Part one', author: ana, createdAt: 30 });
    addNote(doc, { areaId: STATION_1, text: 'Part two', author: ana, createdAt: 30 });
    undo.undo();
    expect(texts(doc)).not.toContain('Part one');
    expect(texts(doc)).not.toContain('Part two');
  });
});
