// "Who is here" in the top bar: the count, and the "Here now" list one click away.
import type { PeerUser } from './awarenessState.ts';
import { PresenceList } from './PresenceList.tsx';
import { Popover } from '../ui/Popover.tsx';

export function PresenceButton({ people, selfId }: { people: PeerUser[]; selfId: string }) {
  return (
    <Popover
      className="presence-button"
      label={`Who is here: ${people.length === 1 ? '1 person' : `${people.length} people`}`}
      button={
        <>
          <span aria-hidden="true">👥 </span>
          {people.length}
          <span className="presence-word"> here</span>
        </>
      }
    >
      <PresenceList people={people} selfId={selfId} />
    </Popover>
  );
}
