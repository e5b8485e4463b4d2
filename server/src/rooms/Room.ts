// One board in memory: its Y.Doc and awareness, its peers, and the serial queue that guards, commits, then broadcasts.
import * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { Logger } from '../log.ts';
import { applyStoredDoc } from '../storage/loadDocFrom.ts';
import type { Actor } from '@shared/rules/Change.ts';
import type { RoomHooks } from '../hooks/RoomHooks.ts';
import { isBoardFull } from '../hooks/boardSizeLimit.ts';
import { isNewRun } from '../guard/fastPathRun.ts';
import { decodeMessage, encodeSyncStep1, MESSAGE_AWARENESS, type IncomingMessage } from './messages.ts';
import { joinBatch, type BatchEntry } from './broadcastBatch.ts';
import { CLOSE, closeReason, type Peer } from './Peer.ts';
import { SerialQueue } from './SerialQueue.ts';
import { boardFull } from '../boards/errors.ts';
import { RoomPresence } from './RoomPresence.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import { batchChannel, type BatchTiming } from './batchTiming.ts';
import type { RoomStore } from './RoomStore.ts';
import { trimAddedContent } from './trimContent.ts';

export interface RoomDeps {
  store: RoomStore;
  limits: Limits;
  /** The concerns around the core (limits, guard, compaction, presence, metrics), in the order they run. */
  hooks: RoomHooks;
  log: Logger;
}

const SERVER_ORIGIN = 'server';

/** What receive returns for a frame handled on arrival: one settled promise, not one per frame. */
const DONE: Promise<void> = Promise.resolve();

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  private readonly presence: RoomPresence;
  private readonly syncAnswers: SyncAnswers;
  private readonly peers = new Set<Peer>();
  private readonly queue = new SerialQueue();
  /** Applied to the doc, not stored yet: committed together once no message waits behind them. */
  private pending: BatchEntry[] = [];
  private pendingBytes = 0;
  private storedBytes = 0;
  /** Of `storedBytes`, the snapshot's (the rest is the log after it), for the compaction cadence. */
  private snapshotBytes = 0;
  private lastSeq = 0;
  /** When the first client update of the pending batch arrived (only timed while `batchChannel` has subscribers). */
  private batchSince: number | undefined;
  /** Set when the store failed: the room stops serving rather than show unsaved state. */
  isBroken = false;

  private constructor(
    readonly boardId: string,
    private readonly deps: RoomDeps,
  ) {
    this.presence = new RoomPresence(this.doc, { boardId, limits: deps.limits, hooks: deps.hooks });
    this.syncAnswers = new SyncAnswers(this.doc);
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterTransaction', trimAddedContent);
  }

  /** What the doc emits (Yjs encodes each transaction for it): the server's own changes, and client updates that
   * are not one run of new structs. */
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.pending.push({ update, origin });
    this.pendingBytes += update.length;
  };

  /** Loads a board's doc from the store; the room serves nobody before this resolves. */
  static async load(boardId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    const stored = await deps.store.loadDoc(boardId);
    // What loading applies is stored already: with no 'update' listener, Yjs does not encode the whole doc again.
    room.doc.off('update', room.onUpdate);
    applyStoredDoc(room.doc, stored);
    room.doc.on('update', room.onUpdate);
    room.lastSeq = stored.lastSeq;
    room.snapshotBytes = stored.snapshot?.length ?? 0;
    room.storedBytes = room.snapshotBytes + stored.updates.reduce((sum, u) => sum + u.length, 0);
    return room;
  }

  /** The board has reached its size limit: further writes, from clients or the server, are refused. */
  get isFull(): boolean {
    return isBoardFull(this.storedBytes, this.deps.limits.maxBoardBytes);
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Peers currently connected, for presence-based decisions such as team balancing. */
  connectedActors(): Actor[] {
    return [...this.peers.keys()].map((peer) => peer.actor);
  }

  /**
   * Runs tasks one at a time. Client messages that queue up behind each other are guarded and applied one by one
   * and committed together (one store transaction, one frame per peer) by the last of them; any other task
   * (a sync answer, a server change, a read) first commits what is pending. So nothing is sent, answered or read
   * from outside before it is stored.
   */
  private enqueue<T>(task: () => T | Promise<T>, options: { isClientMessage?: boolean } = {}): Promise<T> {
    return this.queue.run(async () => {
      if (this.isBroken) throw new Error('room is not available');
      if (!options.isClientMessage && this.pending.length > 0) await this.flush();
      try {
        return await task();
      } finally {
        // `size` counts this task: 1 means nothing is queued behind it, so the batch ends here.
        if (this.queue.size <= 1 && this.pending.length > 0 && !this.isBroken) await this.flush();
      }
    });
  }

  /** Resolves once everything queued so far has been processed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  attach(peer: Peer): Promise<void> {
    this.peers.add(peer);
    this.presence.join(peer);
    return this.enqueue(() => {
      peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      if (this.presence.stateCount > 0) peer.send(this.presence.statesFrame());
    }).catch(() => peer.close(CLOSE.serverError, 'The board is not available right now.'));
  }

  detach(peer: Peer): void {
    this.peers.delete(peer);
    this.presence.leave(peer);
  }

  receive(peer: Peer, data: Uint8Array): Promise<void> {
    // Echoes of others' presence (most of an idle room's frames) change nothing: not queued, not decoded.
    if (this.presence.isEcho(peer, data)) return DONE;
    // With nothing queued, a presence frame needs no queue to keep its order (renewals: the rest of an idle room's).
    if (data[0] === MESSAGE_AWARENESS && this.queue.isIdle && !this.isBroken) {
      this.handlePresenceNow(peer, data);
      return DONE;
    }
    const arrivedAt = batchChannel.hasSubscribers ? performance.now() : 0;
    return this.enqueue(() => this.handle(peer, data, arrivedAt), { isClientMessage: true }).catch((error: Error) =>
      this.failed(peer, error),
    );
  }

  private failed(peer: Peer, error: Error): void {
    this.deps.log.error('message failed', { boardId: this.boardId, error: error.message });
    peer.close(CLOSE.serverError, 'The server could not process that change.');
  }

  /**
   * Applies a server-side change (session, participants) and commits it before anyone sees it. A full board
   * refuses it (a board_full DomainError) unless `evenWhenFull`: removing someone or closing must still work then.
   */
  change<T>(task: (doc: Y.Doc) => T, options: { evenWhenFull?: boolean } = {}): Promise<T> {
    return this.enqueue(async () => {
      if (!options.evenWhenFull && this.isFull) throw boardFull();
      let result!: T;
      this.doc.transact(() => {
        result = task(this.doc);
      }, SERVER_ORIGIN);
      await this.flush();
      return result;
    });
  }

  /** Reads the doc in queue order (after all pending changes are committed). */
  read<T>(task: (doc: Y.Doc) => T): Promise<T> {
    return this.enqueue(() => task(this.doc));
  }

  closePeers(match: (actor: Actor) => boolean, code: number, reason: string): void {
    for (const peer of this.peers.keys()) if (match(peer.actor)) peer.close(code, closeReason(reason));
  }

  destroy(): void {
    for (const peer of this.peers.keys()) peer.close(CLOSE.goingAway, 'The server is shutting down.');
    this.peers.clear();
    this.presence.destroy();
    this.syncAnswers.destroy();
    this.doc.destroy();
  }

  /** The frame's message, or undefined when it is malformed (the peer is closed) or its peer may speak no more. */
  private readMessage(peer: Peer, data: Uint8Array): IncomingMessage | undefined {
    let message;
    try {
      message = decodeMessage(data);
    } catch {
      peer.close(CLOSE.malformed, 'The server could not read a message from this browser.');
      return undefined;
    }
    // A peer the server closed on purpose (removed, refused, too slow) speaks no more, whatever it still sends.
    return peer.isClosedByServer ? undefined : message;
  }

  /** A presence frame (sync work on the presence alone) handled on arrival, as the queue would handle it. */
  private handlePresenceNow(peer: Peer, data: Uint8Array): void {
    const message = this.readMessage(peer, data);
    if (message?.type !== 'awareness' || !peer.isOpen || !this.peers.has(peer)) return;
    try {
      this.presence.apply(peer, message.update);
    } catch (error) {
      this.failed(peer, error as Error);
    }
  }

  private async handle(peer: Peer, data: Uint8Array, arrivedAt: number): Promise<void> {
    const message = this.readMessage(peer, data);
    if (!message) return;
    // A change sent just before the socket closed (a phone locking, a tab closing) still counts: the server
    // received it, so it is guarded and stored. Everything else needs someone to answer.
    if (message.type === 'update' && arrivedAt > 0) this.batchSince ??= arrivedAt;
    if (!peer.isOpen || !this.peers.has(peer)) {
      if (message.type === 'update') await this.applyClientUpdate(peer, message.update);
      return;
    }
    switch (message.type) {
      case 'syncStep1':
        // The answer holds the whole doc: whatever this batch applied so far is stored first.
        if (this.pending.length > 0) await this.flush();
        if (this.isBroken) return;
        peer.send(this.syncAnswers.answer(message.stateVector));
        return;
      case 'update':
        return this.applyClientUpdate(peer, message.update);
      case 'awareness':
        return this.presence.apply(peer, message.update);
      case 'queryAwareness': {
        peer.send(this.presence.statesFrame());
      }
    }
  }

  private async applyClientUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    const refusal = this.deps.hooks.judge({
      boardId: this.boardId,
      doc: this.doc,
      update,
      actor: peer.actor,
      storedBytes: this.storedBytes + this.pendingBytes,
    });
    if (refusal) {
      peer.close(refusal.code, closeReason(refusal.reason));
      return;
    }
    const whole = this.pending.length;
    try {
      if (isNewRun(this.doc, update)) this.applyVerbatim(peer, update);
      else Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      await this.poisoned(peer, error as Error, this.pending.slice(0, whole));
    }
  }

  /**
   * A guarded update that is one client's run of new structs integrates whole, so its own bytes are what Yjs would
   * emit for it: they are kept and sent as they came, and Yjs is spared encoding the transaction again (with no
   * 'update' listener it encodes nothing).
   */
  private applyVerbatim(peer: Peer, update: Uint8Array): void {
    this.doc.off('update', this.onUpdate);
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    this.pending.push({ update, origin: peer });
    this.pendingBytes += update.length;
  }

  /**
   * Yjs threw half-way through an update: the doc may hold part of it, so it must never be stored or served.
   * The room is marked broken (the registry reloads the board from the store on the next connection). The updates
   * this batch accepted before it are whole: they are stored first, so the reload serves them.
   */
  private async poisoned(sender: Peer, error: Error, intact: { update: Uint8Array }[]): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    if (intact.length > 0) {
      await this.deps.store
        .appendUpdates(
          this.boardId,
          intact.map((entry) => entry.update),
        )
        .catch((storeError: Error) =>
          this.deps.log.error('store failed; closing the board', { boardId: this.boardId, error: storeError.message }),
        );
    }
    this.isBroken = true;
    this.deps.log.error('an update could not be applied; reloading the board from the store', {
      boardId: this.boardId,
      participantId: sender.actor.participantId,
      error: error.message,
    });
    sender.close(CLOSE.malformed, 'The server could not apply a change from this browser.');
    for (const peer of this.peers.keys()) {
      if (peer !== sender) peer.close(CLOSE.serverError, 'The board is being reloaded. Reconnecting…');
    }
  }

  /** Commits what the doc emitted, then broadcasts it (nothing is seen before it is stored), then any compaction. */
  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const updates = batch.map((entry) => entry.update);
    const since = this.batchSince;
    this.batchSince = undefined;
    // The append is the core's own step, not a hook: no list of hooks can leave a change unstored yet broadcast.
    const started = performance.now();
    let joined;
    let stored;
    try {
      // The batch is one log entry: one row to write (and to replay at load) instead of one per update.
      joined = joinBatch(batch);
      stored = await this.deps.store.appendUpdates(this.boardId, [joined.update]);
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      this.deps.hooks.commitFailed({ boardId: this.boardId, updates, seconds, error });
      this.fail(error as Error);
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    this.lastSeq = stored.lastSeq;
    this.storedBytes += joined.update.length;
    let compactionRequested = false;
    try {
      await this.deps.hooks.committed({
        boardId: this.boardId,
        updates,
        logLength: stored.logLength,
        logBytes: this.storedBytes - this.snapshotBytes,
        snapshotBytes: this.snapshotBytes,
        lastSeq: stored.lastSeq,
        seconds,
        requestCompaction: () => void (compactionRequested = true),
      });
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    const broadcastAt = performance.now();
    joined.broadcast(this.peers.keys());
    if (since !== undefined && batchChannel.hasSubscribers) {
      const timing: BatchTiming = {
        boardId: this.boardId,
        updates: updates.length,
        peers: this.peers.size,
        waitedMs: started - since,
        commitMs: broadcastAt - started,
        broadcastMs: performance.now() - broadcastAt,
      };
      batchChannel.publish(timing);
    }
    // After the fan-out (it is housekeeping, not part of the batch's latency) but before the queue moves on, so the
    // doc encoded is exactly what is stored. The batch is stored already: a failure only closes the board.
    if (compactionRequested) await this.compact().catch((error: Error) => this.fail(error));
  }

  /** Folds the log into one snapshot (the doc is exactly what is stored at this point of the queue). */
  async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.deps.store.compact(this.boardId, snapshot, this.lastSeq);
    this.storedBytes = snapshot.length;
    this.snapshotBytes = snapshot.length;
  }

  private fail(error: Error): void {
    this.isBroken = true;
    this.deps.log.error('store failed; closing the board', { boardId: this.boardId, error: error.message });
    for (const peer of this.peers.keys())
      peer.close(CLOSE.serverError, 'The server could not save changes. Please reconnect shortly.');
  }
}
