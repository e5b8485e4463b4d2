// The "Here now" list: everyone connected to the board, with their role.
import type { PeerUser } from './awarenessState.ts';

const ROLE_LABEL = { facilitator: 'facilitator', participant: 'participant', observer: 'observer' } as const;

export function PresenceList({ people, selfId }: { people: PeerUser[]; selfId: string }) {
  return (
    <section className="panel presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Here now ({people.length})</h2>
      <ul aria-labelledby="presence-heading" className="presence-list">
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
