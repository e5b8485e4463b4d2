// Board leases in Redis (SET NX PX, renewed well before they lapse), each backed by a fencing epoch in the store.
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { EpochFence } from '../storage/PostgresStorage.ts';

export interface Holder {
  serverId: string;
  url: string;
}

export interface LeaseOptions {
  serverId: string;
  /** How other servers reach this one (http://host:port). */
  advertiseUrl: () => string;
  ttlMs: number;
  /** Whether the board is still in use here; an unused lease is given back after one TTL. */
  isInUse: (boardId: string) => boolean;
  /** Called when a lease is lost (lapsed, taken over, or Redis unreachable too long): drop the board. */
  onLost: (boardId: string) => void;
  /** Called after this server took a lease (to tell the others). */
  onClaimed: (boardId: string, epoch: number) => void;
  log: Logger;
}

interface Held {
  value: string;
  claimedAt: number;
  renewedAt: number;
}

// Renew and give back only the lease we own: another server's value is never touched.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const key = (boardId: string) => `scopeboard:lease:${boardId}`;

export class Leases {
  private readonly held = new Map<string, Held>();
  private readonly claiming = new Map<string, Promise<boolean>>();
  private readonly timer: NodeJS.Timeout;
  /** Lease takeovers by this server (the lease had a previous epoch), for metrics. */
  takeovers = 0;

  constructor(
    private readonly redis: Redis,
    private readonly fence: EpochFence,
    private readonly options: LeaseOptions,
  ) {
    this.timer = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(options.ttlMs / 3)));
    this.timer.unref();
  }

  isHolder(boardId: string): boolean {
    return this.held.has(boardId);
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Who holds the board's lease now, if anyone. */
  async holder(boardId: string): Promise<Holder | undefined> {
    const value = await this.redis.get(key(boardId));
    if (!value) return undefined;
    try {
      const parsed = JSON.parse(value) as Holder;
      return typeof parsed.url === 'string' && typeof parsed.serverId === 'string' ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Takes the lease when it is free; true when this server holds it afterwards. One claim per board at a time. */
  claim(boardId: string): Promise<boolean> {
    if (this.held.has(boardId)) return Promise.resolve(true);
    let pending = this.claiming.get(boardId);
    if (!pending) {
      pending = this.tryClaim(boardId).finally(() => this.claiming.delete(boardId));
      this.claiming.set(boardId, pending);
    }
    return pending;
  }

  private async tryClaim(boardId: string): Promise<boolean> {
    const value = JSON.stringify({
      serverId: this.options.serverId,
      url: this.options.advertiseUrl(),
      nonce: Math.random(),
    });
    const taken = await this.redis.set(key(boardId), value, 'PX', this.options.ttlMs, 'NX');
    if (taken !== 'OK') return false;
    const now = Date.now();
    let epoch: number;
    try {
      // The fence goes up before the board is loaded: a stale holder's write either landed before (and is loaded) or is refused.
      epoch = await this.fence.claimEpoch(boardId);
    } catch (error) {
      await this.redis.eval(RELEASE, 1, key(boardId), value).catch(() => undefined);
      throw error;
    }
    this.held.set(boardId, { value, claimedAt: now, renewedAt: now });
    if (epoch > 1) this.takeovers++;
    this.options.log.info('lease taken', { boardId, epoch });
    this.options.onClaimed(boardId, epoch);
    return true;
  }

  /** Gives the lease back (board unloaded or server draining), so the next server can take it at once. */
  async release(boardId: string): Promise<void> {
    const held = this.held.get(boardId);
    if (!held) return;
    this.held.delete(boardId);
    this.fence.dropEpoch(boardId);
    await this.redis.eval(RELEASE, 1, key(boardId), held.value).catch(() => undefined);
  }

  /** Gives up a lease known to be lost (another server announced it took the board). */
  lose(boardId: string, why: string): void {
    if (!this.held.delete(boardId)) return;
    this.fence.dropEpoch(boardId);
    this.options.log.info('lease lost; dropping the board', { boardId, why });
    this.options.onLost(boardId);
  }

  private async renewAll(): Promise<void> {
    const { ttlMs } = this.options;
    for (const [boardId, held] of [...this.held]) {
      const startedAt = Date.now();
      // A pause longer than the lease (GC, frozen VM, SIGSTOP): the lease may be someone else's by now.
      if (startedAt - held.renewedAt >= ttlMs) {
        this.lose(boardId, 'not renewed in time');
        continue;
      }
      if (!this.options.isInUse(boardId) && startedAt - held.claimedAt > ttlMs) {
        await this.release(boardId);
        continue;
      }
      try {
        const renewed = await this.redis.eval(RENEW, 1, key(boardId), held.value, String(ttlMs));
        if (renewed === 1) held.renewedAt = startedAt;
        else this.lose(boardId, 'taken over or lapsed');
      } catch {
        // Redis unreachable: keep serving until the lease would have lapsed, then stop (fencing covers the rest).
        if (Date.now() - held.renewedAt >= ttlMs * 0.8) this.lose(boardId, 'Redis unreachable');
      }
    }
  }

  /** Gives back every lease (graceful shutdown or draining). */
  async releaseAll(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.held.keys()].map((boardId) => this.release(boardId)));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
