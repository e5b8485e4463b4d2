// One board in memory: its Y.Doc and awareness, its peers, and the serial queue that guards, commits, then broadcasts.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Limits } from '../config.ts';
import type { Logger } from '../log.ts';
import { applyStoredDoc } from '../storage/loadDocFrom.ts';
import type { Actor } from '@shared/rules/Change.ts';
import type { RoomHooks } from '../hooks/RoomHooks.ts';
import { isBoardFull } from '../hooks/boardSizeLimit.ts';
import { decodeAwareness, encodeAwarenessEntries } from './awarenessStamp.ts';
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages.ts';
import { CLOSE, closeReason, type Peer } from './Peer.ts';
import { SerialQueue } from './SerialQueue.ts';
import { boardFull } from '../boards/errors.ts';
import { PresenceBudget } from './PresenceBudget.ts';
import type { RoomStore } from './RoomStore.ts';

export interface RoomDeps {
  store: RoomStore;
  limits: Limits;
  /** The concerns around the core (limits, guard, compaction, presence, metrics), in the order they run. */
  hooks: RoomHooks;
  log: Logger;
}

const SERVER_ORIGIN = 'server';

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Map<Peer, Set<number>>();
  private readonly queue = new SerialQueue();
  private pending: { update: Uint8Array; origin: unknown }[] = [];
  private storedBytes = 0;
  private lastSeq = 0;
  private readonly presence: PresenceBudget;
  /** Set when the store failed: the room stops serving rather than show unsaved state. */
  isBroken = false;

  private constructor(
    readonly boardId: string,
    private readonly deps: RoomDeps,
  ) {
    this.presence = new PresenceBudget(deps.limits.maxPresenceBytesPerRoom);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.pending.push({ update, origin }));
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const clientId of removed ?? []) this.presence.forget(clientId);
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      if (changed.length === 0) return;
      const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    });
  }

  /** Loads a board's doc from the store; the room serves nobody before this resolves. */
  static async load(boardId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(boardId, deps);
    const stored = await deps.store.loadDoc(boardId);
    applyStoredDoc(room.doc, stored);
    // Loading emits updates of its own; they are already stored.
    room.pending = [];
    room.lastSeq = stored.lastSeq;
    room.storedBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, u) => sum + u.length, 0);
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

  /** Runs tasks one at a time, so every message sees a doc whose every change is already committed. */
  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(() => {
      if (this.isBroken) throw new Error('room is not available');
      return task();
    });
  }

  /** Resolves once everything queued so far has been processed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  attach(peer: Peer): Promise<void> {
    this.peers.set(peer, new Set());
    return this.enqueue(() => {
      peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0)
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }).catch(() => peer.close(CLOSE.serverError, 'The board is not available right now.'));
  }

  detach(peer: Peer): void {
    const clientIds = this.peers.get(peer);
    this.peers.delete(peer);
    if (clientIds && clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null);
  }

  receive(peer: Peer, data: Uint8Array): Promise<void> {
    return this.enqueue(() => this.handle(peer, data)).catch((error: Error) => {
      this.deps.log.error('message failed', { boardId: this.boardId, error: error.message });
      peer.close(CLOSE.serverError, 'The server could not process that change.');
    });
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
      await this.flush(null);
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
    this.awareness.destroy();
    this.doc.destroy();
  }

  private async handle(peer: Peer, data: Uint8Array): Promise<void> {
    let message;
    try {
      message = decodeMessage(data);
    } catch {
      peer.close(CLOSE.malformed, 'The server could not read a message from this browser.');
      return;
    }
    // A peer the server closed on purpose (removed, refused, too slow) speaks no more, whatever it still sends.
    if (peer.isClosedByServer) return;
    // A change sent just before the socket closed (a phone locking, a tab closing) still counts: the server
    // received it, so it is guarded and stored. Everything else needs someone to answer.
    if (!peer.isOpen || !this.peers.has(peer)) {
      if (message.type === 'update') await this.applyClientUpdate(peer, message.update);
      return;
    }
    switch (message.type) {
      case 'syncStep1':
        peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
        return;
      case 'update':
        return this.applyClientUpdate(peer, message.update);
      case 'awareness':
        return this.applyAwareness(peer, message.update);
      case 'queryAwareness': {
        const states = [...this.awareness.getStates().keys()];
        peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
      }
    }
  }

  private async applyClientUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    const refusal = this.deps.hooks.judge({
      boardId: this.boardId,
      doc: this.doc,
      update,
      actor: peer.actor,
      storedBytes: this.storedBytes,
    });
    if (refusal) {
      peer.close(refusal.code, closeReason(refusal.reason));
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      this.poisoned(peer, error as Error);
      return;
    }
    await this.flush(peer);
  }

  /**
   * Yjs threw half-way through an update: the doc may hold part of it, so it must never be stored or served.
   * The room is marked broken (the registry reloads the board from the store on the next connection).
   */
  private poisoned(sender: Peer, error: Error): void {
    this.pending = [];
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

  private applyAwareness(peer: Peer, update: Uint8Array): void {
    const owned = this.peers.get(peer);
    if (!owned) return;
    let entries;
    try {
      entries = decodeAwareness(update, this.deps.limits.maxAwarenessBytes);
    } catch {
      peer.close(CLOSE.malformed, 'The server could not read a presence message from this browser.');
      return;
    }
    const accepted = entries.filter((entry) => {
      if (owned.has(entry.clientId)) return true;
      // A client id is bound to the first connection that uses it; nobody may speak for another.
      const taken = [...this.peers.values()].some((ids) => ids.has(entry.clientId));
      if (taken || owned.size >= 4) return false;
      owned.add(entry.clientId);
      return true;
    });
    const offered = this.deps.hooks.awareness({ boardId: this.boardId, actor: peer.actor, entries: accepted });
    // Measured after the hooks, so the budget counts exactly what every peer will be sent.
    const admitted = offered.filter((entry) =>
      this.presence.admit(entry.clientId, entry.state === null ? 0 : JSON.stringify(entry.state).length),
    );
    if (admitted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(admitted), null);
  }

  /** Commits what the doc emitted, then broadcasts it: nothing is seen before it is stored. */
  private async flush(source: Peer | null): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const updates = batch.map((entry) => entry.update);
    // The append is the core's own step, not a hook: no list of hooks can leave a change unstored yet broadcast.
    const started = performance.now();
    let stored;
    try {
      stored = await this.deps.store.appendUpdates(this.boardId, updates);
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      this.deps.hooks.commitFailed({ boardId: this.boardId, updates, seconds, error });
      this.fail(error as Error);
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    this.lastSeq = stored.lastSeq;
    this.storedBytes += updates.reduce((sum, u) => sum + u.length, 0);
    try {
      await this.deps.hooks.committed({
        boardId: this.boardId,
        updates,
        logLength: stored.logLength,
        lastSeq: stored.lastSeq,
        seconds,
        compact: () => this.compact(),
      });
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    for (const { update } of batch) {
      const frame = encodeUpdate(update);
      for (const peer of this.peers.keys()) if (peer !== source) peer.send(frame);
    }
  }

  /** Folds the log into one snapshot (the doc is exactly what is stored at this point of the queue). */
  async compact(): Promise<void> {
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.deps.store.compact(this.boardId, snapshot, this.lastSeq);
    this.storedBytes = snapshot.length;
  }

  private fail(error: Error): void {
    this.isBroken = true;
    this.deps.log.error('store failed; closing the board', { boardId: this.boardId, error: error.message });
    for (const peer of this.peers.keys())
      peer.close(CLOSE.serverError, 'The server could not save changes. Please reconnect shortly.');
  }
}
