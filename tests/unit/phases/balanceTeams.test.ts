// Rotation math: stations per team with wrap-around, team lookup, balanced teams and the small-room warning.
import { describe, expect, it } from 'vitest';
import { balanceTeams, stationsForRoom, stationsToLeaveOut } from '@shared/phases/balanceTeams.ts';
import { stationIndexForTeam, teamOf } from '@shared/phases/teamStations.ts';

describe('stationIndexForTeam', () => {
  it.each([
    [0, 0, 5, 0],
    [4, 0, 5, 4],
    [0, 1, 5, 1],
    [4, 1, 5, 0],
    [3, 2, 5, 0],
    [2, 7, 5, 4],
    [1, -1, 5, 0],
    [0, 3, 0, -1],
  ])('team %i, offset %i, %i stations -> %i', (team, offset, stations, expected) => {
    expect(stationIndexForTeam(team, offset, stations)).toBe(expected);
  });

  it('puts every team at a different station for any offset', () => {
    for (let offset = 0; offset < 12; offset++) {
      const stations = [0, 1, 2, 3, 4].map((team) => stationIndexForTeam(team, offset, 5));
      expect(new Set(stations).size).toBe(5);
    }
  });
});

describe('teamOf', () => {
  it.each([
    ['p-b', 0],
    ['p-c', 1],
    ['p-z', undefined],
  ])('%s -> %s', (id, expected) => {
    expect(teamOf(id, [['p-a', 'p-b'], ['p-c']])).toBe(expected);
  });
});

const people = (n: number) => Array.from({ length: n }, (_, i) => `p-${String(i).padStart(2, '0')}`);

describe('balanceTeams', () => {
  it.each([
    [15, 5, 3, [3, 3, 3, 3, 3], false],
    [17, 5, 3, [4, 4, 3, 3, 3], false],
    [16, 5, 3, [4, 3, 3, 3, 3], false],
    [14, 5, 3, [3, 3, 3, 3, 2], true],
    [7, 5, 3, [2, 2, 1, 1, 1], true],
    [0, 5, 3, [0, 0, 0, 0, 0], true],
    [4, 2, 2, [2, 2], false],
  ])('%i people, %i stations, min %i -> sizes %j (warning: %s)', (n, stations, min, sizes, warns) => {
    const result = balanceTeams(people(n), stations, min);
    expect(result.teams.map((t) => t.length)).toEqual(sizes);
    expect(result.teams.flat().sort()).toEqual(people(n));
    expect(result.warning !== undefined).toBe(warns);
  });

  it('says plainly what is wrong with a small room', () => {
    expect(balanceTeams(people(7), 5, 3).warning).toBe(
      '7 people for 5 stations makes teams of 1 to 2; the ground rules ask for at least 3 per team. ' +
        'Ask more people to join, lower the minimum team size or leave stations out (Teams, in the console).',
    );
  });

  it('is stable: the same people in any order give the same teams', () => {
    const ids = people(13);
    const shuffled = [...ids].reverse();
    expect(balanceTeams(shuffled, 5, 2)).toEqual(balanceTeams(ids, 5, 2));
  });

  it('counts a person once even when listed twice', () => {
    expect(balanceTeams(['p-a', 'p-a', 'p-b'], 2, 1).teams).toEqual([['p-a'], ['p-b']]);
  });

  it('has no teams without stations', () => {
    expect(balanceTeams(people(3), 0, 3)).toMatchObject({ teams: [], warning: expect.stringMatching(/no stations/) });
  });

  it.each([
    // people, stations, min team size -> stations the room fills
    [6, 5, 4, 1],
    [8, 5, 4, 2],
    [20, 5, 4, 5],
    [30, 5, 4, 5],
    [2, 5, 4, 1],
    [0, 5, 4, 1],
    [9, 0, 4, 0],
  ])('%i people at %i stations, min %i, fill %i stations', (n, stations, min, fit) => {
    expect(stationsForRoom(n, stations, min)).toBe(fit);
  });

  it('leaves out the last stations the room cannot fill, and none when it can or nobody is counted yet', () => {
    const stations = ['s1', 's2', 's3', 's4', 's5'];
    expect(stationsToLeaveOut(stations, 8, 4)).toEqual(['s3', 's4', 's5']);
    expect(stationsToLeaveOut(stations, 20, 4)).toEqual([]);
    expect(stationsToLeaveOut(stations, 0, 4)).toEqual([]);
  });
});
