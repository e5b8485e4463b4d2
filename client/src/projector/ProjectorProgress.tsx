// The room's progress under the projector's countdown: "7 of 12 done", and the "need more time?" poll or how it ended.
import type { MoreTimePoll, PollOutcome } from '@shared/model/Session.ts';
import { openPollLine, pollOutcomeLine } from './projectorWords.ts';

export interface ProjectorProgressProps {
  /** Shown in timed phases only (null otherwise): the done marks of the people counted. */
  done: { done: number; of: number } | null;
  poll: MoreTimePoll | null;
  lastPoll: PollOutcome | null;
  now: number;
}

export function ProjectorProgress({ done, poll, lastPoll, now }: ProjectorProgressProps) {
  const open = openPollLine(poll, now);
  const outcome = open ? null : pollOutcomeLine(lastPoll);
  return (
    <div className="projector-progress">
      {done && done.of > 0 && (
        <p className="projector-done">
          <span className="projector-done-count">
            {done.done} of {done.of}
          </span>{' '}
          done
        </p>
      )}
      {/* Polite: the room's screen readers (and the test) hear the poll open and close, not every second. */}
      <div aria-live="polite">
        {open && (
          <p className="projector-poll" data-state="open">
            <span className="projector-poll-question">{open.question}</span>{' '}
            <span className="projector-poll-tally">{open.tally}</span>
          </p>
        )}
        {outcome && (
          <p className="projector-poll" data-state="decided">
            {outcome}
          </p>
        )}
      </div>
    </div>
  );
}
