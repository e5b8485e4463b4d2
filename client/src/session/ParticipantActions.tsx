// What a participant does about the clock: "I'm done" for this phase, and the "need more time?" poll when it is open.
import type { MoreTimePoll } from '@shared/model/Session.ts';
import type { CommandRunner } from './useCommand.ts';

export interface ParticipantActionsProps {
  participantId: string;
  isTimedPhase: boolean;
  done: readonly string[];
  /** The open poll, only while it is still taking answers. */
  poll: MoreTimePoll | null;
  commands: CommandRunner;
}

export function ParticipantActions({ participantId, isTimedPhase, done, poll, commands }: ParticipantActionsProps) {
  const isDone = done.includes(participantId);
  const answer = poll
    ? poll.yes.includes(participantId)
      ? 'yes'
      : poll.no.includes(participantId)
        ? 'no'
        : null
    : null;
  return (
    <div className="participant-actions">
      {poll && (
        <div className="more-time" role="group" aria-labelledby="more-time-question">
          <p id="more-time-question" className="more-time-question">
            Time is up. Does your team need more time?
          </p>
          <div className="button-row">
            <button
              type="button"
              aria-pressed={answer === 'yes'}
              disabled={commands.pending === 'answerMoreTime'}
              onClick={() => void commands.run({ type: 'answerMoreTime', needMoreTime: true })}
            >
              Yes, more time
            </button>
            <button
              type="button"
              aria-pressed={answer === 'no'}
              disabled={commands.pending === 'answerMoreTime'}
              onClick={() => void commands.run({ type: 'answerMoreTime', needMoreTime: false })}
            >
              No, move on
            </button>
          </div>
          {answer && (
            <p className="hint" role="status">
              You answered {answer === 'yes' ? '“more time”' : '“move on”'}; you can change your answer.
            </p>
          )}
        </div>
      )}
      {isTimedPhase && (
        <button
          type="button"
          className={`done-toggle${isDone ? ' is-done' : ''}`}
          aria-pressed={isDone}
          disabled={commands.pending === 'markDone'}
          onClick={() => void commands.run({ type: 'markDone', done: !isDone })}
        >
          {isDone ? '✓ ' : ''}I'm done
        </button>
      )}
      {commands.error && (
        <p className="error" role="alert">
          {commands.error}
        </p>
      )}
    </div>
  );
}
