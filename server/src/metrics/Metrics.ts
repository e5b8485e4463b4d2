// What an operator watches, in the Prometheus text format (prom-client): rooms, connections, updates, commit latency, takeovers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
      help: 'Client updates refused (guard, board_full), or doc writes refused (fenced).',
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

  /** One client update judged: accepted, or refused with the refusing hook's label ('guard', 'board_full'). */
  countVerdict(refusedBy: string | undefined): void {
    if (refusedBy === undefined) this.accepted.inc();
    else this.refused.inc({ reason: refusedBy });
  }

  /** Time the store took to make one batch durable (whether or not it succeeded). */
  observeCommit(seconds: number): void {
    this.commitSeconds.observe(seconds);
  }

  /** Updates a newer holder of the board's lease fenced off (PostgreSQL, many servers). */
  countFenced(updates: number): void {
    this.refused.inc({ reason: 'fenced' }, updates);
  }

  async respond(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.registry.metrics();
    res.writeHead(200, { 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' });
    res.end(body);
  }
}
