// Who joined: here or away, done ticks with "7 of 12 done", and "Remove" with a choice to block the device too.
import { useEffect, useRef, useState } from 'react';
import type { Participant } from '@shared/model/Participant.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { doneSummary } from './sessionWords.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface ParticipantsPanelProps {
  session: Session;
  /** Participants and observers who were not removed. */
  people: readonly Participant[];
  presentIds: ReadonlySet<string>;
  commands: CommandRunner;
}

export function ParticipantsPanel({ session, people, presentIds, commands }: ParticipantsPanelProps) {
  const done = new Set(session.done);
  const [asking, setAsking] = useState<string | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  // Counted: participants here now, and anyone who said they were done before stepping away.
  const counted = people
    .filter((p) => p.role === 'participant' && (presentIds.has(p.id) || done.has(p.id)))
    .map((p) => p.id);
  const cancel = (id: string) => {
    setAsking(null);
    removeButtons.current.get(id)?.focus();
  };
  const remove = async (person: Participant, block: boolean) => {
    setAsking(null);
    await commands.run({ type: 'removeParticipant', participantId: person.id, ...(block ? { block: true } : {}) });
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
                ref={(element) => {
                  if (element) removeButtons.current.set(person.id, element);
                  else removeButtons.current.delete(person.id);
                }}
                aria-label={`Remove ${person.name}`}
                aria-expanded={asking === person.id}
                disabled={commands.pending === 'removeParticipant'}
                onClick={() => setAsking((current) => (current === person.id ? null : person.id))}
              >
                Remove
              </button>
              {asking === person.id && (
                <RemoveQuestion
                  name={person.name}
                  onRemove={(block) => void remove(person, block)}
                  onCancel={() => cancel(person.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {commands.notice && <p className="banner banner-warning">{commands.notice}</p>}
        <ErrorMessage message={commands.error} />
      </div>
    </section>
  );
}

/** The plain-words choice between removing someone and removing them for good from this device. */
function RemoveQuestion(props: { name: string; onRemove: (block: boolean) => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="remove-question"
      role="group"
      aria-label={`Remove ${props.name}?`}
      onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
    >
      <p>
        <strong>
          Remove <bdi>{props.name}</bdi>?
        </strong>{' '}
        Their place on the board ends at once; their notes stay.
      </p>
      <ul className="hint">
        <li>
          <strong>Remove</strong>: they can join again from the link with a new name.
        </li>
        <li>
          <strong>Remove and block</strong>: this device cannot join this board again, even with a new name.
        </li>
      </ul>
      <div className="button-row">
        <button type="button" ref={first} onClick={() => props.onRemove(false)}>
          Remove
        </button>
        <button type="button" className="danger" onClick={() => props.onRemove(true)}>
          Remove and block
        </button>
        <button type="button" className="quiet-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
