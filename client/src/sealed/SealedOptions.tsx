// The facilitator's switches for sealed input: private posting, dot voting with its allowance, and the reveal.
import { useId } from 'react';
import { VOTES_PER_PERSON_MAX, type Session } from '@shared/model/Session.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { Toggle } from '../ui/Toggle.tsx';
import { privateNotesText, votersText } from './sealedWords.ts';

export function SealedOptions({ session, commands }: { session: Session; commands: CommandRunner }) {
  const isBusy = commands.pending !== null;
  const votesId = useId();
  const sealedCount = Object.values(session.privateCounts).reduce((sum, n) => sum + n, 0);
  const isVote = session.phase === 'vote';
  return (
    <section className="panel sealed-options" aria-labelledby="sealed-options-heading">
      <h2 id="sealed-options-heading">Private posting and voting</h2>
      <Toggle
        checked={session.privatePosting}
        disabled={isBusy}
        onChange={(enabled) => void commands.run({ type: 'setPrivatePosting', enabled })}
      >
        Private posting
      </Toggle>
      <p className="hint">
        While posting, each person sees only their own notes; everyone sees a count per station. All notes appear at the
        group phase (or when you switch this off).{sealedCount > 0 ? ` Waiting: ${privateNotesText(sealedCount)}.` : ''}
      </p>
      <Toggle
        checked={session.votingEnabled}
        disabled={isBusy || isVote}
        onChange={(enabled) => void commands.run({ type: 'setVoting', enabled })}
      >
        Enable dot voting
      </Toggle>
      <div className="field">
        <label htmlFor={votesId}>Votes per person</label>
        <input
          id={votesId}
          type="number"
          min={1}
          max={VOTES_PER_PERSON_MAX}
          value={session.votesPerPerson}
          disabled={isBusy || isVote}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value >= 1 && value <= VOTES_PER_PERSON_MAX) {
              void commands.run({ type: 'setVoting', enabled: session.votingEnabled, votesPerPerson: value });
            }
          }}
        />
      </div>
      {session.votingEnabled && !isVote && session.phase !== 'closed' && (
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void commands.run({ type: 'startPhase', phase: 'vote' })}
        >
          Start the vote
        </button>
      )}
      {isVote && (
        <div aria-live="polite">
          <p className="poll-state">{votersText(session.votersCount)}</p>
          <button
            type="button"
            disabled={isBusy || session.votesRevealed}
            onClick={() => void commands.run({ type: 'revealVotes' })}
          >
            {session.votesRevealed ? 'Votes revealed' : 'Reveal votes'}
          </button>
        </div>
      )}
      {commands.error && (
        <p className="error" role="alert">
          {commands.error}
        </p>
      )}
    </section>
  );
}
