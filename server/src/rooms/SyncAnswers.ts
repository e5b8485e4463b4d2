// The answer to a sync step 1 is what the asker lacks. A browser that joins with nothing yet (an empty state
// vector: most joins) lacks the whole doc, the same bytes for every such joiner: encoded once and shared, so a
// room that twenty people join at once encodes and holds its doc once, not twenty times. The doc keeps changing
// while people join (each newcomer's own record is a change), so the shared answer is the doc as it was when
// encoded plus the changes made since, merged into one update: encoding a 5,000-note doc costs tens of
// milliseconds of the whole server's time, merging a few small changes next to nothing.
import * as Y from 'yjs';
import { changedContent } from '@shared/doc/changedContent.ts';
import { encodeSyncStep2, encodeUpdate } from './messages.ts';

/** How long the whole-doc answer is kept after it was last used: long enough for a room's wave of joins. */
export const WHOLE_DOC_KEPT_MS = 10_000;

/**
 * How many bytes of changes may ride on the shared whole doc before it is encoded afresh: an eighth of its size,
 * and at least 64 KiB. Past that a fresh encoding is worth its cost in the bytes every joiner is spared.
 */
export const changesKeptFor = (wholeDocBytes: number) => Math.max(64 * 1024, wholeDocBytes / 8);

/** The state vector of a doc that holds nothing: no clients. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;

interface Shared {
  /** The sync step 2 frame of the whole doc, as it was when encoded. */
  wholeDoc: Uint8Array;
  /** Every update applied to the doc since, in order. */
  changes: Uint8Array[];
  changedBytes: number;
  /** The changes merged into one update frame, once a joiner needs them (until the next change). */
  changesFrame: Uint8Array | undefined;
}

/**
 * An encoding of the whole doc made for another reason (a load's stored snapshot and log, a compaction), held for
 * a joiner who may come. Nothing listens for changes meanwhile: Yjs would encode every transaction for an 'update'
 * listener, and compactions come often on a busy board. The first joiner gets what changed since as one diff.
 */
interface Held {
  update: Uint8Array;
  changes: readonly Uint8Array[];
  /** The doc's state vector when held; with `isChanged`, what the diff for the first joiner starts from. */
  stateVector: Uint8Array;
  /** Whether a transaction has changed the doc since (a deletion leaves the state vector as it was). */
  isChanged: boolean;
}

export class SyncAnswers {
  private shared: Shared | undefined;
  private held: Held | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private readonly forget = () => {
    clearTimeout(this.expiry);
    this.expiry = undefined;
    if (this.shared) this.doc.off('update', this.onUpdate);
    this.shared = undefined;
    this.release();
  };
  private readonly onUpdate = (update: Uint8Array) => {
    const { shared } = this;
    if (!shared) return;
    shared.changes.push(update);
    shared.changedBytes += update.length;
    shared.changesFrame = undefined;
    if (shared.changedBytes > changesKeptFor(shared.wholeDoc.length)) this.forget();
  };
  /** One flag set, nothing encoded: the held answer only needs to know whether a diff is due. */
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (!this.held || !changedContent(transaction)) return;
    this.held.isChanged = true;
    this.doc.off('afterTransaction', this.onTransaction);
  };

  /**
   * Listens for updates only while an answer is shared with joiners: Yjs encodes every transaction for an
   * 'update' listener, loading a board (one transaction holding the whole doc) included.
   */
  constructor(private readonly doc: Y.Doc) {}

  /**
   * Holds `wholeDoc`, an update holding the whole doc as it was before `changes` (a board's stored snapshot and
   * the log after it, just loaded; or a compaction's fresh encoding), as the next answer: the joiner whose arrival
   * loaded the board, or the next one after a compaction, is not kept waiting while the doc is encoded again.
   * The doc must be exactly `wholeDoc` with `changes` applied. Kept 10 s, as if a joiner had just been answered.
   */
  adopt(wholeDoc: Uint8Array, changes: readonly Uint8Array[] = []): void {
    this.forget();
    if (bytesOf(changes) > changesKeptFor(wholeDoc.length)) return;
    this.held = { update: wholeDoc, changes, stateVector: Y.encodeStateVector(this.doc), isChanged: false };
    this.doc.on('afterTransaction', this.onTransaction);
    this.keep();
  }

  /**
   * The frames to send, in order, to a peer whose doc is at `stateVector`. For an empty doc that is the changes
   * since the shared whole doc was encoded (if any), then the whole doc: Yjs holds changes whose parents it lacks
   * until they arrive, so the joiner has everything once the sync step 2 (which marks it synced) is applied.
   */
  answer(stateVector: Uint8Array): Uint8Array[] {
    if (!isEmptyStateVector(stateVector)) return [encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))];
    const shared = this.shared ??
      this.fromHeld() ?? {
        wholeDoc: encodeSyncStep2(Y.encodeStateAsUpdate(this.doc)),
        changes: [],
        changedBytes: 0,
        changesFrame: undefined,
      };
    this.share(shared);
    if (shared.changes.length === 0) return [shared.wholeDoc];
    shared.changesFrame ??= encodeUpdate(
      shared.changes.length === 1 ? shared.changes[0]! : Y.mergeUpdates(shared.changes),
    );
    return [shared.changesFrame, shared.wholeDoc];
  }

  destroy(): void {
    this.forget();
  }

  /**
   * The held encoding as a shared answer: what changed since it was held is one diff from its state vector (new
   * structs, and the doc's delete set, which covers deletions). Undefined when nothing is held, or when the
   * changes have outgrown their share of it.
   */
  private fromHeld(): Shared | undefined {
    const { held } = this;
    if (!held) return undefined;
    this.release();
    const since = held.isChanged ? [Y.encodeStateAsUpdate(this.doc, held.stateVector)] : [];
    const changes = [...held.changes, ...since];
    const changedBytes = bytesOf(changes);
    if (changedBytes > changesKeptFor(held.update.length)) return undefined;
    return { wholeDoc: encodeSyncStep2(held.update), changes, changedBytes, changesFrame: undefined };
  }

  private release(): void {
    if (this.held) this.doc.off('afterTransaction', this.onTransaction);
    this.held = undefined;
  }

  /** Keeps `shared` (listening for changes to ride on it) until WHOLE_DOC_KEPT_MS pass without a joiner. */
  private share(shared: Shared): void {
    if (!this.shared) this.doc.on('update', this.onUpdate);
    this.shared = shared;
    this.keep();
  }

  private keep(): void {
    clearTimeout(this.expiry);
    this.expiry = setTimeout(this.forget, WHOLE_DOC_KEPT_MS);
    this.expiry.unref?.();
  }
}

const bytesOf = (updates: readonly Uint8Array[]) => updates.reduce((sum, update) => sum + update.length, 0);
