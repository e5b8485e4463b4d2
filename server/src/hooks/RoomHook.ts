// The typed hooks a room runs, in the order the app lists them (as Hocuspocus runs its extensions' hooks).
import type * as Y from 'yjs';
import type { Actor } from '@shared/rules/Change.ts';
import type { AwarenessEntry } from '../rooms/awarenessStamp.ts';

/** A client's update, before the room applies it. */
export interface UpdateAttempt {
  readonly boardId: string;
  /** The room's doc as it is before the update (every earlier change committed). */
  readonly doc: Y.Doc;
  readonly update: Uint8Array;
  readonly actor: Actor;
  /** Bytes the board holds in the store now (snapshot and log). */
  readonly storedBytes: number;
}

/** Why an update is refused: the connection closes with `code` and `reason`. */
export interface Refusal {
  readonly code: number;
  /** In words for the person whose change was refused (cut to the websocket's 123 bytes when sent). */
  readonly reason: string;
  /** A short stable label for logs and metrics: 'guard', 'board_full'. */
  readonly label: string;
}

/** A batch the store has just made durable; nobody has seen it yet. */
export interface Commit {
  readonly boardId: string;
  /** The batch's updates as the doc emitted them (the store keeps them joined, as one log entry). */
  readonly updates: readonly Uint8Array[];
  /** Log entries after the board's snapshot, now. */
  readonly logLength: number;
  /**
   * Bytes of those entries, and of the snapshot (0 without one), for the compaction cadence. Optional only so
   * that a room which does not track them still works: compaction then falls back to every COMPACT_EVERY entries.
   */
  readonly logBytes?: number;
  readonly snapshotBytes?: number;
  readonly lastSeq: number;
  /** Time the store took to make the batch durable. */
  readonly seconds: number;
  /**
   * Asks the room to fold the board's log into one snapshot once this batch is broadcast, still inside the
   * room's queue (so the doc is exactly what is stored). A compaction is housekeeping: it must not delay the
   * batch's fan-out. If it fails the room closes the board, as for a failed append.
   */
  requestCompaction(): void;
}

/** The store refused a batch: the room is broken right after these hooks run. */
export interface CommitFailure {
  readonly boardId: string;
  readonly updates: readonly Uint8Array[];
  readonly seconds: number;
  readonly error: unknown;
}

/** Presence states a connection sent, already decoded and limited to its own client ids. */
export interface PresenceOffer {
  readonly boardId: string;
  readonly actor: Actor;
  readonly entries: readonly AwarenessEntry[];
}

/** One concern of the room's core. Every method is optional; the app's list gives the order they run in. */
export interface RoomHook {
  /** For logs and tests. */
  readonly name: string;
  /**
   * Judges a client's update before it is applied. The first refusal wins and the hooks after it do not run.
   * Synchronous on purpose: it runs for every update inside the room's queue.
   */
  beforeUpdate?(attempt: UpdateAttempt): Refusal | undefined;
  /** Told the verdict once every `beforeUpdate` has spoken (undefined: accepted). */
  onJudged?(attempt: UpdateAttempt, refusal: Refusal | undefined): void;
  /**
   * Runs after the batch is stored and before it is broadcast, one hook after the other; a throw breaks the room.
   * Whatever a hook awaits here delays the batch's fan-out: slow follow-up work (compaction) is requested instead.
   */
  onCommit?(commit: Commit): void | Promise<void>;
  onCommitFailed?(failure: CommitFailure): void;
  /** A board was loaded into memory (at first use, and again after it was unloaded or reloaded). */
  afterLoad?(loaded: { readonly boardId: string }): void;
  /**
   * Rewrites or filters presence states before they are applied and fanned out; each hook sees the last one's.
   * A renewal (a newer clock for the same state bytes from the same connection) is not offered again: the room
   * keeps what the hooks made of that state, so their result must depend only on the offer.
   */
  onAwareness?(offer: PresenceOffer): readonly AwarenessEntry[];
}
