// Setup ops on a real Y.Doc: each write validated, in one facilitator transaction, and accepted by the server's rules.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import {
  addStation,
  deleteStation,
  moveRecord,
  setGroundRules,
  setMinTeamSize,
  setStationLeftOut,
  updateExercise,
  updateStation,
} from '@shared/doc/structureOps.ts';
import { applyTemplate } from '@shared/templates/applyTemplate.ts';
import { getTemplate } from '@shared/templates/templates.ts';

function blankDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, getTemplate('blank')!, { title: 'Retro', createdAt: 1 });
  return doc;
}

describe('structure ops', () => {
  it('adds, names, reorders and leaves out stations', () => {
    const doc = blankDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const added = addStation(doc, 'ex1', { title: '  Risks  ' }, 'risks');
    expect(added.ok && added.value).toMatchObject({ id: 'risks', title: 'Risks', order: 3 });
    expect(
      updateStation(doc, 'risks', { reference: 'Charter §2', colour: '#d62728', description: 'What could go wrong' })
        .ok,
    ).toBe(true);
    expect(moveRecord(doc, 'areas', 'risks', -1).ok).toBe(true);
    expect(setStationLeftOut(doc, 'ex1-a1', true).ok).toBe(true);
    const board = readBoard(doc);
    expect(board.areas.map((a) => a.id)).toEqual(['ex1-a1', 'ex1-a2', 'risks', 'ex1-a3']);
    expect(board.areas[2]).toMatchObject({
      reference: 'Charter §2',
      colour: '#d62728',
      description: 'What could go wrong',
    });
    expect(board.areas[0]!.isLeftOut).toBe(true);
    expect(new Set(origins)).toEqual(new Set(['facilitator']));
  });

  it("refuses invalid values with the validators' words, writing nothing", () => {
    const doc = blankDoc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(updateStation(doc, 'ex1-a1', { title: '   ' })).toEqual({ ok: false, reason: 'area has no title' });
    expect(updateStation(doc, 'ex1-a1', { colour: 'red' }).ok).toBe(false);
    expect(updateExercise(doc, 'ex1', { title: 'x'.repeat(201) }).ok).toBe(false);
    expect(setMinTeamSize(doc, 0).ok).toBe(false);
    expect(addStation(doc, 'nope', { title: 'A' }).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('deletes only a station without notes', () => {
    const doc = blankDoc();
    addNote(doc, {
      areaId: 'ex1-a1',
      text: 'An idea',
      author: { id: 'p1', name: 'Ana', role: 'participant' },
      createdAt: 2,
    });
    expect(deleteStation(doc, 'ex1-a1').ok).toBe(false);
    expect(deleteStation(doc, 'ex1-a2').ok).toBe(true);
    expect(boardMaps(doc).areas.has('ex1-a2')).toBe(false);
  });

  it('sets ground rules (blank lines dropped), team size and exercise text', () => {
    const doc = blankDoc();
    expect(setGroundRules(doc, ['Be kind', '', '  One idea per note ']).ok).toBe(true);
    expect(setMinTeamSize(doc, 4).ok).toBe(true);
    expect(updateExercise(doc, 'ex1', { title: 'Looking back', question: 'What should we change?' }).ok).toBe(true);
    const board = readBoard(doc);
    expect([board.groundRules, board.minTeamSize, board.exercises[0]!.title, board.exercises[0]!.question]).toEqual([
      ['Be kind', 'One idea per note'],
      4,
      'Looking back',
      'What should we change?',
    ]);
  });
});
