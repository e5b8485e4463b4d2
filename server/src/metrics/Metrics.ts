// What an operator watches, in the Prometheus text format (prom-client): rooms, connections, updates, commit latency, takeovers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpdateCheck } from '../rooms/Room.ts';
import type { DocLog } from '../storage/DocLog.ts';
import { FencedError } from '../storage/PostgresStorage.ts';

export interface MetricSources {
  rooms: () => number;
  connections: () => number;
  /** Lease takeovers by this server (0 for one process). */
  takeovers: () => number;
  leasesHeld: () => number;
  /** Boards whose session deadline timer is armed here (with many servers: only boards this one holds). */
  deadlineTimers: () => number;
}

export class Metrics {
  readonly registry = new Registry();
  private sources: MetricSources = {
    rooms: () => 0,
    connections: () => 0,
    takeovers: () => 0,
    leasesHeld: () => 0,
    deadlineTimers: () => 0,
  };
  private readonly accepted: Counter;
  private readonly refused: Counter<'reason'>;
  private readonly commitSeconds: Histogram;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'scopeboard_process_' });
    const registers = [this.registry];
    const sources = () => this.sources;
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    gauge('scopeboard_rooms', 'Boards loaded in memory on this server.', () => sources().rooms());
    gauge('scopeboard_connections', 'Open websockets on this server (served here or proxied to a holder).', () =>
      sources().connections(),
    );
    gauge('scopeboard_leases_held', 'Board leases this server holds.', () => sources().leasesHeld());
    gauge('scopeboard_deadline_timers', 'Boards whose session deadline timer is armed on this server.', () =>
      sources().deadlineTimers(),
    );
    new Counter({
      name: 'scopeboard_lease_takeovers_total',
      help: 'Boards this server took over from another holder.',
      registers,
      collect() {
        this.reset();
        this.inc(sources().takeovers());
      },
    });
    this.accepted = new Counter({
      name: 'scopeboard_updates_accepted_total',
      help: 'Client updates the guard accepted.',
      registers,
    });
    this.refused = new Counter({
      name: 'scopeboard_updates_refused_total',
      help: 'Client updates refused (guard), or doc writes refused (fenced).',
      labelNames: ['reason'],
      registers,
    });
    this.commitSeconds = new Histogram({
      name: 'scopeboard_commit_seconds',
      help: 'Time to store a batch of updates durably, before it is broadcast.',
      registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    });
  }

  /** Where the gauges read from, once the app exists. */
  bind(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The guard, counted: accepted and refused updates. */
  countChecks(check: UpdateCheck): UpdateCheck {
    return (doc, update, actor) => {
      const verdict = check(doc, update, actor);
      if (verdict.ok) this.accepted.inc();
      else this.refused.inc({ reason: 'guard' });
      return verdict;
    };
  }

  /** The store, timed: commit latency of appends, and fenced writes. Every other method passes through unchanged. */
  timeCommits<S extends DocLog>(storage: S): S {
    const appendUpdates: DocLog['appendUpdates'] = async (boardId, updates) => {
      const stop = this.commitSeconds.startTimer();
      try {
        return await storage.appendUpdates(boardId, updates);
      } catch (error) {
        if (error instanceof FencedError) this.refused.inc({ reason: 'fenced' }, updates.length);
        throw error;
      } finally {
        stop();
      }
    };
    return new Proxy(storage, {
      get(target, property) {
        if (property === 'appendUpdates') return appendUpdates;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  async respond(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.registry.metrics();
    res.writeHead(200, { 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  }
}
