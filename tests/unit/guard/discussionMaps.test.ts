// The guard's decoder treats the discussion maps (comments, handoffs) as record maps, and the rules accept ops' writes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps, isRecordMap } from '@shared/doc/boardDoc.ts';
import { addComment, addHandoff, deleteComment } from '@shared/doc/commentOps.ts';
import { mergeNotes } from '@shared/discussion/mergeNotes.ts';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor } from '@shared/rules/Change.ts';
import { checkChanges } from '@shared/rules/permissions.ts';
import { boardView } from '../../../server/src/guard/checkUpdate.ts';
import { describeUpdate } from '../../../server/src/guard/describeUpdate.ts';
import { alice, bob, captureUpdate, expectDescribed, newRoom, syncedClient } from './guardFixtures.ts';

const asActor = (person: typeof alice): Actor => ({ participantId: person.id, name: person.name, role: person.role });
const fran: Actor = { participantId: 'p-fran', name: 'Fran', role: 'facilitator' };

function inPhase(room: Y.Doc, phase: Phase): Y.Doc {
  boardMaps(room).session.set('phase', phase);
  return room;
}

/** What the server would answer to `update` from `actor`. */
function judge(room: Y.Doc, update: Uint8Array, actor: Actor) {
  const described = describeUpdate(room, update);
  if (!described.ok) return described;
  return checkChanges(described.value, actor, boardView(room));
}

describe('the decoder and the discussion maps', () => {
  it('knows comments and handoffs as record maps', () => {
    expect(isRecordMap('comments')).toBe(true);
    expect(isRecordMap('handoffs')).toBe(true);
  });

  it('addComment is one createRecord in "comments"', () => {
    const room = newRoom();
    const client = syncedClient(room);
    const update = captureUpdate(client, () =>
      addComment(client, { id: 'c1', targetType: 'note', targetId: 'n1', text: 'Why?', author: bob, createdAt: 70 }),
    );
    expectDescribed(room, update, [
      {
        kind: 'createRecord',
        map: 'comments',
        id: 'c1',
        fields: {
          id: 'c1',
          areaId: 'ex1-a1',
          targetType: 'note',
          targetId: 'n1',
          text: 'Why?',
          authorId: bob.id,
          authorName: 'Bob',
          authorRole: 'participant',
          createdAt: 70,
        },
      },
    ]);
  });

  it('addHandoff is one createRecord in "handoffs", and deleteComment a deleteRecord', () => {
    const room = newRoom();
    addComment(
      room,
      { id: 'c1', targetType: 'group', targetId: 'g1', text: 'Nice', author: alice, createdAt: 70 },
      'remote',
    );
    const client = syncedClient(room);
    const update = captureUpdate(client, () => {
      addHandoff(client, {
        id: 'h1',
        areaId: 'ex1-a1',
        exerciseId: 'ex1',
        rotation: 1,
        text: 'Done',
        author: bob,
        createdAt: 80,
      });
      deleteComment(client, 'c1');
    });
    expectDescribed(room, update, [
      {
        kind: 'createRecord',
        map: 'handoffs',
        id: 'h1',
        fields: {
          id: 'h1',
          areaId: 'ex1-a1',
          exerciseId: 'ex1',
          rotation: 1,
          text: 'Done',
          authorId: bob.id,
          authorName: 'Bob',
          createdAt: 80,
        },
      },
      { kind: 'deleteRecord', map: 'comments', id: 'c1' },
    ]);
  });

  it("the guard accepts a participant's comment in rotate and refuses it in post", () => {
    const write = (client: Y.Doc) =>
      addComment(client, { targetType: 'note', targetId: 'n1', text: 'Why?', author: bob, createdAt: 70 });
    const rotating = inPhase(newRoom(), 'rotate');
    const rotatingClient = syncedClient(rotating);
    expect(
      judge(
        rotating,
        captureUpdate(rotatingClient, () => write(rotatingClient)),
        asActor(bob),
      ),
    ).toEqual({ ok: true, value: undefined });
    const posting = inPhase(newRoom(), 'post');
    const client = syncedClient(posting);
    expect(
      judge(
        posting,
        captureUpdate(client, () => write(client)),
        asActor(bob),
      ),
    ).toEqual({
      ok: false,
      reason: 'Comments can be written in the group and rotate phases; the room is in the post phase.',
    });
  });

  it("the guard accepts the facilitator's merge (comments rewritten under their ids) and refuses it from a participant", () => {
    const room = inPhase(newRoom(), 'rotate');
    addComment(
      room,
      { id: 'c1', targetType: 'note', targetId: 'n2', text: 'Dup?', author: alice, createdAt: 70 },
      'remote',
    );
    const merge = (doc: Y.Doc) => mergeNotes(doc, { keepId: 'n1', removeId: 'n2', text: 'DNSSEC and KSK' });
    const client = syncedClient(room);
    const update = captureUpdate(client, () => merge(client));
    expect(judge(room, update, asActor(alice)).ok).toBe(false);
    expect(judge(room, update, fran)).toEqual({ ok: true, value: undefined });
    Y.applyUpdate(room, update);
    expect(boardMaps(room).comments.get('c1')?.get('targetId')).toBe('n1');
    expect(boardMaps(room).notes.has('n2')).toBe(false);
  });
});
