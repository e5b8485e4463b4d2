// Time formatting for exports: always UTC, never the machine's locale, so outputs are the same everywhere.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 in UTC with milliseconds: "2017-03-15T14:05:00.000Z" (for CSV and JSON). */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Readable UTC time to the minute: "2017-03-15 14:05 UTC". */
export function readableUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The UTC calendar date: "2017-03-15" (for file names). */
export function isoDate(ms: number): string {
  return isoUtc(ms).slice(0, 10);
}

/** A "YYYY-MM-DD" date as people write it: "30 March 2017"; anything else is returned as given. */
export function longDate(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDay;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** Minutes with at most one decimal, without a trailing ".0": 15, 15.5. */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}

/** Readable UTC time to the second: "2017-03-15 14:05:09 UTC". */
export function readableUtcSeconds(ms: number): string {
  return `${isoUtc(ms).slice(0, 10)} ${isoUtc(ms).slice(11, 19)} UTC`;
}

/** A duration to the second: "15:00", "1:02:03", "0:12". */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
