// GET /metrics text: our counters and the commit histogram as prom-client wrote them; Node's own metrics on first scrape.
import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics } from '../../../server/src/metrics/Metrics.ts';

async function scrape(metrics: Metrics): Promise<{ type: string; body: string }> {
  let type = '';
  let body = '';
  const res = {
    writeHead: (_status: number, headers: Record<string, string>) => (type = headers['Content-Type']!),
    end: (text: string) => (body = text),
  } as unknown as ServerResponse;
  await metrics.respond({} as IncomingMessage, res);
  return { type, body };
}

const value = (text: string, line: string) =>
  Number(new RegExp(`^${line.replace(/[{}"+.]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

describe('Metrics', () => {
  it('writes counters, labelled refusals, gauges and a cumulative histogram', async () => {
    const metrics = new Metrics();
    metrics.bind({
      rooms: () => 2,
      connections: () => 7,
      takeovers: () => 1,
      leasesHeld: () => 3,
      deadlineTimers: () => 0,
    });
    metrics.countVerdict(undefined);
    metrics.countVerdict(undefined);
    metrics.countVerdict('guard');
    metrics.countFenced(4);
    metrics.observeCommit(0.0005);
    metrics.observeCommit(0.003);
    metrics.observeCommit(2);
    const { type, body } = await scrape(metrics);
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(value(body, 'scopeboard_rooms')).toBe(2);
    expect(value(body, 'scopeboard_connections')).toBe(7);
    expect(value(body, 'scopeboard_leases_held')).toBe(3);
    expect(value(body, 'scopeboard_lease_takeovers_total')).toBe(1);
    expect(value(body, 'scopeboard_updates_accepted_total')).toBe(2);
    expect(value(body, 'scopeboard_updates_refused_total{reason="guard"}')).toBe(1);
    expect(value(body, 'scopeboard_updates_refused_total{reason="fenced"}')).toBe(4);
    expect(value(body, 'scopeboard_commit_seconds_bucket{le="0.001"}')).toBe(1);
    expect(value(body, 'scopeboard_commit_seconds_bucket{le="0.0025"}')).toBe(1);
    expect(value(body, 'scopeboard_commit_seconds_bucket{le="0.005"}')).toBe(2);
    expect(value(body, 'scopeboard_commit_seconds_bucket{le="1"}')).toBe(2);
    expect(value(body, 'scopeboard_commit_seconds_bucket{le="+Inf"}')).toBe(3);
    expect(value(body, 'scopeboard_commit_seconds_count')).toBe(3);
    expect(value(body, 'scopeboard_commit_seconds_sum')).toBeCloseTo(2.0035);
    expect(body).toContain('# TYPE scopeboard_commit_seconds histogram\n');
    expect(body).toContain('# TYPE scopeboard_updates_refused_total counter\n');
  });

  it("serves Node's own metrics too, and keeps them across scrapes", async () => {
    const metrics = new Metrics();
    const first = await scrape(metrics);
    expect(value(first.body, 'scopeboard_process_process_resident_memory_bytes')).toBeGreaterThan(0);
    const second = await scrape(metrics);
    expect(value(second.body, 'scopeboard_process_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(second.body.match(/^# TYPE scopeboard_process_process_cpu_seconds_total /gm)).toHaveLength(1);
  });
});
