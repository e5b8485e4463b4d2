// The projector's words and team lines: only teams with people, the done count, the poll for the room, the connection.
import { describe, expect, it } from 'vitest';
import {
  connectionLine,
  doneCounts,
  openPollLine,
  pollOutcomeLine,
  teamLines,
} from '../../../client/src/projector/projectorWords.ts';

const stations = [{ title: 'Security' }, { title: 'Contingency' }, { title: 'Processes' }];
const participants = [
  { id: 'p1', name: 'محمد', role: 'participant' as const },
  { id: 'p2', name: 'Ana', role: 'participant' as const },
  { id: 'p3', name: 'Bo', role: 'participant' as const },
  { id: 'o1', name: 'Olu', role: 'observer' as const },
  { id: 'r1', name: 'Rem', role: 'participant' as const, isRemoved: true as const },
];

describe('teamLines', () => {
  it.each([
    ['post', [['p1']], 0, []],
    [
      'group',
      [['p1', 'p2'], ['p3']],
      0,
      [
        { teamNumber: 1, stationNumber: 1, stationTitle: 'Security', members: ['محمد', 'Ana'] },
        { teamNumber: 2, stationNumber: 2, stationTitle: 'Contingency', members: ['Bo'] },
      ],
    ],
    // Rotated once: team 1 is at station 2, team 2 at station 3.
    [
      'rotate',
      [['p1'], ['p2', 'p3']],
      1,
      [
        { teamNumber: 1, stationNumber: 2, stationTitle: 'Contingency', members: ['محمد'] },
        { teamNumber: 2, stationNumber: 3, stationTitle: 'Processes', members: ['Ana', 'Bo'] },
      ],
    ],
    // The server pads teams to one per station; a team of removed people has no names left: both are left out.
    [
      'group',
      [['p1'], [], ['gone']],
      0,
      [{ teamNumber: 1, stationNumber: 1, stationTitle: 'Security', members: ['محمد'] }],
    ],
    ['group', [[], ['p2']], 0, [{ teamNumber: 2, stationNumber: 2, stationTitle: 'Contingency', members: ['Ana'] }]],
  ] as const)('%s %j offset %i', (phase, teams, stationOffset, expected) => {
    const session = { phase, teams: teams.map((t) => [...t]), stationOffset };
    expect(teamLines(session, stations, participants)).toEqual(expected);
  });

  it('lists nothing when the exercise has no stations', () => {
    expect(teamLines({ phase: 'group', teams: [['p1']], stationOffset: 0 }, [], participants)).toEqual([]);
  });
});

describe('doneCounts', () => {
  it.each([
    // Counted: participants here now, and those who said they were done before leaving; never observers.
    [[], ['p1', 'p2', 'o1'], { done: 0, of: 2 }],
    [['p3'], ['p1', 'p2'], { done: 1, of: 3 }],
    [['p1', 'o1'], ['p1', 'o1'], { done: 1, of: 1 }],
    // A removed person counts no more, even if the done list still names them.
    [['r1'], ['r1', 'p2'], { done: 0, of: 1 }],
    [[], [], { done: 0, of: 0 }],
  ])('done %j, here %j', (done, here, expected) => {
    expect(doneCounts(done, participants, new Set(here))).toEqual(expected);
  });
});

describe('the poll for the room', () => {
  const poll = { endsAt: 20_000, yes: ['p1', 'p2'], no: ['p3'] };
  it.each([
    [null, 0, null],
    [poll, 20_000, null],
    [poll, 25_000, null],
    [poll, 0, { question: 'Need more time? Answer on your screen (20 s)', tally: '2 yes · 1 no' }],
    [poll, 19_500, { question: 'Need more time? Answer on your screen (1 s)', tally: '2 yes · 1 no' }],
  ])('open %j at %i', (open, now, expected) => {
    expect(openPollLine(open, now)).toEqual(expected);
  });

  const outcome = (yes: number, no: number, keptPhase: boolean) => ({ deadline: 1, yes, no, keptPhase, decidedAt: 2 });
  it.each([
    [null, null],
    [outcome(0, 0, false), 'Nobody answered "need more time?", so we moved on.'],
    [outcome(3, 1, true), '3 people of 4 asked for more time: the facilitator decides what comes next.'],
    [outcome(1, 3, false), '1 person of 4 asked for more time, so we moved on.'],
  ])('outcome %j', (last, expected) => {
    expect(pollOutcomeLine(last)).toBe(expected);
  });
});

describe('connectionLine', () => {
  it.each([
    ['connected', true, null],
    ['connecting', false, 'Connecting…'],
    // Retrying after a drop alternates offline and connecting: both read the same.
    ['connecting', true, 'Reconnecting…'],
    ['offline', true, 'Reconnecting…'],
    ['offline', false, 'Reconnecting…'],
    ['stopped', true, 'Disconnected'],
  ] as const)('%s (synced %s)', (status, isSynced, title) => {
    expect(connectionLine(status, isSynced)?.title ?? null).toBe(title);
  });
});
