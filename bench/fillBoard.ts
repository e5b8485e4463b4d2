// Fills a board on our server with notes through real participant connections, within the rate limits.
import { nanoid } from 'nanoid';
import { addNote } from '@shared/doc/ops.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { openBenchClient, newCounters, type BenchClient } from './benchClient.ts';
import { prepareRooms, type Member, type RoomPlan } from './prepareRooms.ts';
import type { Target } from './targets.ts';

const AREAS = ['ex1-a1', 'ex1-a2', 'ex1-a3', 'ex1-a4', 'ex1-a5'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FilledBoard {
  plan: RoomPlan;
  writers: BenchClient[];
  close(): void;
}

/** A client of `room` as `member`, from `address`, that only keeps the doc (no note timings). */
export function connectMember(target: Target, room: string, member: Member, address: string): BenchClient {
  return openBenchClient({
    providerUrl: target.providerUrl,
    room,
    token: member.token,
    author: member.author,
    localAddress: address,
    counters: newCounters(),
    seed: undefined,
    onRemoteNote: () => undefined,
    now: () => performance.now(),
  });
}

/** Connects the first `writerCount` members of `plan` (all synced). */
export async function connectWriters(target: Target, plan: RoomPlan, writerCount: number): Promise<FilledBoard> {
  const writers = plan.members
    .slice(0, writerCount)
    .map((member, i) => connectMember(target, plan.room, member, `127.0.0.${2 + i}`));
  await Promise.all(writers.map((w) => w.synced(30_000)));
  return { plan, writers, close: () => writers.forEach((w) => w.destroy()) };
}

/** Creates a board with `writerCount` participants connected (all synced). */
export async function openBoard(target: Target, writerCount: number): Promise<FilledBoard> {
  const [plan] = await prepareRooms(target, 1, writerCount, new Uint8Array());
  if (!plan) throw new Error('no board');
  return connectWriters(target, plan, writerCount);
}

/**
 * Writes `count` notes spread over the writers at `perWriterPerSecond` each (below MAX_MESSAGES_PER_SECOND),
 * then waits until every writer holds all of them, i.e. the server committed and relayed every one.
 */
export async function writeNotes(
  board: FilledBoard,
  count: number,
  perWriterPerSecond: number,
  timeoutMs = 120_000,
): Promise<void> {
  const { writers } = board;
  const before = boardMaps(writers[0]!.doc).notes.size;
  const interval = 1000 / perWriterPerSecond;
  await Promise.all(
    writers.map(async (writer, w) => {
      const mine = Math.floor(count / writers.length) + (w < count % writers.length ? 1 : 0);
      const start = performance.now();
      for (let n = 0; n < mine; n++) {
        const wait = start + n * interval - performance.now();
        if (wait > 0) await sleep(wait);
        const posted = addNote(writer.doc, {
          id: nanoid(),
          areaId: AREAS[(w + n) % AREAS.length]!,
          text: `Filler note ${w}-${n}: what does the zone depend on?`,
          author: writer.author,
          createdAt: Date.now(),
        });
        if (!posted.ok) throw new Error(posted.reason);
      }
    }),
  );
  const deadline = performance.now() + timeoutMs;
  const target = before + count;
  while (writers.some((w) => boardMaps(w.doc).notes.size < target)) {
    const closed = writers.flatMap((w) => w.closes);
    if (closed.length > 0) throw new Error(`a writer was closed while filling: ${closed.join(',')}`);
    if (performance.now() > deadline) throw new Error(`board not filled within ${timeoutMs} ms`);
    await sleep(50);
  }
}
