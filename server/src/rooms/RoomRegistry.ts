// Which boards are in memory: one Room per board, loaded once, unloaded after it has been idle.
import { Room, type RoomDeps } from './Room.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): () => void;
}

export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

/** Lease-aware loading (many servers): a board is loaded only by the server that holds its lease. */
export interface RoomLeases {
  /** Takes the board's lease, or throws (an `unavailable` DomainError) when another server holds it. */
  claim(boardId: string): Promise<void>;
  /** Gives the lease back once the room is unloaded. */
  release(boardId: string): Promise<void>;
}

interface Entry {
  room: Promise<Room>;
  /** Holders: open connections and in-flight HTTP work. The room stays while any exist. */
  holds: number;
  cancelUnload?: () => void;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  /** The entry each loaded room belongs to, so a hold on a dropped (broken) room is released on that room. */
  private readonly entryOf = new WeakMap<Room, Entry>();

  /** Set when this server is one of many; unset, every board loads here (one process). */
  leases: RoomLeases | undefined;

  constructor(
    private readonly deps: RoomDeps,
    private readonly idleMs: number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Holds a board's room, loading it when needed; concurrent callers share one load and one doc. */
  async acquire(boardId: string): Promise<Room> {
    let entry = this.entries.get(boardId);
    if (entry?.room) {
      const room = await entry.room.catch(() => undefined);
      if (room?.isBroken) this.forget(boardId, entry);
      entry = this.entries.get(boardId);
    }
    if (!entry) {
      entry = { room: this.load(boardId), holds: 0 };
      this.entries.set(boardId, entry);
      const loading = entry;
      loading.room.then(
        (room) => {
          this.entryOf.set(room, loading);
          this.deps.hooks.loaded(boardId);
        },
        () => this.forget(boardId, loading),
      );
    }
    entry.holds++;
    entry.cancelUnload?.();
    entry.cancelUnload = undefined;
    try {
      return await entry.room;
    } catch (error) {
      entry.holds--;
      throw error;
    }
  }

  private async load(boardId: string): Promise<Room> {
    if (!this.leases) return Room.load(boardId, this.deps);
    await this.leases.claim(boardId);
    try {
      return await Room.load(boardId, this.deps);
    } catch (error) {
      void this.leases.release(boardId);
      throw error;
    }
  }

  /** Whether the board is in memory here (loaded or loading). */
  has(boardId: string): boolean {
    return this.entries.has(boardId);
  }

  /**
   * Drops a board at once, without writing (its lease was lost: another server may hold it now). Its sockets
   * close, so clients reconnect and resync with the new holder.
   */
  drop(boardId: string): void {
    const entry = this.entries.get(boardId);
    if (!entry) return;
    this.entries.delete(boardId);
    entry.cancelUnload?.();
    void entry.room.then(
      (room) => room.destroy(),
      () => undefined,
    );
  }

  /** Releases a hold (on `room` when given); the last release starts the idle countdown. */
  release(boardId: string, room?: Room): void {
    const entry = room ? this.entryOf.get(room) : this.entries.get(boardId);
    if (!entry) return;
    entry.holds = Math.max(0, entry.holds - 1);
    if (entry.holds > 0 || entry.cancelUnload) return;
    entry.cancelUnload = this.timers.setTimeout(() => void this.unload(boardId, entry), this.idleMs);
  }

  /** Runs `task` with the room held, so it is not unloaded underneath. */
  async with<T>(boardId: string, task: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await task(room);
    } finally {
      this.release(boardId, room);
    }
  }

  /** The loaded room of a board, if any, without loading it. */
  async peek(boardId: string): Promise<Room | undefined> {
    const entry = this.entries.get(boardId);
    return entry ? entry.room.catch(() => undefined) : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  private async unload(boardId: string, entry: Entry): Promise<void> {
    entry.cancelUnload = undefined;
    const room = await entry.room.catch(() => undefined);
    if (!room) return;
    await room.idle();
    // Checked again after the await: a connection may have arrived meanwhile, and then it keeps this very room.
    if (entry.holds > 0) return;
    // A broken room was already replaced in `entries`; it is still destroyed, never compacted.
    if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
    else if (!room.isBroken) return;
    if (!room.isBroken) await room.compact().catch(() => undefined);
    room.destroy();
    await this.leases?.release(boardId);
  }

  private forget(boardId: string, entry: Entry): void {
    if (this.entries.get(boardId) === entry) this.entries.delete(boardId);
  }

  /** Waits for queued work, compacts and drops every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    const entries = [...this.entries.entries()];
    this.entries.clear();
    for (const [boardId, entry] of entries) {
      entry.cancelUnload?.();
      const room = await entry.room.catch(() => undefined);
      if (!room) continue;
      await room.idle();
      if (!room.isBroken) await room.compact().catch(() => undefined);
      room.destroy();
      await this.leases?.release(boardId);
    }
  }
}
