// The big countdown: time left from the server clock, paused and overtime states, and a calm minute-by-minute announcement.
import { countdownState } from './countdownText.ts';

export interface CountdownProps {
  /** From remainingMs(session, serverNow): negative in overtime, null when no clock runs. */
  remaining: number | null;
  isPaused: boolean;
}

export function Countdown({ remaining, isPaused }: CountdownProps) {
  const state = countdownState(remaining, isPaused);
  const tone = state.isPaused ? 'paused' : state.isTimeUp ? 'over' : 'running';
  return (
    <div className={`countdown countdown-${state.display === null ? 'idle' : tone}`}>
      {/* role=timer is not announced on every tick; the polite line below speaks once a minute. */}
      <div className="countdown-time" role="timer" aria-label="Time left" aria-live="off">
        {state.display ?? '–:––'}
      </div>
      {state.isPaused && <p className="countdown-badge">Paused</p>}
      {state.isTimeUp && (
        <p className="countdown-badge time-up">
          Time is up{remaining !== null && remaining < -999 ? ' · over time' : ''}
        </p>
      )}
      {state.display === null && <p className="countdown-badge idle">No clock running</p>}
      <p className="sr-only" aria-live="polite">
        {state.announcement}
      </p>
    </div>
  );
}
