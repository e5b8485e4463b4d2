// Board import: export JSON -> import -> export JSON keeps every section but ids and times; bad files are refused by field.

import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps, toRecordMap } from '@shared/doc/boardDoc.ts';
import { carryForward } from '@shared/doc/carryForward.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { exportBoard } from '@shared/export/exportBoard.ts';
import { importBoard } from '@shared/import/boardImport.ts';
import { templateInfoOf } from '@shared/templates/templateInfo.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { goldenDoc, EXPORTED_AT } from '../../fixtures/export/fixtureBoard.ts';

const LIMITS = { maxNotes: 10_000 };

function richDoc(): Y.Doc {
  const doc = goldenDoc();
  const maps = boardMaps(doc);
  doc.transact(() => {
    maps.comments.set(
      'c1',
      toRecordMap({
        id: 'c1',
        areaId: 'ex1-a1',
        targetType: 'note',
        targetId: 'n01',
        text: 'Ask OCTO for the timeline',
        authorId: 'p-bob',
        authorName: 'Bob',
        authorRole: 'participant',
        createdAt: EXPORTED_AT - 1000,
      }),
    );
    maps.handoffs.set(
      'h1',
      toRecordMap({
        id: 'h1',
        areaId: 'ex1-a1',
        exerciseId: 'ex1',
        rotation: 1,
        text: 'We grouped DNSSEC; KSK needs more',
        authorId: 'p-alice',
        authorName: 'Alice',
        createdAt: EXPORTED_AT - 2000,
      }),
    );
    maps.notes.get('n01')!.set('votes', 4);
    maps.areas.get('ex1-a2')!.set('isLeftOut', true);
    maps.areas.get('ex1-a3')!.set('colour', '#2ca02c');
    maps.meta.set('documentStatus', 'review');
    maps.meta.set('documentVersion', '0.3');
    maps.meta.set('documentOwner', 'SSR2 co-chairs');
    maps.meta.set('templateInfo', templateInfoOf(getTemplate('ssr2-copenhagen')!));
  });
  return doc;
}

async function exportJson(doc: Y.Doc, exportedAt = EXPORTED_AT): Promise<any> {
  const file = await exportBoard(readBoard(doc), 'json', { exportedAt });
  return JSON.parse(file.body as string);
}

function importDoc(json: unknown, createdAt: number): Y.Doc {
  const result = importBoard(json, LIMITS);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const doc = new Y.Doc();
  carryForward(
    result.board,
    doc,
    { title: result.board.meta!.title, createdAt, templateId: result.board.meta!.templateId, endedAt: EXPORTED_AT },
    'import',
  );
  return doc;
}

describe('board import round trip', () => {
  it('gives back the same scope document sections and records, with the earlier log kept as history', async () => {
    const first = await exportJson(richDoc());
    const second = await exportJson(importDoc(first, EXPORTED_AT + 60_000), EXPORTED_AT + 120_000);
    for (const key of ['exercises', 'areas', 'notes', 'groups', 'comments', 'handoffs', 'groundRules', 'minTeamSize']) {
      expect(second.board[key], key).toEqual(first.board[key]);
    }
    expect(second.board.meta).toEqual({ ...first.board.meta, createdAt: EXPORTED_AT + 60_000 });
    expect(second.document.sections).toEqual(first.document.sections);
    // Every other part of the document but times: title, control block, front matter, appendices but the record.
    const timeless = (document: any) => {
      const { exportedAt: _at, sessionRecord: _record, control, appendices, ...rest } = document;
      const { exportDate: _export, sessionDate: _session, ...kept } = control;
      return { ...rest, control: kept, appendices: appendices.filter((a: any) => a.id !== 'session-record') };
    };
    expect(timeless(second.document)).toEqual(timeless(first.document));
    expect(second.document.control).toMatchObject({ status: 'For review', version: '0.3', owner: 'SSR2 co-chairs' });
    expect(second.document.noteRows).toEqual(first.document.noteRows);
    // People are not carried (they join again); the session that ran is history now.
    expect(second.board.participants).toEqual([]);
    expect(second.board.session.log).toEqual([]);
    expect(second.board.earlierSessions).toEqual([
      { boardTitle: first.board.meta.title, endedAt: EXPORTED_AT, log: first.board.session.log },
    ]);
    // The session record says which board it continues and keeps that session's phases as "Earlier sessions".
    const sessionRecord = (doc: any) => doc.appendices.find((a: any) => a.id === 'session-record');
    const record = sessionRecord(second.document);
    expect(record.blocks.map((b: any) => b.text)).toContainEqual(
      expect.stringMatching(/^This board continues "SSR2 Terms of Reference: Copenhagen"/),
    );
    expect(record.subsections[0].title).toBe('Earlier sessions');
    // The earlier session's phases are the first board's own (when, what, planned; pauses are not carried as history).
    const phaseTable = (section: any) =>
      section.blocks.find((b: any) => b.kind === 'table').rows.map((row: string[]) => row.slice(0, 5));
    expect(phaseTable(record.subsections[0])).toEqual(phaseTable(sessionRecord(first.document)));
    expect(first.board.notes.find((n: any) => n.id === 'n01').votes).toBe(4);
    expect(first.board.areas.find((a: any) => a.id === 'ex1-a2').isLeftOut).toBe(true);
  });

  it('reads an early version 1 export without comments, hand-offs or ground rules', async () => {
    const json = await exportJson(richDoc());
    delete json.board.comments;
    delete json.board.handoffs;
    delete json.board.groundRules;
    const result = importBoard(json, LIMITS);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect([result.board.comments, result.board.handoffs, result.board.groundRules]).toEqual([[], [], []]);
  });
});

describe('board import refusals', () => {
  const cases: [string, (json: any) => unknown, string, RegExp][] = [
    ['not an object', () => 'hello', 'import', /JSON object of a Scopeboard export/],
    ['an unknown format', (j) => ({ ...j, format: 'trello-board' }), 'import.format', /not a Scopeboard JSON export/],
    ['a newer version', (j) => ({ ...j, version: 99 }), 'import.version', /newer than this server reads/],
    ['no board', (j) => ({ ...j, board: null }), 'import.board', /no board records/],
    [
      'duplicate note ids',
      (j) => (j.board.notes.push({ ...j.board.notes[0] }), j),
      `import.board.notes.LAST.id`,
      /used twice/,
    ],
    [
      'a station of a missing exercise',
      (j) => ((j.board.areas[0].exerciseId = 'gone'), j),
      'import.board.areas.0.exerciseId',
      /not in the export/,
    ],
    [
      'a note over the length limit',
      (j) => ((j.board.notes[0].text = 'x'.repeat(281)), j),
      'import.board.notes.0',
      /1 to 280 characters/,
    ],
    ['a note with untrimmed text', (j) => ((j.board.notes[0].text = ' padded '), j), 'import.board.notes.0', /trimmed/],
    [
      'a comment on a missing note',
      (j) => ((j.board.comments[0].targetId = 'nope'), j),
      'import.board.comments.0.targetId',
      /not in the export/,
    ],
    ['a bad minimum team size', (j) => ((j.board.minTeamSize = 0), j), 'import.board.minTeamSize', /whole number/],
  ];
  it.each(cases)('refuses %s, naming the field', async (_name, change, field, message) => {
    const json = change(await exportJson(richDoc())) as any;
    const path = field.replace('LAST', String((json?.board?.notes?.length ?? 1) - 1));
    const result = importBoard(json, LIMITS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(result.tooLarge).toBe(false);
  });

  it('refuses more notes than a board holds as too large', async () => {
    const result = importBoard(await exportJson(richDoc()), { maxNotes: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.tooLarge, result.issues[0]!.path]).toEqual([true, 'import.board.notes']);
  });
});
