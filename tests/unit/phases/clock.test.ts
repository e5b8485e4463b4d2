// The clock helpers: NTP-style offset, time left, countdown text and the once-per-deadline chime.
import { describe, expect, it } from 'vitest';
import { estimateClockOffset, formatCountdown, remainingMs, shouldChime } from '@shared/phases/clock.ts';

describe('estimateClockOffset', () => {
  it('takes the sample with the smallest round trip and assumes the server read the middle of it', () => {
    // Server clock 5000 ms ahead. The first sample's answer was delayed 300 ms on the way back (asymmetric);
    // the second had a clean 40 ms round trip.
    const samples = [
      { sentAt: 1000, serverNow: 6020, receivedAt: 1340 },
      { sentAt: 2000, serverNow: 7020, receivedAt: 2040 },
      { sentAt: 3000, serverNow: 8100, receivedAt: 3200 },
    ];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: 5000, rttMs: 40 });
    // Using the asymmetric sample alone would be off by 150 ms: the reason to prefer the shortest trip.
    expect(estimateClockOffset([samples[0]!]).offsetMs).toBe(4850);
  });

  it('handles a server behind the client', () => {
    expect(estimateClockOffset([{ sentAt: 10_000, serverNow: 7_510, receivedAt: 10_020 }])).toEqual({
      offsetMs: -2500,
      rttMs: 20,
    });
  });

  it('ignores samples with a negative round trip, and gives zero offset with none usable', () => {
    expect(
      estimateClockOffset([
        { sentAt: 100, serverNow: 5, receivedAt: 50 },
        { sentAt: 0, serverNow: 1010, receivedAt: 20 },
      ]),
    ).toEqual({ offsetMs: 1000, rttMs: 20 });
    expect(estimateClockOffset([])).toEqual({ offsetMs: 0, rttMs: Infinity });
  });
});

describe('remainingMs', () => {
  it.each([
    [{ endsAt: 10_000, pausedRemainingMs: null }, 4_000, 6_000],
    [{ endsAt: 10_000, pausedRemainingMs: null }, 12_000, -2_000],
    [{ endsAt: null, pausedRemainingMs: 7_000 }, 99_999, 7_000],
    [{ endsAt: null, pausedRemainingMs: null }, 0, null],
  ])('%j at %i -> %s', (session, now, expected) => {
    expect(remainingMs(session, now)).toBe(expected);
  });
});

describe('formatCountdown', () => {
  it.each([
    [15 * 60_000, '15:00'],
    [15 * 60_000 - 1, '15:00'],
    [15 * 60_000 - 1000, '14:59'],
    [61_000, '1:01'],
    [500, '0:01'],
    [0, '0:00'],
    [-999, '0:00'],
    [-5_000, '-0:05'],
    [-65_500, '-1:05'],
    [3_723_000, '1:02:03'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('shouldChime', () => {
  const deadline = 100_000;
  it.each([
    ['before the deadline', null, deadline, 99_999, 0, false],
    ['at the deadline, first time', null, deadline, 100_000, 0, true],
    ['after the deadline, first time', null, deadline, 103_000, 0, true],
    ['already chimed for this deadline', deadline, deadline, 103_000, 0, false],
    ['extended: a new deadline chimes again', deadline, deadline + 60_000, deadline + 60_000, 0, true],
    ['joined after time ran out', null, deadline, 103_000, 101_000, false],
    ['joined exactly at the deadline', null, deadline, 103_000, deadline, false],
    ['no clock (paused or setup)', null, null, 103_000, 0, false],
  ] as const)('%s', (_name, lastChimed, endsAt, now, joinedAt, expected) => {
    expect(shouldChime({ endsAt: lastChimed }, { endsAt }, now, joinedAt)).toBe(expected);
  });
});
