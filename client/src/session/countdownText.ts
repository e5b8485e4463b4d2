// Pure words for the countdown: what the big display says, and the calmer line screen readers hear once a minute.
import { formatCountdown } from '@shared/phases/clock.ts';

export interface CountdownState {
  /** "14:59", "-0:05"; null when no clock runs. */
  display: string | null;
  isPaused: boolean;
  /** Time has run out on a running (not paused) clock. */
  isTimeUp: boolean;
  /** Changes at most once a minute (and on pause, resume, time up), so an aria-live region is not chatty. */
  announcement: string;
}

function minutesWord(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * The countdown for `remaining` ms (from remainingMs: negative in overtime, null when no clock runs).
 * The announcement rounds up to whole minutes, so "3 minutes left" holds from 3:00 down to 2:01.
 */
export function countdownState(remaining: number | null, isPaused: boolean): CountdownState {
  if (remaining === null) return { display: null, isPaused: false, isTimeUp: false, announcement: '' };
  const display = formatCountdown(remaining);
  const minutesLeft = Math.ceil(Math.max(0, remaining) / 60_000);
  if (isPaused)
    return { display, isPaused, isTimeUp: false, announcement: `Clock paused with ${minutesWord(minutesLeft)} left.` };
  if (remaining <= 0) return { display, isPaused, isTimeUp: true, announcement: 'Time is up.' };
  return { display, isPaused, isTimeUp: false, announcement: `${minutesWord(minutesLeft)} left.` };
}
