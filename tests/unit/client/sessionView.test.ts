// What screens say about the session: the team's station per phase and offset, the rotation, the countdown's words.
import { describe, expect, it } from 'vitest';
import type { Area } from '@shared/model/Area.ts';
import { EMPTY_SESSION, type Session } from '@shared/model/Session.ts';
import { countdownState } from '../../../client/src/session/countdownText.ts';
import {
  describeTeamStation,
  phaseLine,
  rotationLabel,
  stationsOf,
  teamStation,
} from '../../../client/src/session/sessionView.ts';

const area = (id: string, order: number, exerciseId = 'ex1'): Area => ({
  id,
  exerciseId,
  title: `Area ${id}`,
  description: '',
  order,
});
const stations = [area('a', 0), area('b', 1), area('c', 2)];
const plan = { plan: { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 } };

function session(patch: Partial<Session>): Session {
  return { ...EMPTY_SESSION, exerciseId: 'ex1', teams: [['ana'], ['bo', 'cy'], []], ...patch };
}

describe('teamStation', () => {
  it.each([
    // phase, offset, who, expected station number (1-based) or undefined
    ['group', 0, 'ana', 1],
    ['group', 0, 'cy', 2],
    ['rotate', 1, 'ana', 2],
    ['rotate', 2, 'ana', 3],
    ['rotate', 2, 'bo', 1], // wraps around
    ['post', 0, 'ana', undefined], // no stations while posting alone
    ['setup', 0, 'ana', undefined],
    ['group', 0, 'zed', undefined], // in no team
  ] as const)('%s with offset %i: %s is at station %s', (phase, stationOffset, who, expected) => {
    const station = teamStation(who, session({ phase, stationOffset }), stations);
    expect(station?.stationNumber).toBe(expected);
    if (station) expect(station.area).toBe(stations[station.stationIndex]);
  });

  it('says nothing when the exercise has no stations', () => {
    expect(teamStation('ana', session({ phase: 'group' }), [])).toBeUndefined();
  });

  it('names the station in words', () => {
    const station = teamStation('cy', session({ phase: 'rotate', stationOffset: 1 }), stations)!;
    expect(describeTeamStation(station)).toBe('Your team: station 3, Area c');
  });
});

describe('stationsOf', () => {
  it('keeps only the exercise\u2019s stations, in order', () => {
    expect(stationsOf([...stations, area('x', 0, 'ex2')], 'ex1').map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(stationsOf(stations, undefined)).toEqual([]);
  });
});

describe('rotation words', () => {
  it.each([
    ['rotate', 1, 'rotation 1 of 2', 'Rotating, rotation 1 of 2'],
    ['rotate', 3, 'rotation 3 of 3', 'Rotating, rotation 3 of 3'], // beyond the plan, never "3 of 2"
    ['group', 0, null, 'Grouping'],
    ['post', 0, null, 'Posting'],
  ] as const)('%s rotation %i', (phase, rotation, label, line) => {
    expect(rotationLabel({ phase, rotation }, plan)).toBe(label);
    expect(phaseLine({ phase, rotation }, plan)).toBe(line);
  });
});

describe('countdownState', () => {
  it.each([
    [null, false, null, '', false],
    [14 * 60_000 + 59_500, false, '15:00', '15 minutes left.', false],
    [2 * 60_000 + 1, false, '2:01', '3 minutes left.', false],
    [60_000, false, '1:00', '1 minute left.', false],
    [0, false, '0:00', 'Time is up.', true],
    [-5_000, false, '-0:05', 'Time is up.', true],
    [90_000, true, '1:30', 'Clock paused with 2 minutes left.', false],
  ] as const)('%s ms (paused %s)', (remaining, isPaused, display, announcement, isTimeUp) => {
    const state = countdownState(remaining, isPaused);
    expect(state.display).toBe(display);
    expect(state.announcement).toBe(announcement);
    expect(state.isTimeUp).toBe(isTimeUp);
  });

  it('announces only when the minute changes, not every second', () => {
    const heard = new Set<string>();
    for (let ms = 5 * 60_000; ms > 0; ms -= 1000) heard.add(countdownState(ms, false).announcement);
    expect([...heard]).toEqual([
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
      '1 minute left.',
    ]);
  });
});
