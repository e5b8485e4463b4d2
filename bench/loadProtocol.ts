// The messages between the bench and its load-generator processes (bench/loadWorker.ts), over the child-process IPC channel.
import type { Author } from '@shared/doc/ops.ts';
import type { WireProtocol } from './targets.ts';

export interface ClientSpec {
  /** Global index of the client over all workers. */
  index: number;
  providerUrl: string;
  room: string;
  token: string | undefined;
  author: Author;
  localAddress: string;
  protocol: WireProtocol;
  /** Board state applied before connecting (seeded targets); IPC uses structured clone, so bytes pass as they are. */
  seed: Uint8Array | undefined;
  /** A lean receiver (bench/leanClient.ts: a raw socket, no Y.Doc; never a writer) instead of a stock provider. */
  isLean?: boolean;
}

/** How the generator's receivers are built: stock y-websocket providers (the default), or lean sockets. */
export type GeneratorMode = 'stock' | 'lean';

export type WorkerRequest =
  | { type: 'open'; clients: ClientSpec[] }
  /** writers[n] is the global client index that writes note n at startAt + n * intervalMs (epoch ms). */
  | { type: 'step'; key: string; startAt: number; intervalMs: number; writers: number[] }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

export type WorkerReply =
  | { type: 'opened'; count: number }
  | { type: 'stepping' }
  | { type: 'progress'; received: number; sentCount: number }
  | {
      type: 'collected';
      sent: [number, number][];
      arrivals: [string, number, number][];
      cpuShare: number;
      /** CPU time (user + system) of the process over the step, ms. */
      cpuMs: number;
      loopDelayP99Ms: number;
      closes: number;
    }
  | { type: 'closed' }
  | { type: 'error'; message: string };
