// Starts the bench targets (ours compiled, the stock reference, Hocuspocus with and without SQLite, the bare relay) as child processes on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript module of the start scripts, without type declarations.
import { buildServer } from '../scripts/buildServer.mjs';
import { build } from 'esbuild';

export const ROOT = path.resolve(import.meta.dirname, '..');

export type TargetKind = 'ours' | 'ours-tsx' | 'reference' | 'hocuspocus' | 'hocuspocus-sqlite' | 'floor';

export const TARGET_KINDS: TargetKind[] = ['ours', 'ours-tsx', 'reference', 'hocuspocus', 'hocuspocus-sqlite', 'floor'];

/** Every target but Hocuspocus speaks the stock y-websocket protocol; Hocuspocus prefixes each frame with the document name. */
export type WireProtocol = 'y-websocket' | 'hocuspocus';

export interface Target {
  kind: TargetKind;
  protocol: WireProtocol;
  /** Our server (compiled or through tsx): boards, tokens and limits; the others take any room name. */
  isOurs: boolean;
  pid: number;
  port: number;
  baseUrl: string;
  /** The url handed to WebsocketProvider (the room name is appended by the provider). */
  providerUrl: string;
  /** Only for `ours`: the data directory holding scopeboard.sqlite. */
  dataDir: string | undefined;
  output(): string;
  stop(): Promise<void>;
}

export interface TargetOptions {
  env?: Record<string, string>;
  /** Extra node flags for the server child, e.g. ['--cpu-prof', '--cpu-prof-dir=...']. */
  nodeFlags?: string[];
}

/** ours runs what `npm start` runs (compiled JavaScript); ours-tsx the TypeScript through the tsx loader, as before. */
const ENTRY: Record<TargetKind, string> = {
  ours: 'dist/server/main.js',
  'ours-tsx': 'server/src/main.ts',
  reference: 'bench/servers/referenceServer.ts',
  hocuspocus: 'bench/servers/hocuspocusServer.ts',
  'hocuspocus-sqlite': 'bench/servers/hocuspocusServer.ts',
  floor: 'bench/servers/floorServer.ts',
};

export const isOurs = (kind: TargetKind) => kind === 'ours' || kind === 'ours-tsx';

/** What heapProbe.mjs reports of a target's memory after a full garbage collection. */
export interface MemorySample {
  heapUsed: number;
  rss: number;
  newSpace: number;
  /** V8's heap as reserved (all spaces, young generation included), and memory outside it held by JS objects. */
  heapTotal: number;
  external: number;
}

/** Asks a target (started with heapProbe.mjs) for its heap and RSS after a full garbage collection. */
export async function sampleMemory(target: Target): Promise<MemorySample> {
  const before = target.output().length;
  process.kill(target.pid, 'SIGUSR2');
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const line = /bench-memory [^\n]*\n/.exec(target.output().slice(before))?.[0];
    if (line) {
      const field = (name: string) => Number(new RegExp(`[ ,=]${name}[=:](\\d+)`).exec(line)?.[1] ?? 0);
      return {
        heapUsed: field('heapUsed'),
        rss: field('rss'),
        newSpace: field('new_space'),
        heapTotal: field('heapTotal'),
        external: field('external'),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${target.kind} did not report its memory`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The references run as compiled JavaScript too, as ours does: a loader would add ~40 MB to everyone's base RSS. */
async function compiledReference(source: string): Promise<string> {
  const outfile = path.join(ROOT, 'dist/bench', path.basename(source).replace(/\.ts$/, '.js'));
  await build({
    entryPoints: [path.join(ROOT, source)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Spawns a target and resolves once it prints its port; rejects after 30 s or on early exit. */
export async function startTarget(kind: TargetKind, options: TargetOptions = {}): Promise<Target> {
  const hasData = isOurs(kind) || kind === 'hocuspocus-sqlite';
  const dataDir = hasData ? fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-bench-')) : undefined;
  if (kind === 'ours') await buildServer();
  const entry = kind === 'ours' || kind === 'ours-tsx' ? ENTRY[kind] : await compiledReference(ENTRY[kind]);
  // The bench's own NODE_OPTIONS (heap tuning of the load generator) must not leak into the servers.
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const probe = ['--expose-gc', '--import', './bench/servers/heapProbe.mjs'];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...probe, ...loader, entry], {
    cwd: ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_QUIET: '1',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      // Every bench client comes from one address: the per-address limits on creating and joining boards would
      // refuse the load generator itself (2,000 joins), so they are raised; the per-socket limits stay.
      ...(isOurs(kind) ? { JOINS_PER_MINUTE: '1000000', BOARDS_PER_MINUTE: '1000000' } : {}),
      ...(kind === 'hocuspocus-sqlite' && dataDir
        ? { BENCH_HOCUSPOCUS_SQLITE: path.join(dataDir, 'hocuspocus.sqlite') }
        : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start within 30 s:\n${log}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on port (\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code} before listening:\n${log}`));
    });
  });
  return {
    kind,
    protocol: kind.startsWith('hocuspocus') ? 'hocuspocus' : 'y-websocket',
    isOurs: isOurs(kind),
    pid: child.pid!,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    providerUrl: isOurs(kind) ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`,
    dataDir,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(force);
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
