// What the scope document is built from: decision records and their writes, and the session events the machine logs.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { clearDecision, setDecision } from '@shared/doc/decisionOps.ts';
import { addNote, createBoard, createGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { parseDecision } from '@shared/model/Decision.ts';
import { parseMeta } from '@shared/model/Meta.ts';
import { applyCommand } from '@shared/phases/applyCommand.ts';
import { ssr2Copenhagen } from '@shared/templates/ssr2Copenhagen.ts';
import { facilitator, MIN, state, T0 } from '../phases/machineFixtures.ts';
import { alice } from '../../fixtures/export/fixtureBoard.ts';

function boardWithNotes(): Y.Doc {
  const doc = new Y.Doc();
  createBoard(doc, ssr2Copenhagen, { title: 'Decisions', createdAt: 0 });
  addNote(doc, { id: 'a', areaId: 'ex1-a1', text: 'first', author: alice, createdAt: 1 });
  addNote(doc, { id: 'b', areaId: 'ex1-a1', text: 'second', author: alice, createdAt: 2 });
  addNote(doc, { id: 'c', areaId: 'ex1-a2', text: 'elsewhere', author: alice, createdAt: 3 });
  createGroup(doc, { id: 'g', areaId: 'ex1-a1', label: 'G', noteIds: ['a'] });
  return doc;
}

describe('decision records', () => {
  const base = {
    id: 'note-a',
    targetType: 'note',
    targetId: 'a',
    areaId: 'ex1-a1',
    status: 'inScope',
    decidedBy: 'Pat',
    decidedAt: 5,
  };

  it('accepts a valid decision and refuses malformed ones in words', () => {
    expect(parseDecision(base)).toEqual({ ok: true, value: base });
    expect(parseDecision({ ...base, id: 'x' })).toMatchObject({
      ok: false,
      reason: 'decision id must be its target type and id',
    });
    expect(parseDecision({ ...base, status: 'maybe' })).toMatchObject({ ok: false });
    expect(parseDecision({ ...base, status: 'merged' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('merged into'),
    });
    expect(parseDecision({ ...base, mergedInto: 'b' })).toMatchObject({ ok: false });
    expect(parseDecision({ ...base, priority: 'urgent' })).toMatchObject({
      ok: false,
      reason: 'priority must be high, medium or low',
    });
  });

  it('setDecision writes, changes field by field, refuses a merge across stations; clearDecision removes it', () => {
    const doc = boardWithNotes();
    expect(
      setDecision(doc, {
        targetType: 'note',
        targetId: 'a',
        status: 'inScope',
        priority: 'high',
        decidedBy: 'Pat',
        decidedAt: 5,
      }).ok,
    ).toBe(true);
    expect(
      setDecision(doc, { targetType: 'note', targetId: 'a', status: 'parked', decidedBy: 'Pat', decidedAt: 6 }).ok,
    ).toBe(true);
    expect(readBoard(doc).decisions).toEqual([{ ...base, status: 'parked', decidedAt: 6 }]);
    expect(
      setDecision(doc, {
        targetType: 'note',
        targetId: 'a',
        status: 'merged',
        mergedInto: 'c',
        decidedBy: 'Pat',
        decidedAt: 7,
      }),
    ).toEqual({ ok: false, reason: 'an idea can only be merged into a note at the same station' });
    expect(
      setDecision(doc, {
        targetType: 'note',
        targetId: 'a',
        status: 'merged',
        mergedInto: 'b',
        decidedBy: 'Pat',
        decidedAt: 7,
      }).ok,
    ).toBe(true);
    expect(
      setDecision(doc, { targetType: 'group', targetId: 'nope', status: 'inScope', decidedBy: 'Pat', decidedAt: 7 }),
    ).toEqual({ ok: false, reason: 'that group no longer exists' });
    expect(clearDecision(doc, 'note', 'a').ok).toBe(true);
    expect(readBoard(doc).decisions).toEqual([]);
  });

  it('reads decisions only for notes and groups that still exist', () => {
    const doc = boardWithNotes();
    setDecision(doc, { targetType: 'group', targetId: 'g', status: 'inScope', decidedBy: 'Pat', decidedAt: 5 });
    expect(readBoard(doc).decisions.map((d) => d.id)).toEqual(['group-g']);
    doc.getMap('groups').delete('g');
    expect(readBoard(doc).decisions).toEqual([]);
  });
});

describe('session events', () => {
  it('logs pause, resume and extension with the minutes, then closing, reopening and setup', () => {
    let s = state({ phase: 'post', endsAt: T0 + 15 * MIN, rotation: 0 }).session;
    const step = (command: Parameters<typeof applyCommand>[1], at: number) => {
      const result = applyCommand({ ...state(), session: s }, command, facilitator, at);
      if (!result.ok) throw new Error(result.reason);
      s = result.session;
    };
    step({ type: 'pause' }, T0 + MIN);
    step({ type: 'resume' }, T0 + MIN + 12_000);
    step({ type: 'extend', minutes: 1 }, T0 + 2 * MIN);
    step({ type: 'close' }, T0 + 3 * MIN);
    step({ type: 'reopen' }, T0 + 4 * MIN);
    expect(s.events.map((e) => [e.kind, e.at - T0, e.phase, e.minutes])).toEqual([
      ['pause', MIN, 'post', undefined],
      ['resume', MIN + 12_000, 'post', undefined],
      ['extend', 2 * MIN, 'post', 1],
      ['close', 3 * MIN, 'post', undefined],
      // Reopening goes back to the phase the board was closed in, so no setup follows.
      ['reopen', 4 * MIN, 'closed', undefined],
    ]);
  });

  it('a refused command logs nothing', () => {
    const result = applyCommand(state({ phase: 'setup' }), { type: 'pause' }, facilitator, T0);
    expect(result.ok).toBe(false);
  });

  it('keeps a board time zone only when it is a real IANA name', () => {
    const meta = { formatVersion: 1, title: 'T', templateId: 'x', createdAt: 0 };
    expect(parseMeta({ ...meta, timeZone: 'Europe/Copenhagen' })).toMatchObject({
      ok: true,
      value: { timeZone: 'Europe/Copenhagen' },
    });
    const unknownZone = parseMeta({ ...meta, timeZone: 'Mars/Olympus' });
    expect(unknownZone.ok).toBe(true);
    if (unknownZone.ok) expect(unknownZone.value.timeZone).toBeUndefined();
  });
});
