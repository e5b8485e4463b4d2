// The "Here now" list: everyone connected to the board, with their role.
import { useId } from 'react';
import type { PeerUser } from './awarenessState.ts';

const ROLE_LABEL = { facilitator: 'facilitator', participant: 'participant', observer: 'observer' } as const;

export function PresenceList({ people, selfId }: { people: PeerUser[]; selfId: string }) {
  // The list shows in more than one place (side panel, People section, top bar): ids must not clash.
  const headingId = useId();
  return (
    <section className="panel presence" aria-labelledby={headingId}>
      <h2 id={headingId}>Here now ({people.length})</h2>
      <ul aria-labelledby={headingId} className="presence-list">
        {people.map((person) => (
          <li key={person.participantId} className={`person role-${person.role}`}>
            <span className="person-name" dir="auto">
              {person.name}
            </span>
            {person.participantId === selfId ? ' (you)' : ''}
            <span className="person-role"> · {ROLE_LABEL[person.role]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
