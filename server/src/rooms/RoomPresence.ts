// A room's presence (y-protocols awareness): each connection speaks only for its own client ids, states pass the
// presence hooks and the room's byte budget, and every change is fanned out to the room's peers; renewals are merged.
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Limits } from '../config.ts';
import type { RoomHooks } from '../hooks/RoomHooks.ts';
import { decodeAwareness, encodeAwarenessEntries } from './awarenessStamp.ts';
import { encodeAwareness } from './messages.ts';
import { CLOSE, type Peer } from './Peer.ts';
import { PresenceBudget } from './PresenceBudget.ts';
import { isEchoOfOthers } from './presenceEcho.ts';
import { readSingleEntry, sameBytes, type SingleEntry } from './presenceRenewal.ts';

/** Client ids one connection may speak for (a browser has one; a few tabs sharing a socket never need more). */
const CLIENT_IDS_PER_CONNECTION = 4;

/**
 * How long a renewal (a newer clock for an unchanged state) may wait before peers are sent it, merged with the
 * room's other renewals into one frame. y-protocols clients renew every 15 s (checked every 3 s: at most 18 s
 * apart) and drop a peer's state 30 s after its last renewal reached them, so this leaves 7 s to spare. A real
 * change (a state added, changed or removed) is sent at once and takes every renewal due in the room with it.
 */
export const RENEWAL_DELAY_MS = 5_000;

export interface PresenceDeps {
  boardId: string;
  limits: Pick<Limits, 'maxAwarenessBytes' | 'maxPresenceBytesPerRoom'>;
  hooks: RoomHooks;
}

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** The client ids each connected peer speaks for. */
  private readonly owned = new Map<Peer, Set<number>>();
  /** The same binding the other way: which peer speaks for a client id. */
  private readonly ownerOf = new Map<number, Peer>();
  private readonly budget: PresenceBudget;
  /** The state bytes each client id last sent alone in a frame, while the room holds the state made of them. */
  private readonly sentBytes = new Map<number, Uint8Array>();
  /** Client ids whose latest clock (and state) the peers have not been sent yet. */
  private readonly due = new Set<number>();
  /** Set by the awareness 'change' event, which y-protocols emits just before 'update' when a state really changed. */
  private hasChange = false;
  private renewalTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    doc: Y.Doc,
    private readonly deps: PresenceDeps,
  ) {
    this.budget = new PresenceBudget(deps.limits.maxPresenceBytesPerRoom);
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('change', () => {
      this.hasChange = true;
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      for (const clientId of removed ?? []) {
        this.budget.forget(clientId);
        this.sentBytes.delete(clientId);
      }
      for (const ids of [added, updated, removed]) for (const clientId of ids ?? []) this.due.add(clientId);
      if (this.hasChange) {
        this.hasChange = false;
        this.sendDue();
      } else this.sendRenewalsSoon();
    });
  }

  /** Renewals wait, merged, for the room's next frame: a change's, or the renewal timer's. */
  private sendRenewalsSoon(): void {
    if (this.due.size === 0 || this.renewalTimer) return;
    this.renewalTimer = setTimeout(() => this.sendDue(), RENEWAL_DELAY_MS);
    this.renewalTimer.unref?.();
  }

  /** One frame, encoded once, with the current clock and state of every client id due, to every peer. */
  private sendDue(): void {
    clearTimeout(this.renewalTimer);
    this.renewalTimer = undefined;
    if (this.due.size === 0) return;
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.due]));
    this.due.clear();
    for (const peer of this.owned.keys()) peer.send(frame);
  }

  join(peer: Peer): void {
    this.owned.set(peer, new Set());
  }

  /** Removes a peer and the states it spoke for (everyone else is told). */
  leave(peer: Peer): void {
    const clientIds = this.owned.get(peer);
    this.owned.delete(peer);
    for (const clientId of clientIds ?? []) this.ownerOf.delete(clientId);
    if (clientIds && clientIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null);
  }

  get stateCount(): number {
    return this.awareness.getStates().size;
  }

  /** Every state held, as one frame. */
  statesFrame(): Uint8Array {
    return encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
    );
  }

  /** Whether a whole incoming frame is only an echo of other peers' presence, which changes nothing. */
  isEcho(peer: Peer, frame: Uint8Array): boolean {
    return isEchoOfOthers(frame, this.ownerOf, peer);
  }

  /**
   * A peer's awareness update: decoded strictly, limited to its own ids, passed through the hooks and the budget.
   * A renewal (one entry, a newer clock, the very bytes this client id sent last) only moves the clock on: its
   * state was decoded, stamped and admitted when it first came, and the room still holds it.
   */
  apply(peer: Peer, update: Uint8Array): void {
    const owned = this.owned.get(peer);
    if (!owned) return;
    const single = readSingleEntry(update);
    if (single && this.renew(owned, single)) return;
    this.applyInFull(peer, owned, update);
    if (single) this.remember(owned, single);
  }

  /** Renews a held state without reading it again; false when `entry` is not a renewal of it. */
  private renew(owned: Set<number>, { clientId, clock, stateBytes }: SingleEntry): boolean {
    const sent = this.sentBytes.get(clientId);
    const meta = this.awareness.meta.get(clientId);
    if (!sent || !meta || clock <= meta.clock || !owned.has(clientId) || !this.awareness.states.has(clientId)) {
      return false;
    }
    if (!sameBytes(sent, stateBytes)) return false;
    // What applyAwarenessUpdate does for a newer clock with an equal state: a new clock, and what its 'update' event
    // (no 'change') would make of it here, without the event's arrays (renewals are most of an idle room's frames).
    meta.clock = clock;
    meta.lastUpdated = Date.now();
    this.due.add(clientId);
    this.sendRenewalsSoon();
    return true;
  }

  /**
   * Keeps the bytes of the sender's own entry the room now holds as sent (its state and clock applied), for its
   * renewals. An entry for someone else's id (an echo) leaves that id's bytes alone.
   */
  private remember(owned: Set<number>, { clientId, clock, stateBytes }: SingleEntry): void {
    if (!owned.has(clientId)) return;
    const isHeld = this.awareness.meta.get(clientId)?.clock === clock && this.awareness.states.get(clientId) != null;
    if (isHeld) this.sentBytes.set(clientId, stateBytes.slice());
    else this.sentBytes.delete(clientId);
  }

  private applyInFull(peer: Peer, owned: Set<number>, update: Uint8Array): void {
    let entries;
    try {
      // Ids another connection speaks for are dropped below: their states are not even parsed.
      entries = decodeAwareness(update, this.deps.limits.maxAwarenessBytes, (clientId) => {
        const owner = this.ownerOf.get(clientId);
        return owner === undefined || owner === peer;
      });
    } catch {
      peer.close(CLOSE.malformed, 'The server could not read a presence message from this browser.');
      return;
    }
    // Nothing of its own: most frames a stock client sends are echoes of other people's presence.
    if (entries.length === 0) return;
    const accepted = entries.filter((entry) => {
      if (owned.has(entry.clientId)) return true;
      // A client id is bound to the first connection that uses it; nobody may speak for another.
      if (this.ownerOf.has(entry.clientId) || owned.size >= CLIENT_IDS_PER_CONNECTION) return false;
      owned.add(entry.clientId);
      this.ownerOf.set(entry.clientId, peer);
      return true;
    });
    const offered = this.deps.hooks.awareness({ boardId: this.deps.boardId, actor: peer.actor, entries: accepted });
    // Measured after the hooks, so the budget counts exactly what every peer will be sent.
    const admitted = offered.filter((entry) =>
      this.budget.admit(entry.clientId, entry.state === null ? 0 : JSON.stringify(entry.state).length),
    );
    if (admitted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(admitted), null);
  }

  destroy(): void {
    clearTimeout(this.renewalTimer);
    this.renewalTimer = undefined;
    this.due.clear();
    this.sentBytes.clear();
    this.owned.clear();
    this.ownerOf.clear();
    this.awareness.destroy();
  }
}
