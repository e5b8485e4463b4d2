// Room options: let observers post, auto-advance with its "need more time?" poll, and how the last poll went.
import type { Session } from '@shared/model/Session.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { Toggle } from '../ui/Toggle.tsx';
import { describeLastPoll, describeOpenPoll } from './sessionWords.ts';

export function OptionsPanel({ session, commands }: { session: Session; commands: CommandRunner }) {
  const isBusy = commands.pending !== null;
  const lastPoll = describeLastPoll(session.lastPoll);
  return (
    <section className="panel options-panel" aria-labelledby="options-heading">
      <h2 id="options-heading">Options</h2>
      <Toggle
        checked={session.observersMayPost}
        disabled={isBusy}
        onChange={(allowed) => void commands.run({ type: 'setObserversMayPost', allowed })}
      >
        Let observers post
      </Toggle>
      <Toggle
        checked={session.autoAdvance}
        disabled={isBusy}
        onChange={(enabled) => void commands.run({ type: 'setAutoAdvance', enabled })}
      >
        Auto-advance
      </Toggle>
      <p className="hint">
        With auto-advance, when time runs out the room is asked “need more time?” for 20 seconds; unless most say yes,
        the board moves on by itself.
      </p>
      <div aria-live="polite">
        {session.moreTimePoll && <p className="poll-state">{describeOpenPoll(session.moreTimePoll)}</p>}
        {lastPoll && <p className="poll-state">{lastPoll}</p>}
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
      </div>
    </section>
  );
}
