// "Who is here" in the top bar: the count, and the "Here now" list one click away.
import type { PeerUser } from './awarenessState.ts';
import { PresenceList } from './PresenceList.tsx';
import { Popover } from '../ui/Popover.tsx';

export function PresenceButton({ people, selfId }: { people: PeerUser[]; selfId: string }) {
  // The name starts with what the button shows ("7 here"), so speech input users can say what they see.
  return (
    <Popover
      className="presence-button"
      button={
        <>
          <span aria-hidden="true">👥 </span>
          {people.length}
          <span className="presence-word"> here</span>
          <span className="sr-only">: who is here</span>
        </>
      }
    >
      <PresenceList people={people} selfId={selfId} />
    </Popover>
  );
}
