// Starts the three fan-out targets (ours, the stock reference, the bare relay) as child processes on free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

export type TargetKind = 'ours' | 'reference' | 'floor';

export interface Target {
  kind: TargetKind;
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

const ENTRY: Record<TargetKind, string> = {
  ours: 'server/src/main.ts',
  reference: 'bench/servers/referenceServer.ts',
  floor: 'bench/servers/floorServer.ts',
};

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns a target and resolves once it prints its port; rejects after 30 s or on early exit. */
export async function startTarget(kind: TargetKind, options: TargetOptions = {}): Promise<Target> {
  const dataDir = kind === 'ours' ? fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-bench-')) : undefined;
  // The bench's own NODE_OPTIONS (heap tuning of the load generator) must not leak into the servers.
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', ENTRY[kind]], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', LOG_QUIET: '1', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...options.env },
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
    pid: child.pid!,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    providerUrl: kind === 'ours' ? `ws://127.0.0.1:${port}/ws` : `ws://127.0.0.1:${port}`,
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
