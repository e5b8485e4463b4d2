// The scope-document model: outline, placeholders, ordering, observer and imported input kept apart, session record.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, createBoard, createGroup } from '../../../shared/src/doc/ops.ts';
import { readBoard } from '../../../shared/src/doc/readBoard.ts';
import { buildScopeDocument, walkSections } from '../../../shared/src/export/scopeDocument.ts';
import { PLACEHOLDER_TEXT, type ScopeBlock, type ScopeSection } from '../../../shared/src/export/ScopeModel.ts';
import { ssr2Copenhagen } from '../../../shared/src/templates/ssr2Copenhagen.ts';
import { alice, bob, CONSULTATION, EXPORTED_AT, goldenBoard, olga } from '../../fixtures/export/fixtureBoard.ts';

const document = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT });
const find = (id: string) => walkSections(document).find((s) => s.section.id === id)?.section as ScopeSection;
const noteBlocks = (s: ScopeSection) => s.blocks.filter((b): b is Extract<ScopeBlock, { kind: 'notes' }> => b.kind === 'notes');

describe('outline', () => {
  it('follows the Terms of Reference outline, then the session record', () => {
    expect(document.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Mandate', '2 Background', '3 Framework', '4 Process', '5 Work of the Review Team',
      '6 Deliverables', '7 Conflicts of interest', '8 Timeline',
    ]);
    expect(find('framework').subsections.map((s) => s.title)).toEqual(['Scope', 'Data and metrics', 'ICANN evaluation reports', 'Definitions']);
    expect(find('process').subsections.map((s) => s.title)).toEqual(['Communications and transparency', 'ICANN staff input', 'Community consultations']);
    expect(document.appendices.map((s) => s.title)).toEqual(['Session record']);
  });

  it('fills the mandate and timeline from the template and marks the rest for drafting', () => {
    expect(find('mandate').blocks).toEqual([{ kind: 'paragraph', text: ssr2Copenhagen.mandate }]);
    expect(find('mandate').isPlaceholder).toBe(false);
    expect(find('timeline').blocks[0]).toEqual({ kind: 'paragraph', text: '30 March 2017: Terms of Reference and Work Plan to the ICANN Board.' });
    for (const id of ['framework-data', 'framework-reports', 'framework-definitions', 'process-staff', 'deliverables', 'conflicts']) {
      expect(find(id).blocks).toEqual([{ kind: 'placeholder', text: PLACEHOLDER_TEXT }]);
      expect(find(id).isPlaceholder).toBe(true);
    }
  });

  it('without a template keeps the mandate as a placeholder', () => {
    const board = goldenBoard();
    const bare = buildScopeDocument({ ...board, meta: board.meta && { ...board.meta, templateId: 'unknown' } }, { exportedAt: 0 });
    expect(bare.sections[0]?.blocks).toEqual([{ kind: 'placeholder', text: PLACEHOLDER_TEXT }]);
  });

  it('puts Exercise 1 stations under 3.a Scope and Exercise 2 stations under 5', () => {
    expect(find('framework-scope').subsections.map((s) => s.number)).toEqual(['3.a.1', '3.a.2', '3.a.3', '3.a.4', '3.a.5']);
    expect(find('framework-scope').subsections[0]?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: `Bylaws 4.6(c)(ii)(A): ${ssr2Copenhagen.exercises[0]?.areas[0]?.description}`,
    });
    expect(find('work').subsections.map((s) => `${s.number} ${s.title}`)[0]).toBe('5.1 Leadership and decision-making');
  });
});

describe('an area', () => {
  const area = find('area-ex1-a1');

  it('lists named groups by label, unnamed after, omits groups without room notes, then ungrouped, observer, imported', () => {
    expect(noteBlocks(area).map((b) => [b.notesKind, b.label])).toEqual([
      ['group', 'Group: Root zone & DNSSEC'],
      ['group', 'Group: Unnamed group'],
      ['ungrouped', 'Ungrouped notes'],
      ['observer', 'Observer input'],
      ['imported', `Imported input: ${CONSULTATION}`],
    ]);
  });

  it('never mixes observer or imported notes into the room groups', () => {
    const [crypto, unnamed, ungrouped, observer, imported] = noteBlocks(area);
    expect(crypto?.notes.map((n) => n.id)).toEqual(['n01', 'n02']);
    expect(unnamed?.notes.map((n) => n.id)).toEqual(['n03']);
    expect(ungrouped?.notes.map((n) => n.id)).toEqual(['n04', 'n05']);
    expect(observer?.notes).toEqual([expect.objectContaining({ id: 'n06', authorRole: 'observer', groupLabel: 'Unnamed group' })]);
    expect(imported?.notes).toEqual([expect.objectContaining({ id: 'i01', source: CONSULTATION })]);
  });

  it('orders notes by creation time then id, whatever the insertion order', () => {
    const doc = new Y.Doc();
    createBoard(doc, ssr2Copenhagen, { title: 'Order', createdAt: 0 });
    for (const [id, at] of [['c', 5], ['b', 5], ['a', 9], ['z', 1]] as const) {
      addNote(doc, { id, areaId: 'ex1-a2', text: id, author: alice, createdAt: at });
    }
    createGroup(doc, { id: 'g2', areaId: 'ex1-a2', label: 'Beta', noteIds: ['a'] });
    createGroup(doc, { id: 'g1', areaId: 'ex1-a2', label: 'Beta', noteIds: ['b'] });
    const section = walkSections(buildScopeDocument(readBoard(doc), { exportedAt: 0 })).find((s) => s.section.id === 'area-ex1-a2')?.section;
    expect(noteBlocks(section as ScopeSection).map((b) => [b.groupId ?? b.notesKind, b.notes.map((n) => n.id)])).toEqual([
      ['g1', ['b']],
      ['g2', ['a']],
      ['ungrouped', ['z', 'c']],
    ]);
  });

  it('counts imported and observer input in 4.c Community consultations', () => {
    const texts = find('process-consultations').blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind));
    expect(texts).toContain(`${CONSULTATION}: 2 notes, shown under each station as "Imported input".`);
    expect(texts).toContain('Observers: 2 notes, shown under each station as "Observer input".');
    expect(texts.at(-1)).toBe('placeholder');
  });
});

describe('session record', () => {
  it('gives the phases as they ran, planned and actual minutes, and the people (removed counted apart)', () => {
    const record = document.sessionRecord;
    expect(record.phases.map((p) => [p.phase, p.rotation, p.plannedMinutes, p.actualMinutes])).toEqual([
      ['post', null, 15, 16],
      ['group', null, 5, 5.5],
      ['rotate', 1, 15, 15],
      ['rotate', 2, 15, 15],
      ['post', null, 10, null],
    ]);
    expect(record).toMatchObject({ participants: 3, observers: 1, facilitators: 1, removed: 1, exportedAt: EXPORTED_AT });
    expect(record.notes).toEqual({ total: 29, room: 24, observer: 2, imported: 3 });
    const table = document.appendices[0]?.blocks[0];
    expect(table?.kind === 'table' && table.rows[0]).toEqual([
      'Exercise 1: the areas we shall and may evaluate', 'post', '', '2017-03-15 13:00 UTC', '2017-03-15 13:16 UTC', '15', '16',
    ]);
    expect(table?.kind === 'table' && table.rows[4]?.[4]).toBe('still running');
  });
});

describe('note rows', () => {
  it('has one row per note in exercise, station, time order, with group labels', () => {
    expect(document.noteRows).toHaveLength(document.records.notes.length);
    expect(document.noteRows.slice(0, 3).map((r) => [r.id, r.group])).toEqual([['n01', 'Root zone & DNSSEC'], ['n02', 'Root zone & DNSSEC'], ['n03', 'Unnamed group']]);
    expect(document.noteRows.at(-1)?.exercise).toBe('Exercise 2: how we will work together');
  });

  it('a board with observers only posting still keeps them out of the room groups', () => {
    const doc = new Y.Doc();
    createBoard(doc, ssr2Copenhagen, { title: 'Obs', createdAt: 0 });
    addNote(doc, { id: 'o1', areaId: 'ex1-a1', text: 'observer idea', author: olga, createdAt: 1 });
    addNote(doc, { id: 'r1', areaId: 'ex1-a1', text: 'room idea', author: bob, createdAt: 2 });
    createGroup(doc, { id: 'g', areaId: 'ex1-a1', label: 'Only observers', noteIds: ['o1'] });
    const section = walkSections(buildScopeDocument(readBoard(doc), { exportedAt: 0 })).find((s) => s.section.id === 'area-ex1-a1')?.section;
    expect(noteBlocks(section as ScopeSection).map((b) => [b.notesKind, b.notes.map((n) => n.id)])).toEqual([
      ['ungrouped', ['r1']],
      ['observer', ['o1']],
    ]);
  });
});
