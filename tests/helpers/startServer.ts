// Starts the real server as a child process (node + tsx) on a free port with a temp DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed so far (stdout + stderr). */
  output(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no chance to flush anything. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data directory. */
  restart(): Promise<void>;
  /** Sends a signal without waiting (SIGSTOP/SIGCONT: a paused process). */
  signal(name: NodeJS.Signals): void;
}

export interface StartOptions {
  env?: Record<string, string>;
  dataDir?: string;
  port?: number;
  /** Node flags for the server process, before its loader (the bench's BENCH_SERVER_FLAGS). */
  nodeFlags?: string[];
}

function launch(
  env: Record<string, string>,
  onOutput: (text: string) => void,
  nodeFlags: string[] = [],
): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = new Promise<number>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      onOutput(text);
      seen += text;
      const match = /listening on port (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${seen}`)));
  });
  return { child, port };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-test-'));
  let log = '';
  // Suites create boards and join far faster than people do; tests of the rate limits set their own.
  const env = {
    DATA_DIR: dataDir,
    PORT: String(options.port ?? 0),
    BOARDS_PER_MINUTE: '100000',
    JOINS_PER_MINUTE: '100000',
    ...options.env,
  };
  let current = launch(env, (text) => (log += text), options.nodeFlags);
  const port = await current.port;
  const server: RunningServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => log,
    stop: async () => {
      current.child.kill('SIGTERM');
      await exited(current.child);
    },
    kill: async () => {
      current.child.kill('SIGKILL');
      await exited(current.child);
    },
    signal: (name) => {
      current.child.kill(name);
    },
    restart: async () => {
      await exited(current.child);
      current = launch({ ...env, PORT: String(port) }, (text) => (log += text), options.nodeFlags);
      await current.port;
    },
  };
  return server;
}
