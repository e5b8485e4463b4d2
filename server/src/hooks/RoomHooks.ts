// Runs a list of room hooks in order: each kind of hook is gathered once, so the update path does no lookups.
import type { Commit, CommitFailure, PresenceOffer, Refusal, RoomHook, UpdateAttempt } from './RoomHook.ts';
import type { AwarenessEntry } from '../rooms/awarenessStamp.ts';

type Defined<K extends keyof RoomHook> = NonNullable<RoomHook[K]>;

function gather<K extends keyof RoomHook>(hooks: readonly RoomHook[], key: K): Defined<K>[] {
  return hooks.flatMap((hook) => {
    const method = hook[key];
    return typeof method === 'function' ? [(method as (...args: never[]) => unknown).bind(hook) as Defined<K>] : [];
  });
}

export class RoomHooks {
  private readonly beforeUpdate: Defined<'beforeUpdate'>[];
  private readonly onJudged: Defined<'onJudged'>[];
  private readonly onCommit: Defined<'onCommit'>[];
  private readonly onCommitFailed: Defined<'onCommitFailed'>[];
  private readonly afterLoad: Defined<'afterLoad'>[];
  private readonly onAwareness: Defined<'onAwareness'>[];

  constructor(readonly hooks: readonly RoomHook[]) {
    this.beforeUpdate = gather(hooks, 'beforeUpdate');
    this.onJudged = gather(hooks, 'onJudged');
    this.onCommit = gather(hooks, 'onCommit');
    this.onCommitFailed = gather(hooks, 'onCommitFailed');
    this.afterLoad = gather(hooks, 'afterLoad');
    this.onAwareness = gather(hooks, 'onAwareness');
  }

  /** The first refusal of the `beforeUpdate` hooks, in order; undefined when every one accepts. */
  judge(attempt: UpdateAttempt): Refusal | undefined {
    let refusal: Refusal | undefined;
    for (const hook of this.beforeUpdate) {
      refusal = hook(attempt);
      if (refusal) break;
    }
    for (const hook of this.onJudged) hook(attempt, refusal);
    return refusal;
  }

  /** Runs the `onCommit` hooks one after the other; the first throw stops them and rejects. */
  async committed(commit: Commit): Promise<void> {
    for (const hook of this.onCommit) await hook(commit);
  }

  /** Tells every hook about a failed commit; a hook that throws here does not stop the others. */
  commitFailed(failure: CommitFailure): void {
    for (const hook of this.onCommitFailed) {
      try {
        hook(failure);
      } catch {
        // The room is breaking anyway; one observer's fault must not hide the store's.
      }
    }
  }

  /** Tells every hook a board was loaded; one hook's fault does not keep the board from loading. */
  loaded(boardId: string): void {
    for (const hook of this.afterLoad) {
      try {
        hook({ boardId });
      } catch {
        // The board is served all the same.
      }
    }
  }

  /** Passes presence states through the `onAwareness` hooks in order. */
  awareness(offer: PresenceOffer): readonly AwarenessEntry[] {
    let entries = offer.entries;
    for (const hook of this.onAwareness) entries = hook({ ...offer, entries });
    return entries;
  }
}
