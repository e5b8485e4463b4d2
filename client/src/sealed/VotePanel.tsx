// Dot voting: during the vote each note gets a +/- control and the dots left show; after the reveal, the totals.
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import type { Session } from '@shared/model/Session.ts';
import type { Identity } from '../app/storage.ts';
import { dotsText, votersText, votesLeftText } from './sealedWords.ts';
import { useVotes } from './useVotes.ts';

export interface VotePanelProps {
  boardId: string;
  identity: Identity;
  session: Session;
  areas: readonly Area[];
  notes: readonly Note[];
}

function VoteControl({
  note,
  count,
  canAdd,
  isBusy,
  onSet,
}: {
  note: Note;
  count: number;
  canAdd: boolean;
  isBusy: boolean;
  onSet: (count: number) => void;
}) {
  return (
    <span className="vote-control" role="group" aria-label={`Votes for: ${note.text}`}>
      <button
        type="button"
        aria-label={`Take a vote off: ${note.text}`}
        disabled={isBusy || count === 0}
        onClick={() => onSet(count - 1)}
      >
        −
      </button>
      <output className="vote-count" aria-live="polite">
        {count}
      </output>
      <button
        type="button"
        aria-label={`Add a vote to: ${note.text}`}
        disabled={isBusy || !canAdd}
        onClick={() => onSet(count + 1)}
      >
        +
      </button>
    </span>
  );
}

export function VotePanel({ boardId, identity, session, areas, notes }: VotePanelProps) {
  const votes = useVotes(boardId, identity, session);
  const hasTotals = notes.some((note) => note.votes !== undefined);
  const isVoting = session.phase === 'vote' && !session.votesRevealed;
  if (!isVoting && !hasTotals) return null;
  const mine = votes.mine;
  const canVote = identity.role === 'participant' && isVoting && mine !== null;

  return (
    <section className="panel vote-panel" aria-labelledby="vote-heading">
      <h2 id="vote-heading">{isVoting ? 'Dot voting' : 'Votes'}</h2>
      {isVoting && (
        <p className="hint">Votes stay hidden until the facilitator reveals them. {votersText(session.votersCount)}</p>
      )}
      {canVote && (
        <p className="votes-left" aria-live="polite">
          <strong>{votesLeftText(mine.remaining, mine.votesPerPerson)}</strong>
        </p>
      )}
      {areas.map((area) => {
        const here = notes.filter((note) => note.areaId === area.id);
        if (here.length === 0) return null;
        const sorted = isVoting ? here : [...here].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
        return (
          <div key={area.id} className="vote-station">
            <h3 dir="auto">{area.title}</h3>
            <ul>
              {sorted.map((note) => (
                <li key={note.id} className="vote-note">
                  <span dir="auto">{note.text}</span>{' '}
                  {canVote ? (
                    <VoteControl
                      note={note}
                      count={mine.votes[note.id] ?? 0}
                      canAdd={mine.remaining > 0}
                      isBusy={votes.isBusy}
                      onSet={(count) => void votes.set(note.id, count)}
                    />
                  ) : (
                    !isVoting && <strong className="vote-total">{dotsText(note.votes ?? 0)}</strong>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {votes.error && (
        <p className="error" role="alert">
          {votes.error}
        </p>
      )}
    </section>
  );
}
