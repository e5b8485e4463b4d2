// Who joined: here or away, done ticks with "7 of 12 done", and "Remove" (after a confirm) for each person.
import type { Participant } from '@shared/model/Participant.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { doneSummary } from './sessionWords.ts';

export interface ParticipantsPanelProps {
  session: Session;
  /** Participants and observers who were not removed. */
  people: readonly Participant[];
  presentIds: ReadonlySet<string>;
  commands: CommandRunner;
  /** Asks before removing; window.confirm in the browser. */
  confirm: (question: string) => boolean;
}

export function ParticipantsPanel({ session, people, presentIds, commands, confirm }: ParticipantsPanelProps) {
  const done = new Set(session.done);
  // Counted: participants here now, and anyone who said they were done before stepping away.
  const counted = people
    .filter((p) => p.role === 'participant' && (presentIds.has(p.id) || done.has(p.id)))
    .map((p) => p.id);
  const remove = (person: Participant) => {
    if (!confirm(`Remove ${person.name} from this board? Their link stops working; their notes stay.`)) return;
    void commands.run({ type: 'removeParticipant', participantId: person.id });
  };
  return (
    <section className="panel participants-panel" aria-labelledby="participants-heading">
      <h2 id="participants-heading">People</h2>
      {isTimedPhase(session.phase) && (
        <p className="done-summary" aria-live="polite">
          {doneSummary(session.done, counted)}
        </p>
      )}
      {people.length === 0 ? (
        <p className="hint">Nobody has joined yet.</p>
      ) : (
        <ul className="people-list" aria-labelledby="participants-heading">
          {people.map((person) => (
            <li key={person.id} className="people-row">
              <span className="done-mark" aria-hidden="true">
                {done.has(person.id) ? '✓' : ''}
              </span>
              <span className="person-name" dir="auto">
                {person.name}
              </span>
              <span className="person-role">
                {' '}
                · {person.role}
                {presentIds.has(person.id) ? '' : ', away'}
                {done.has(person.id) ? ', done' : ''}
              </span>
              <button
                type="button"
                className="quiet-button"
                aria-label={`Remove ${person.name}`}
                disabled={commands.pending === 'removeParticipant'}
                onClick={() => remove(person)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
      </div>
    </section>
  );
}
