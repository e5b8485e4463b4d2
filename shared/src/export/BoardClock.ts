// Times in the board's time zone (IANA, via Intl, never the machine's zone), with UTC beside them.
import { longDate } from './formatTime.ts';

export interface BoardClock {
  /** "Europe/Copenhagen" or "UTC". */
  timeZone: string;
  /** True when the board set no zone and the document fell back to UTC. */
  isFallback: boolean;
  /** "YYYY-MM-DD" in the zone. */
  date(ms: number): string;
  /** "14:05:09" in the zone. */
  time(ms: number): string;
  /** "14:05" in the zone. */
  minute(ms: number): string;
  /** "15 March 2017" in the zone. */
  longDate(ms: number): string;
  /** "14:05:09 (13:05:09 UTC)", or just "13:05:09 UTC" when the zone is UTC. */
  timeWithUtc(ms: number): string;
}

function parts(format: Intl.DateTimeFormat, ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) out[part.type] = part.value;
  // Some engines write midnight as "24" with hourCycle h23 unset; normalise.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** A clock for `timeZone`; undefined (or "UTC") gives UTC, said so by `isFallback` when the board chose none. */
export function boardClock(timeZone: string | undefined): BoardClock {
  const zone = timeZone ?? 'UTC';
  const formatIn = (tz: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  const format = formatIn(zone);
  const utc = formatIn('UTC');
  const at = (f: Intl.DateTimeFormat, ms: number) => parts(f, ms);
  const clock: BoardClock = {
    timeZone: zone,
    isFallback: timeZone === undefined,
    date: (ms) => {
      const p = at(format, ms);
      return `${p.year}-${p.month}-${p.day}`;
    },
    time: (ms) => {
      const p = at(format, ms);
      return `${p.hour}:${p.minute}:${p.second}`;
    },
    minute: (ms) => {
      const p = at(format, ms);
      return `${p.hour}:${p.minute}`;
    },
    longDate: (ms) => longDate(clock.date(ms)),
    timeWithUtc: (ms) => {
      if (zone === 'UTC') return `${clock.time(ms)} UTC`;
      const u = at(utc, ms);
      return `${clock.time(ms)} (${u.hour}:${u.minute}:${u.second} UTC)`;
    },
  };
  return clock;
}
