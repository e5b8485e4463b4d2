// A lean bench receiver against each real target: it syncs, and it sees exactly the notes a stock provider in the
// same room sees, each once.
import { afterAll, describe, expect, it } from 'vitest';
import { addNote } from '@shared/doc/ops.ts';
import { newCounters, openBenchClient } from '../../../bench/benchClient.ts';
import { openLeanReceiver } from '../../../bench/leanClient.ts';
import { prepareRooms, templateSeed } from '../../../bench/prepareRooms.ts';
import { startTarget, type Target, type TargetKind } from '../../../bench/targets.ts';

const seed = templateSeed(Date.UTC(2025, 0, 1));
const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started: Target[] = [];

afterAll(async () => {
  await Promise.all(started.map((target) => target.stop()));
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!check() && now() < deadline) await sleep(20);
}

describe.each<TargetKind>(['ours', 'reference', 'hocuspocus', 'floor'])('lean receiver on %s', (kind) => {
  it('sees the notes a stock provider of its room sees, each once, and only those of the current step', async () => {
    const target = await startTarget(kind);
    started.push(target);
    const [plan] = await prepareRooms(target, 1, 3, seed);
    const [writerMember, stockMember, leanMember] = plan!.members;
    const common = { providerUrl: target.providerUrl, room: plan!.room, protocol: target.protocol, now };
    const stockSeen: string[] = [];
    const leanSeen: string[] = [];
    const open = (member: typeof writerMember, onRemoteNote: (id: string) => void) =>
      openBenchClient({
        ...common,
        ...member!,
        localAddress: '127.0.0.2',
        counters: newCounters(),
        seed: plan!.seed,
        onRemoteNote,
      });
    const writer = open(writerMember, () => undefined);
    const stock = open(stockMember, (id) => stockSeen.push(id));
    let key = 'V0';
    const lean = openLeanReceiver({
      ...common,
      token: leanMember!.token,
      localAddress: '127.0.0.3',
      counters: newCounters(),
      currentKey: () => key,
      onRemoteNote: (id) => leanSeen.push(id),
    });
    try {
      await Promise.all([writer.synced(20_000), stock.synced(20_000), lean.synced(20_000)]);
      const post = (id: string) => {
        const posted = addNote(writer.doc, {
          id,
          areaId: 'ex1-a1',
          text: `bench note ${id}`,
          author: writer.author,
          createdAt: Date.now(),
        });
        expect(posted.ok).toBe(true);
      };
      // Several in one turn, so servers that batch send them merged.
      for (let n = 0; n < 30; n++) post(`V0-${n}`);
      await until(() => stockSeen.length >= 30 && leanSeen.length >= 30, 20_000);
      key = 'V1';
      for (let n = 0; n < 12; n++) {
        post(`V1-${n}`);
        if (n % 3 === 0) await sleep(5);
      }
      await until(() => stockSeen.length >= 42 && leanSeen.length >= 12 + 30, 20_000);
      await sleep(200);
      expect(stockSeen).toHaveLength(42);
      expect([...leanSeen].sort()).toEqual([...stockSeen].sort());
      expect(new Set(leanSeen).size).toBe(leanSeen.length);
      expect(lean.closes).toEqual([]);
    } finally {
      writer.destroy();
      stock.destroy();
      lean.destroy();
    }
  }, 120_000);
});
