// The station hand-off on constructed boards and session logs: the window, what counts as new or renamed, the summary.
import { describe, expect, it } from 'vitest';
import type { Board } from '@shared/doc/readBoard.ts';
import { stationHandoff } from '@shared/discussion/handoff.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Handoff } from '@shared/model/Handoff.ts';
import type { Note } from '@shared/model/Note.ts';
import { EMPTY_SESSION, type PhaseRecord, type Session } from '@shared/model/Session.ts';

type HandoffBoard = Pick<Board, 'areas' | 'notes' | 'groups' | 'handoffs' | 'session'>;

const area = (id: string, order: number, exerciseId = 'ex1'): Area => ({
  id,
  exerciseId,
  title: id,
  description: '',
  order,
});
const note = (id: string, areaId: string, createdAt: number): Note => ({
  id,
  areaId,
  text: id,
  authorId: 'p',
  authorName: 'P',
  authorRole: 'participant',
  createdAt,
});
const group = (id: string, areaId: string, extra: Partial<Group> = {}): Group => ({ id, areaId, label: id, ...extra });
const handoff = (id: string, areaId: string, rotation: number, createdAt: number, exerciseId = 'ex1'): Handoff => ({
  id,
  areaId,
  exerciseId,
  rotation,
  text: `summary ${id}`,
  authorId: 'p',
  authorName: 'P',
  createdAt,
});
const record = (
  phase: PhaseRecord['phase'],
  startedAt: number,
  endedAt: number | null,
  rotation?: number,
  exerciseId = 'ex1',
): PhaseRecord => ({ exerciseId, phase, startedAt, endedAt, plannedMs: null, ...(rotation ? { rotation } : {}) });

const FIVE = ['s0', 's1', 's2', 's3', 's4'].map((id, i) => area(id, i));
/** post, group, rotation 1, rotation 2 (running) of ex1. */
const LOG = [
  record('post', 0, 1000),
  record('group', 1000, 2000),
  record('rotate', 2000, 3000, 1),
  record('rotate', 3000, null, 2),
];

function session(extra: Partial<Session>): Session {
  return { ...EMPTY_SESSION, exerciseId: 'ex1', phase: 'rotate', teams: [['a'], ['b'], ['c'], ['d'], ['e']], ...extra };
}

function board(extra: Partial<HandoffBoard>): HandoffBoard {
  return {
    areas: FIVE,
    notes: [],
    groups: [],
    handoffs: [],
    session: session({ rotation: 2, stationOffset: 2, log: LOG }),
    ...extra,
  };
}

describe('stationHandoff', () => {
  it("without an earlier visit, lists what changed since the previous team arrived, up to this team's arrival", () => {
    // Team 0 in rotation 2 is at station 2; team 1 was there in rotation 1 (from 2000), team 2 in the group phase.
    const result = stationHandoff(
      board({
        notes: [
          note('old', 's2', 1500),
          note('new', 's2', 2500),
          note('edge', 's2', 2000),
          note('mine', 's2', 3500),
          note('elsewhere', 's1', 2500),
        ],
        groups: [
          group('made', 's2', { createdAt: 2600 }),
          group('renamed', 's2', { createdAt: 500, labelUpdatedAt: 2700 }),
          group('renamed-before', 's2', { createdAt: 500, labelUpdatedAt: 1500 }),
          group('made-and-renamed', 's2', { createdAt: 2600, labelUpdatedAt: 2800 }),
          group('legacy', 's2'),
          group('other-station', 's1', { createdAt: 2600 }),
        ],
        handoffs: [
          handoff('earlier', 's2', 1, 2800),
          handoff('latest', 's2', 1, 2900),
          handoff('ours', 's2', 2, 3100),
          handoff('other-station', 's1', 1, 2950),
          handoff('other-exercise', 's2', 1, 2990, 'ex2'),
        ],
      }),
      0,
    );
    expect(result).toMatchObject({
      areaId: 's2',
      stationIndex: 2,
      rotation: 2,
      reference: 'previousTeam',
      since: 2000,
      arrivedAt: 3000,
    });
    expect(result?.newNotes.map((n) => n.id)).toEqual(['new']);
    expect(result?.newGroups.map((g) => g.id)).toEqual(['made', 'made-and-renamed']);
    expect(result?.renamedGroups.map((g) => g.id)).toEqual(['renamed']);
    expect(result?.summary?.id).toBe('latest');
  });

  it('after a full lap, lists what changed since the team left the station last time', () => {
    // Two stations: team 0 works at s0 in the group phase, s1 in rotation 1, and s0 again in rotation 2.
    const two = [area('s0', 0), area('s1', 1)];
    const log = [record('group', 1000, 1900), record('rotate', 2000, 3000, 1), record('rotate', 3000, null, 2)];
    const result = stationHandoff(
      {
        areas: two,
        notes: [note('while-here', 's0', 1800), note('after-leaving', 's0', 1950), note('next-team', 's0', 2500)],
        groups: [],
        handoffs: [handoff('from-team-1', 's0', 1, 2900)],
        session: session({ teams: [['a'], ['b']], rotation: 2, stationOffset: 0, log }),
      },
      0,
    );
    expect(result).toMatchObject({ areaId: 's0', reference: 'ownVisit', since: 1900, arrivedAt: 3000 });
    expect(result?.newNotes.map((n) => n.id)).toEqual(['after-leaving', 'next-team']);
    expect(result?.summary?.id).toBe('from-team-1');
  });

  it('in rotation 1 the window starts with the group phase, and a summary stamped rotation 0 is the previous one', () => {
    const log = LOG.slice(0, 3).map((r, i) => (i === 2 ? { ...r, endedAt: null } : r));
    const result = stationHandoff(
      board({
        session: session({ rotation: 1, stationOffset: 1, log }),
        notes: [note('grouping', 's1', 1500), note('posting', 's1', 500)],
        handoffs: [handoff('stray', 's1', 0, 1500)],
      }),
      0,
    );
    expect(result).toMatchObject({
      areaId: 's1',
      reference: 'previousTeam',
      since: 1000,
      arrivedAt: 2000,
      summary: { id: 'stray' },
    });
    expect(result?.newNotes.map((n) => n.id)).toEqual(['grouping']);
  });

  it('reads the latest run when an exercise was run twice', () => {
    const rerun = [
      ...LOG.map((r) => ({ ...r, endedAt: r.endedAt ?? 3500 })),
      record('setup', 3500, 4000),
      record('group', 4000, 5000),
      record('rotate', 5000, 6000, 1),
      record('rotate', 6000, null, 2),
    ];
    const result = stationHandoff(
      board({
        session: session({ rotation: 2, stationOffset: 2, log: rerun }),
        notes: [note('first-run', 's2', 2500), note('second-run', 's2', 5500)],
        handoffs: [handoff('first-run', 's2', 1, 2900), handoff('second-run', 's2', 1, 5900)],
      }),
      0,
    );
    expect(result).toMatchObject({ since: 5000, arrivedAt: 6000, summary: { id: 'second-run' } });
    expect(result?.newNotes.map((n) => n.id)).toEqual(['second-run']);
  });

  it('without a log it still shows the summary, and claims no changes', () => {
    const result = stationHandoff(
      board({
        session: session({ rotation: 2, stationOffset: 2, log: [] }),
        notes: [note('n', 's2', 2500)],
        handoffs: [handoff('h', 's2', 1, 10)],
      }),
      0,
    );
    expect(result).toMatchObject({
      since: null,
      arrivedAt: null,
      newNotes: [],
      newGroups: [],
      renamedGroups: [],
      summary: { id: 'h' },
    });
  });

  it.each([
    ['the group phase', { phase: 'group' as const, rotation: 0 }],
    ['the post phase', { phase: 'post' as const, rotation: 0 }],
    ['rotate with no exercise', { exerciseId: null }],
  ])('is undefined in %s', (_name, extra) => {
    expect(
      stationHandoff(board({ session: session({ rotation: 2, stationOffset: 2, log: LOG, ...extra }) }), 0),
    ).toBeUndefined();
  });

  it('is undefined when the exercise has no stations', () => {
    expect(stationHandoff(board({ areas: [] }), 0)).toBeUndefined();
  });

  it('follows the team: each team sees its own station', () => {
    const notes = FIVE.map((a, i) => note(`n-${a.id}`, a.id, 2100 + i));
    for (let team = 0; team < 5; team++) {
      const result = stationHandoff(board({ notes }), team);
      const station = (team + 2) % 5;
      expect(result?.areaId).toBe(`s${station}`);
      expect(result?.newNotes.map((n) => n.id)).toEqual([`n-s${station}`]);
    }
  });
});
