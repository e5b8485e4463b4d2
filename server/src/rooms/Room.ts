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
import { CLOSE, closeReason, type Peer } from './Peer.ts';
import { SerialQueue } from './SerialQueue.ts';
import { boardFull } from '../boards/errors.ts';
import { RoomPresence } from './RoomPresence.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import { batchChannel } from './batchTiming.ts';
import { RoomCommits } from './RoomCommits.ts';
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
  private readonly commits: RoomCommits;
  /** Set when the store failed: the room stops serving rather than show unsaved state. */
  isBroken = false;

  private constructor(
    readonly boardId: string,
    private readonly deps: RoomDeps,
  ) {
    this.presence = new RoomPresence(this.doc, { boardId, limits: deps.limits, hooks: deps.hooks });
    this.syncAnswers = new SyncAnswers(this.doc);
    const { store, hooks } = deps;
    const fail = (error: Error) => this.fail(error);
    // A compaction's encoding of the doc answers the next joiner with an empty doc, instead of a second encoding.
    const encoded = (snapshot: Uint8Array) => this.syncAnswers.adopt(snapshot);
    this.commits = new RoomCommits({ boardId, doc: this.doc, store, hooks, fail, encoded });
    this.doc.on('update', this.onUpdate);
    this.doc.on('afterTransaction', trimAddedContent);
  }

  /** What the doc emits (Yjs encodes each transaction for it): the server's own changes, and client updates that
   * are not one run of new structs. */
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => this.commits.add({ update, origin });

  /** Loads a board's doc from the store; the room serves nobody before this resolves. */
  static async load(boardId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    const stored = await deps.store.loadDoc(boardId);
    // What loading applies is stored already: with no 'update' listener, Yjs does not encode the whole doc again.
    room.doc.off('update', room.onUpdate);
    applyStoredDoc(room.doc, stored);
    room.doc.on('update', room.onUpdate);
    // A board is loaded because someone joins: answer them with what was just read, not a fresh encoding of it.
    if (stored.snapshot) room.syncAnswers.adopt(stored.snapshot, stored.updates);
    room.commits.loaded(stored);
    return room;
  }

  /** The board has reached its size limit: further writes, from clients or the server, are refused. */
  get isFull(): boolean {
    return isBoardFull(this.commits.stored, this.deps.limits.maxBoardBytes);
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
      if (!options.isClientMessage && this.commits.pendingCount > 0) await this.flush();
      try {
        return await task();
      } finally {
        // `size` counts this task: 1 means nothing is queued behind it, so the batch ends here.
        if (this.queue.size <= 1 && this.commits.pendingCount > 0 && !this.isBroken) await this.flush();
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
    if (message.type === 'update' && arrivedAt > 0) this.commits.arrived(arrivedAt);
    if (!peer.isOpen || !this.peers.has(peer)) {
      if (message.type === 'update') await this.applyClientUpdate(peer, message.update);
      return;
    }
    switch (message.type) {
      case 'syncStep1':
        // The answer holds the whole doc: whatever this batch applied so far is stored first.
        if (this.commits.pendingCount > 0) await this.flush();
        if (this.isBroken) return;
        for (const frame of this.syncAnswers.answer(message.stateVector)) peer.send(frame);
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
      storedBytes: this.commits.bytes,
    });
    if (refusal) {
      peer.close(refusal.code, closeReason(refusal.reason));
      return;
    }
    const whole = this.commits.pendingCount;
    try {
      if (isNewRun(this.doc, update)) this.applyVerbatim(peer, update);
      else Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      await this.poisoned(peer, error as Error, whole);
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
    this.commits.add({ update, origin: peer });
  }

  /**
   * Yjs threw half-way through an update: the doc may hold part of it, so it must never be stored or served.
   * The room is marked broken (the registry reloads the board from the store on the next connection). The `whole`
   * updates this batch accepted before it are whole: they are stored first, so the reload serves them.
   */
  private async poisoned(sender: Peer, error: Error, whole: number): Promise<void> {
    const intact = this.commits.abandon(whole);
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

  /** Commits what is pending, then broadcasts it (RoomCommits): nothing is seen before it is stored. */
  private flush(): Promise<void> {
    return this.commits.flush(this.peers);
  }

  /** Folds the log into one snapshot (the doc is exactly what is stored at this point of the queue). */
  compact(): Promise<void> {
    return this.commits.compact();
  }

  private fail(error: Error): void {
    this.isBroken = true;
    this.deps.log.error('store failed; closing the board', { boardId: this.boardId, error: error.message });
    for (const peer of this.peers.keys())
      peer.close(CLOSE.serverError, 'The server could not save changes. Please reconnect shortly.');
  }
}
