// The scope-document model: outline, placeholders, ordering, observer and imported input kept apart, session record.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, createBoard, createGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { buildScopeDocument, walkSections } from '@shared/export/scopeDocument.ts';
import { PLACEHOLDER_TEXT, type ScopeBlock, type ScopeSection } from '@shared/export/ScopeModel.ts';
import { ssr2Copenhagen } from '@shared/templates/ssr2Copenhagen.ts';
import { alice, bob, CONSULTATION, EXPORTED_AT, goldenBoard, olga } from '../../fixtures/export/fixtureBoard.ts';

const document = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT });
const find = (id: string) => walkSections(document).find((s) => s.section.id === id)?.section as ScopeSection;
const noteBlocks = (s: ScopeSection) =>
  s.blocks.filter((b): b is Extract<ScopeBlock, { kind: 'notes' }> => b.kind === 'notes');

describe('outline', () => {
  it('follows the Terms of Reference outline in full, numbered with digits, then the appendices', () => {
    expect(document.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Mandate',
      '2 Background',
      '3 Framework',
      '4 Process',
      '5 Work of the Review Team',
      '6 Deliverables',
      '7 Conflicts of interest',
      '8 Timeline',
      '9 Work Plan',
    ]);
    expect(find('framework').subsections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '3.1 Scope',
      '3.2 Data and metrics',
      '3.3 ICANN evaluation reports',
      '3.4 Definitions',
    ]);
    expect(find('process').subsections.map((s) => s.title)).toEqual([
      'Communications and transparency',
      'ICANN staff input',
      'Community consultations',
    ]);
    expect(find('work').subsections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '5.1 Decision-making',
      '5.2 Meetings',
      '5.3 Reporting',
      '5.4 Participation',
      '5.5 Tools and means of communication',
      '5.6 Indicators and metrics',
    ]);
    expect(find('deliverables').subsections.map((s) => s.title)).toEqual([
      'Interim recommendations',
      'Findings',
      'Final recommendations',
      'Recommendations to the next review team',
    ]);
    expect(document.appendices.map((s) => `${s.number} ${s.title}`)).toEqual([
      'Appendix A Other ideas raised',
      'Appendix B Session record',
    ]);
  });

  it('fills mandate, background, timeline and work plan from the template, the Bylaws caveat as a drafting note', () => {
    const defaults = ssr2Copenhagen.documentDefaults;
    expect(find('mandate').blocks).toEqual([
      ...(defaults?.mandate ?? []).map((text) => ({ kind: 'paragraph', text })),
      { kind: 'draftingNote', text: defaults?.mandateNote },
    ]);
    expect(find('mandate').blocks[0]).toEqual({
      kind: 'paragraph',
      text: expect.stringContaining('Section 4.6(c)(i)'),
    });
    expect(find('timeline').blocks.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: '2 March 2017: the review started.' },
      { kind: 'paragraph', text: '30 March 2017: Terms of Reference and Work Plan to the ICANN Board.' },
      { kind: 'paragraph', text: '1 March 2018: expected completion of the review.' },
    ]);
    expect(find('work-decision-making').blocks[0]).toEqual({
      kind: 'paragraph',
      text: expect.stringContaining('consensus'),
    });
    const plan = find('work-plan').blocks[0];
    expect(plan?.kind === 'table' && plan.rows.map((r) => r[0])).toEqual([
      '2 March 2017',
      '12 March 2017',
      '15 March 2017',
      '30 March 2017',
      '13 May 2017 to 15 May 2017',
      '1 March 2018',
      'To be scheduled',
    ]);
    expect(find('work-plan').blocks.some((b) => b.kind === 'paragraph' && b.text.includes('USD 550,000'))).toBe(true);
    for (const id of [
      'framework-data',
      'framework-reports',
      'framework-definitions',
      'process-staff',
      'deliverables-findings',
      'conflicts',
    ]) {
      expect(find(id).blocks).toEqual([{ kind: 'placeholder', text: PLACEHOLDER_TEXT }]);
      expect(find(id).isPlaceholder).toBe(true);
    }
  });

  it('speaks as the Review Team, with document control in the title block', () => {
    expect(document.title).toBe('SSR2 Review Team: Terms of Reference and Work Plan');
    expect(JSON.stringify([document.subtitle, document.sections])).not.toMatch(/Replays|template:|board's notes/);
    expect(document.control).toEqual({
      status: 'Draft',
      version: '0.1',
      owner: 'Pat',
      sessionDate: '15 March 2017',
      exportDate: '15 March 2017',
      timeZone: 'Europe/Copenhagen',
    });
    const custom = buildScopeDocument(goldenBoard(), {
      exportedAt: EXPORTED_AT,
      status: 'review',
      version: '0.3',
      owner: 'SSR2 co-chairs',
    });
    expect(custom.front[0]).toMatchObject({
      kind: 'table',
      rows: expect.arrayContaining([
        ['Status', 'For review'],
        ['Version', '0.3'],
        ['Owner', 'SSR2 co-chairs'],
      ]),
    });
  });

  it('without a template (or with a blank one) fills nothing and keeps placeholders', () => {
    const board = goldenBoard();
    const bare = buildScopeDocument(
      { ...board, meta: board.meta && { ...board.meta, templateId: 'unknown' } },
      { exportedAt: 0 },
    );
    expect(bare.sections[0]?.blocks).toEqual([{ kind: 'placeholder', text: PLACEHOLDER_TEXT }]);
    expect(bare.sections[1]?.blocks).toEqual([{ kind: 'placeholder', text: PLACEHOLDER_TEXT }]);
    const blank = buildScopeDocument(board, {
      exportedAt: 0,
      template: { ...ssr2Copenhagen, documentDefaults: undefined, deadline: undefined },
    });
    expect(walkSections(blank).find((s) => s.section.id === 'timeline')?.section.blocks).toEqual([
      { kind: 'placeholder', text: PLACEHOLDER_TEXT },
    ]);
  });

  it('drops every drafting note and placeholder in one step', () => {
    const final = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT, drafting: 'omit' });
    const kinds = walkSections(final).flatMap((s) => s.section.blocks.map((b) => b.kind));
    expect(kinds).not.toContain('placeholder');
    expect(kinds).not.toContain('draftingNote');
    expect(final.front.map((b) => b.kind)).toEqual(['table']);
  });
});

describe('decisions', () => {
  it('lists in 3.1 only what is in scope, highest priority first, with votes and decisions beside the notes', () => {
    const area = find('area-ex1-a1');
    expect(noteBlocks(area).map((b) => [b.label, b.decision?.label, b.notes.map((n) => [n.id, n.votes])])).toEqual([
      [
        'Group: Root zone & DNSSEC',
        'In scope, priority high',
        [
          ['n01', 5],
          ['n02', 2],
        ],
      ],
      ['Ungrouped notes', undefined, [['n05', 0]]],
    ]);
    expect(noteBlocks(area)[1]?.notes[0]?.decision?.label).toBe('In scope, priority medium');
  });

  it('keeps every other idea in the appendix "Other ideas raised", marked with its decision', () => {
    const other = find('other-area-ex1-a1');
    const marked = noteBlocks(other).flatMap((b) => b.notes.map((n) => [n.id, n.decision?.label]));
    expect(marked).toEqual([
      ['n03', 'Out of scope'],
      ['n04', 'Parked'],
      ['n06', undefined],
      ['i01', 'Merged into \u201cDoes "DNS" mean DNS only, or all unique identifiers?\u201d'],
    ]);
    const inDocument = walkSections(document).flatMap((s) =>
      noteBlocks(s.section).flatMap((b) => b.notes.map((n) => n.id)),
    );
    expect(new Set(inDocument)).toEqual(new Set(document.records.notes.map((n) => n.id)));
    expect(inDocument).toHaveLength(document.records.notes.length);
  });

  it('shows the discussion: comments and replies with author and time, group comments, hand-offs', () => {
    const [crypto] = noteBlocks(find('area-ex1-a1'));
    expect(crypto?.comments).toEqual([
      { id: 'c3', authorName: 'Alice', time: '14:27', text: 'Keep both together under one question.', depth: 0 },
    ]);
    expect(crypto?.notes[0]?.comments.map((c) => [c.authorName, c.time, c.depth])).toEqual([
      ['Bob', '14:25', 0],
      ['Alice', '14:26', 1],
    ]);
    const handoffs = find('area-ex1-a1').blocks.find((b) => b.kind === 'handoffs');
    expect(handoffs?.kind === 'handoffs' && handoffs.handoffs.map((h) => [h.rotation, h.authorName, h.time])).toEqual([
      [1, 'Bob', '14:36'],
      [2, 'Alice', '14:51'],
    ]);
  });
});

describe('an area of a board without decisions', () => {
  const undecided = buildScopeDocument({ ...goldenBoard(), decisions: [] }, { exportedAt: EXPORTED_AT });
  const area = walkSections(undecided).find((s) => s.section.id === 'area-ex1-a1')?.section as ScopeSection;

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
    expect(observer?.notes).toEqual([
      expect.objectContaining({ id: 'n06', authorRole: 'observer', groupLabel: 'Unnamed group' }),
    ]);
    expect(imported?.notes).toEqual([expect.objectContaining({ id: 'i01', source: CONSULTATION })]);
  });

  it('orders notes by creation time then id, whatever the insertion order', () => {
    const doc = new Y.Doc();
    createBoard(doc, ssr2Copenhagen, { title: 'Order', createdAt: 0 });
    for (const [id, at] of [
      ['c', 5],
      ['b', 5],
      ['a', 9],
      ['z', 1],
    ] as const) {
      addNote(doc, { id, areaId: 'ex1-a2', text: id, author: alice, createdAt: at });
    }
    createGroup(doc, { id: 'g2', areaId: 'ex1-a2', label: 'Beta', noteIds: ['a'] });
    createGroup(doc, { id: 'g1', areaId: 'ex1-a2', label: 'Beta', noteIds: ['b'] });
    const section = walkSections(buildScopeDocument(readBoard(doc), { exportedAt: 0 })).find(
      (s) => s.section.id === 'area-ex1-a2',
    )?.section;
    expect(
      noteBlocks(section as ScopeSection).map((b) => [b.groupId ?? b.notesKind, b.notes.map((n) => n.id)]),
    ).toEqual([
      ['g1', ['b']],
      ['g2', ['a']],
      ['ungrouped', ['z', 'c']],
    ]);
  });

  it('counts imported and observer input in 4.3 Community consultations', () => {
    const texts = find('process-consultations').blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind));
    expect(texts).toContain(`${CONSULTATION}: 2 points, listed under each area as \u201cImported input\u201d.`);
    expect(texts).toContain('Observers: 2 points, listed under each area as \u201cObserver input\u201d.');
    expect(texts.at(-1)).toBe('placeholder');
  });
});

describe('session record', () => {
  it('gives each phase to the second: planned, paused, extended and worked time; the people (removed counted apart)', () => {
    const record = document.sessionRecord;
    expect(
      record.phases.map((p) => [p.phase, p.rotation, p.plannedMinutes, p.pausedMs, p.extendedMinutes, p.workedMs]),
    ).toEqual([
      ['post', null, 15, 12_000, 1, 16 * 60_000 - 5_000 - 12_000],
      ['group', null, 5, 0, 0, 5.5 * 60_000],
      ['rotate', 1, 15, 0, 0, 15 * 60_000],
      ['rotate', 2, 15, 0, 0, 15 * 60_000],
      ['post', null, 10, 0, 0, null],
    ]);
    expect(record).toMatchObject({
      participants: 3,
      observers: 1,
      facilitators: 1,
      removed: 1,
      comments: 4,
      handoffs: 2,
      exportedAt: EXPORTED_AT,
    });
    expect(record.notes).toEqual({ total: 29, room: 24, observer: 2, imported: 3 });
    const blocks = find('session-record').blocks;
    const [phases, events] = blocks.filter((b) => b.kind === 'table');
    expect(phases?.kind === 'table' && phases.rows[0]).toEqual([
      '1',
      'post',
      '2017-03-15 14:00:05 (13:00:05 UTC)',
      '14:16:00 (13:16:00 UTC)',
      '15:00',
      '0:12',
      '+1:00',
      '15:43',
    ]);
    expect(phases?.kind === 'table' && phases.rows[4]?.[3]).toBe('still running');
    expect(events?.kind === 'table' && events.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Setup', 'Exercise 1', ''],
      ['Paused', 'Exercise 1, post', ''],
      ['Resumed', 'Exercise 1, post', ''],
      ['Extended', 'Exercise 1, post', '+1 min'],
      ['Setup', 'Exercise 2', 'from rotate'],
    ]);
  });

  it('falls back to UTC, and says so, when the board has no time zone', () => {
    const board = goldenBoard();
    const utc = buildScopeDocument(
      { ...board, meta: board.meta && { ...board.meta, timeZone: undefined } } as typeof board,
      { exportedAt: EXPORTED_AT },
    );
    const blocks = walkSections(utc).find((s) => s.section.id === 'session-record')?.section.blocks ?? [];
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'Times are in UTC: the board has no time zone set.' });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]?.[2]).toBe('2017-03-15 13:00:05 UTC');
  });
});

describe('note rows', () => {
  it('has one row per note in exercise, station, time order, with group labels, each followed by its comments', () => {
    expect(document.noteRows).toHaveLength(document.records.notes.length + document.records.comments.length);
    expect(document.noteRows.slice(0, 4).map((r) => [r.kind, r.id, r.group, r.authorName])).toEqual([
      ['note', 'n01', 'Root zone & DNSSEC', 'Alice'],
      ['comment', 'c1', 'Root zone & DNSSEC', 'Bob'],
      ['comment', 'c2', 'Root zone & DNSSEC', 'Alice'],
      ['note', 'n02', 'Root zone & DNSSEC', 'Bob'],
    ]);
    expect(document.noteRows[0]).toMatchObject({
      stationNumber: 1,
      stationReference: 'Bylaws 4.6(c)(ii)(A)',
      votes: 5,
      comments: 2,
      decision: 'In scope',
      priority: 'High',
    });
    const imported = document.noteRows.find((r) => r.id === 'i01');
    expect(imported).toMatchObject({ source: CONSULTATION, authorRole: '', authorName: '', decision: 'Merged' });
    const anonymous = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT, authors: 'omit' });
    expect(anonymous.noteRows.every((r) => r.authorName === '')).toBe(true);
    expect(document.noteRows.at(-1)?.exercise).toBe('Exercise 2: how we will work together');
  });

  it('a board with observers only posting still keeps them out of the room groups', () => {
    const doc = new Y.Doc();
    createBoard(doc, ssr2Copenhagen, { title: 'Obs', createdAt: 0 });
    addNote(doc, { id: 'o1', areaId: 'ex1-a1', text: 'observer idea', author: olga, createdAt: 1 });
    addNote(doc, { id: 'r1', areaId: 'ex1-a1', text: 'room idea', author: bob, createdAt: 2 });
    createGroup(doc, { id: 'g', areaId: 'ex1-a1', label: 'Only observers', noteIds: ['o1'] });
    const section = walkSections(buildScopeDocument(readBoard(doc), { exportedAt: 0 })).find(
      (s) => s.section.id === 'area-ex1-a1',
    )?.section;
    expect(noteBlocks(section as ScopeSection).map((b) => [b.notesKind, b.notes.map((n) => n.id)])).toEqual([
      ['ungrouped', ['r1']],
      ['observer', ['o1']],
    ]);
  });
});
