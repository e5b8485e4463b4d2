// The minimum team size: one field (meta.minTeamSize), one default, read the same way by the board and the server.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { createBoard } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { setMinTeamSize } from '@shared/doc/structureOps.ts';
import { DEFAULT_MIN_TEAM_SIZE, parseMeta, readMinTeamSize } from '@shared/model/Meta.ts';
import { getTemplate } from '@shared/templates/templates.ts';

function boardDoc(templateId: string): Y.Doc {
  const doc = new Y.Doc();
  const result = createBoard(doc, getTemplate(templateId)!, { title: 'Board', createdAt: 1 });
  if (!result.ok) throw new Error(result.reason);
  return doc;
}

describe('minimum team size', () => {
  it('defaults to 4: the ground rules\u2019 ">3 people per station"', () => {
    expect(DEFAULT_MIN_TEAM_SIZE).toBe(4);
    expect([undefined, null, 0, -2, 2.5, 21, '3'].map(readMinTeamSize)).toEqual(Array(7).fill(4));
    expect([1, 3, 20].map(readMinTeamSize)).toEqual([1, 3, 20]);
  });

  it('reads the same from the board and its meta, stored or not', () => {
    const doc = boardDoc('ssr2-copenhagen');
    expect(readBoard(doc).minTeamSize).toBe(4);
    expect(setMinTeamSize(doc, 2).ok).toBe(true);
    const board = readBoard(doc);
    expect([board.minTeamSize, board.meta?.minTeamSize]).toEqual([2, 2]);
    doc.transact(() => boardMaps(doc).meta.delete('minTeamSize'));
    expect(readBoard(doc).minTeamSize).toBe(DEFAULT_MIN_TEAM_SIZE);
    expect(parseMeta({ formatVersion: 1, title: 'Old board' })).toMatchObject({ ok: true, value: { minTeamSize: 4 } });
  });

  it('keeps a template\u2019s own size and gives a template without one the same default', () => {
    expect(readBoard(boardDoc('blank')).minTeamSize).toBe(getTemplate('blank')!.minTeamSize);
  });

  it('refuses a size outside 1 to 20 when the facilitator sets it', () => {
    const doc = boardDoc('ssr2-copenhagen');
    expect(setMinTeamSize(doc, 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/1 to 20/) });
    expect(setMinTeamSize(doc, 3.5).ok).toBe(false);
    expect(readBoard(doc).minTeamSize).toBe(4);
  });
});
