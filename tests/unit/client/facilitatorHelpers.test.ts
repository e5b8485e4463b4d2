// The console's pure helpers: moving people between teams, done counts, the poll in words, the station view.
import { describe, expect, it } from 'vitest';
import type { Area } from '@shared/model/Area.ts';
import { moveToTeam, teamLabel, unassigned } from '../../../client/src/facilitator/teamEditing.ts';
import {
  describeLastPoll,
  doneLine,
  doneSummary,
  formatMinutes,
} from '../../../client/src/facilitator/sessionWords.ts';
import { actionLabel } from '../../../client/src/facilitator/NextAction.tsx';
import { participantLink } from '../../../client/src/session/joinLink.ts';
import { focusView } from '../../../client/src/session/focusView.ts';
import { measureClockOffset } from '../../../client/src/session/serverClock.ts';

describe('moveToTeam', () => {
  const teams = [['ana', 'bo'], ['cy'], []];
  it.each([
    ['ana', 1, [['bo'], ['cy', 'ana'], []]],
    ['cy', 2, [['ana', 'bo'], [], ['cy']]],
    ['bo', null, [['ana'], ['cy'], []]],
    ['dan', 0, [['ana', 'bo', 'dan'], ['cy'], []]], // someone new joins a team
    ['ana', 4, [['bo'], ['cy'], [], [], ['ana']]], // a station slot beyond the list
  ] as const)('moves %s to %s', (who, target, expected) => {
    expect(moveToTeam(teams, who, target, 3)).toEqual(expected);
  });

  it('pads to one slot per station and leaves its input alone', () => {
    const input = [['ana']];
    expect(moveToTeam(input, 'bo', 0, 4)).toEqual([['ana', 'bo'], [], [], []]);
    expect(input).toEqual([['ana']]);
  });

  it('lists present people in no team', () => {
    expect(unassigned(teams, ['dan', 'ana', 'eve', 'cy'])).toEqual(['dan', 'eve']);
  });

  it('labels a team with the station it is at now', () => {
    const areas: Area[] = ['One', 'Two', 'Three'].map((title, order) => ({
      id: `a${order}`,
      exerciseId: 'ex',
      title,
      description: '',
      order,
    }));
    expect(teamLabel(0, 0, areas)).toBe('Team 1 · station 1, One');
    expect(teamLabel(2, 1, areas)).toBe('Team 3 · station 1, One');
    expect(teamLabel(3, 0, [])).toBe('Team 4');
  });
});

describe('words for the facilitator', () => {
  it('counts done people among those counted', () => {
    expect(doneSummary(['a', 'b', 'gone'], ['a', 'b', 'c', 'd'])).toBe('2 of 4 done');
    expect(doneSummary([], [])).toBe('0 of 0 done');
  });

  it('says how the last poll ended', () => {
    expect(describeLastPoll(null)).toBeNull();
    expect(describeLastPoll({ deadline: 1, decidedAt: 2, yes: 3, no: 1, keptPhase: true })).toBe(
      'In the last "need more time?" poll, 3 people of 4 asked for more time, so the phase was kept for you to decide: extend it or move on.',
    );
    expect(describeLastPoll({ deadline: 1, decidedAt: 2, yes: 0, no: 0, keptPhase: false })).toBe(
      'Nobody answered the last "need more time?" poll, so the room moved on.',
    );
  });

  it.each([
    [15 * 60_000, '15 min'],
    [65 * 60_000, '1 h 5 min'],
    [120 * 60_000, '2 h'],
    [42_000, '42 s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatMinutes(ms)).toBe(text);
  });

  it('builds the participant link from a renewed join code', () => {
    expect(participantLink('http://10.0.0.2:8080', 'b1', 'XYZ')).toBe('http://10.0.0.2:8080/b/b1#join=XYZ');
  });
});

describe('focusView', () => {
  it('fits the station width on a phone and puts its top at the top', () => {
    const view = focusView({ x: 688, y: 0, width: 320 }, 300);
    expect(view.scale).toBeCloseTo((300 - 32) / 320);
    // The station's centre lands in the stage's centre.
    expect(view.x + (688 + 160) * view.scale).toBeCloseTo(150);
    expect(view.y).toBe(16);
  });

  it('never enlarges past 1:1 on a wide screen, and shows a lower row from its top', () => {
    const view = focusView({ x: 0, y: 744, width: 320 }, 1200);
    expect(view.scale).toBe(1);
    expect(view.y).toBe(16 - 744);
  });
});

describe('measureClockOffset', () => {
  it('keeps the quickest round trip and skips failed samples', async () => {
    // This device is 5 s behind the server; round trips take 40, 10 (best) and a failure.
    let clientTime = 1_000;
    const trips = [40, 10, -1];
    let call = 0;
    const readServerTime = async () => {
      const trip = trips[call++]!;
      if (trip < 0) throw new Error('offline');
      clientTime += trip / 2;
      const server = clientTime + 5_000;
      clientTime += trip / 2;
      return server;
    };
    const offset = await measureClockOffset(readServerTime, () => clientTime, 3);
    expect(offset.offsetMs).toBe(5_000);
    expect(offset.rttMs).toBe(10);
  });

  it('falls back to no offset when every sample fails', async () => {
    const offset = await measureClockOffset(
      async () => Promise.reject(new Error('down')),
      () => 0,
      2,
    );
    expect(offset.offsetMs).toBe(0);
  });
});

describe('doneLine (the top bar)', () => {
  const people = [
    { id: 'ana', role: 'participant' as const },
    { id: 'bo', role: 'participant' as const },
    { id: 'cy', role: 'participant' as const },
    { id: 'dee', role: 'participant' as const, isRemoved: true as const },
    { id: 'obs', role: 'observer' as const },
  ];
  it('counts participants here or done, not observers or removed people, while a timed phase runs', () => {
    const here = new Set(['ana', 'bo', 'obs', 'dee']);
    expect(doneLine({ phase: 'post', done: ['ana', 'cy'] }, people, here)).toBe('2 of 3 done');
    expect(doneLine({ phase: 'group', done: [] }, people, here)).toBe('0 of 2 done');
    expect(doneLine({ phase: 'setup', done: [] }, people, here)).toBeNull();
    expect(doneLine({ phase: 'closed', done: ['ana'] }, people, here)).toBeNull();
  });
});

describe('actionLabel (the one next action)', () => {
  it.each([
    ['Start post', 'post', null, 'Start posting'],
    ['Next phase', 'next', 'Grouping', 'Start grouping'],
    ['Next phase', 'next', 'Rotating', 'Start rotating'],
    ['Next phase', 'next', 'the next exercise', 'Go to the next exercise'],
    ['Rotate teams', 'rotate-teams', null, 'Rotate teams'],
    ['Reopen board', 'reopen', null, 'Reopen board'],
  ] as const)('%s (%s, to %s) reads "%s"', (label, key, destination, expected) => {
    expect(actionLabel(label, key, destination)).toBe(expected);
  });
});
