// Pure words for the facilitator: done counts (from doneWords.ts), the poll, minutes and clock times.
import type { MoreTimePoll, PollOutcome } from '@shared/model/Session.ts';

export { doneLine, doneSummary } from '../session/doneWords.ts';

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The last "need more time?" poll in words, or null when there was none in this phase. */
export function describeLastPoll(outcome: PollOutcome | null): string | null {
  if (!outcome) return null;
  const answers = outcome.yes + outcome.no;
  const asked =
    answers === 0
      ? 'Nobody answered the last "need more time?" poll'
      : `In the last "need more time?" poll, ${people(outcome.yes)} of ${answers} asked for more time`;
  return outcome.keptPhase
    ? `${asked}, so the phase was kept for you to decide: extend it or move on.`
    : `${asked}, so the room moved on.`;
}

/** The open poll in words for the facilitator. */
export function describeOpenPoll(poll: MoreTimePoll): string {
  return `Asking the room "need more time?": ${poll.yes.length} yes, ${poll.no.length} no so far.`;
}

/** Whole minutes for plans and run sheets: "15 min", "1 h 5 min"; below a minute, seconds. */
export function formatMinutes(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`;
}

/** A server epoch time as this device's wall clock shows it ("14:35"), given the offset to the server. */
export function formatClockTime(serverMs: number, offsetMs: number, locale?: string): string {
  return new Date(serverMs - offsetMs).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}
