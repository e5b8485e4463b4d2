// What an operator watches, in the Prometheus text format: rooms, connections, updates, commit latency, takeovers.
// Our own metrics are plain numbers written out here; Node's (scopeboard_process_*) come from prom-client, which is
// loaded on the first scrape: ~3 MB of memory that a server nobody scrapes never needs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export interface MetricSources {
  rooms: () => number;
  connections: () => number;
  /** Lease takeovers by this server (0 for one process). */
  takeovers: () => number;
  leasesHeld: () => number;
  /** Boards whose session deadline timer is armed here (with many servers: only boards this one holds). */
  deadlineTimers: () => number;
}

/** The Prometheus text format, version 0.0.4 (what prom-client serves). */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const COMMIT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

const labelValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** One metric family: its HELP and TYPE lines, then one line per sample (`suffix{labels}`, value). */
function family(name: string, type: string, help: string, samples: [string, number][]): string {
  const lines = samples.map(([suffix, value]) => `${name}${suffix} ${value}\n`).join('');
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${lines}`;
}

/** Node's own metrics, from prom-client, started when first asked for. */
async function processMetrics(): Promise<Registry> {
  const { Registry, collectDefaultMetrics } = await import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'scopeboard_process_' });
  return registry;
}

export class Metrics {
  private sources: MetricSources = {
    rooms: () => 0,
    connections: () => 0,
    takeovers: () => 0,
    leasesHeld: () => 0,
    deadlineTimers: () => 0,
  };
  private accepted = 0;
  private readonly refused = new Map<string, number>();
  /** Observations at or below each of COMMIT_BUCKETS (not cumulative: summed when written out). */
  private readonly commitBuckets = COMMIT_BUCKETS.map(() => 0);
  private commitCount = 0;
  private commitSum = 0;
  private process: Promise<Registry> | undefined;

  /** Where the gauges read from, once the app exists. */
  bind(sources: MetricSources): void {
    this.sources = sources;
  }

  /** One client update judged: accepted, or refused with the refusing hook's label ('guard', 'board_full'). */
  countVerdict(refusedBy: string | undefined): void {
    if (refusedBy === undefined) this.accepted++;
    else this.countRefused(refusedBy, 1);
  }

  /** Time the store took to make one batch durable (whether or not it succeeded). */
  observeCommit(seconds: number): void {
    const bucket = COMMIT_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) this.commitBuckets[bucket]!++;
    this.commitCount++;
    this.commitSum += seconds;
  }

  /** Updates a newer holder of the board's lease fenced off (PostgreSQL, many servers). */
  countFenced(updates: number): void {
    this.countRefused('fenced', updates);
  }

  private countRefused(reason: string, count: number): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + count);
  }

  /** Our metrics in the text format, in the order and wording prom-client wrote them. */
  private ownMetrics(): string {
    const sources = this.sources;
    let cumulative = 0;
    const buckets = COMMIT_BUCKETS.map((bound, i): [string, number] => {
      cumulative += this.commitBuckets[i]!;
      return [`_bucket{le="${bound}"}`, cumulative];
    });
    return [
      family('scopeboard_rooms', 'gauge', 'Boards loaded in memory on this server.', [['', sources.rooms()]]),
      family(
        'scopeboard_connections',
        'gauge',
        'Open websockets on this server (served here or proxied to a holder).',
        [['', sources.connections()]],
      ),
      family('scopeboard_leases_held', 'gauge', 'Board leases this server holds.', [['', sources.leasesHeld()]]),
      family('scopeboard_deadline_timers', 'gauge', 'Boards whose session deadline timer is armed on this server.', [
        ['', sources.deadlineTimers()],
      ]),
      family('scopeboard_lease_takeovers_total', 'counter', 'Boards this server took over from another holder.', [
        ['', sources.takeovers()],
      ]),
      family('scopeboard_updates_accepted_total', 'counter', 'Client updates the guard accepted.', [
        ['', this.accepted],
      ]),
      family(
        'scopeboard_updates_refused_total',
        'counter',
        'Client updates refused (guard, board_full), or doc writes refused (fenced).',
        [...this.refused].map(([reason, count]) => [`{reason="${labelValue(reason)}"}`, count]),
      ),
      family(
        'scopeboard_commit_seconds',
        'histogram',
        'Time to store a batch of updates durably, before it is broadcast.',
        [...buckets, ['_bucket{le="+Inf"}', this.commitCount], ['_sum', this.commitSum], ['_count', this.commitCount]],
      ),
    ].join('\n');
  }

  async respond(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.process ??= processMetrics();
    const body = `${await (await this.process).metrics()}\n${this.ownMetrics()}`;
    res.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Cache-Control': 'no-store' });
    res.end(body);
  }
}
