// Real redis-server and PostgreSQL for tests, on loopback, in temp dirs, on free ports; skips loudly when missing, fails in CI.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** PG_BIN, else the newest Debian PostgreSQL (/usr/lib/postgresql/<version>/bin). */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return path.join(root, versions[0] ?? '15', 'bin');
}
export const PG_BIN = pgBin();

function findRedis(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = path.join(dir, 'redis-server');
    if (fs.existsSync(candidate)) return candidate;
  }
  return fs.existsSync('/usr/sbin/redis-server') ? '/usr/sbin/redis-server' : undefined;
}

/** True when service tests must run (CI or REQUIRE_SERVICES): missing binaries are then a failure. */
function isRequired(): boolean {
  return Boolean(process.env.CI || process.env.REQUIRE_SERVICES);
}

/** Whether redis-server and PostgreSQL are installed; prints a banner (or throws in CI) when they are not. */
export function hasServices(): boolean {
  const missing: string[] = [];
  if (!findRedis()) missing.push('redis-server');
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) missing.push(`PostgreSQL (${PG_BIN}/initdb)`);
  if (missing.length === 0) return true;
  const message = `${missing.join(' and ')} not found (apt-get install redis-server postgresql).`;
  if (isRequired())
    throw new Error(`${message} Cluster and PostgreSQL tests are required here (CI or REQUIRE_SERVICES is set).`);
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! REDIS/POSTGRESQL TESTS SKIPPED: ${message}\n!! They did NOT run. Set REQUIRE_SERVICES=1 to make this a failure.\n${bar}\n`,
  );
  return false;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface RunningRedis {
  url: string;
  port: number;
  /** Stops Redis (SIGKILL: every key is gone, as after a crash without persistence). */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RunningRedis> {
  const binary = findRedis();
  if (!binary) throw new Error('redis-server not found');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    await waitForPort(port);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  process.once('exit', () => child?.kill('SIGKILL'));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    stop: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningPostgres {
  /** A connection string for a fresh database named `name` (created on first use). */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function pgCommand(binary: string, args: string[]): [string, string[]] {
  const full = path.join(PG_BIN, binary);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
}

export async function startPostgres(): Promise<RunningPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-pg-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (binary: string, args: string[]) => {
    const [command, full] = pgCommand(binary, args);
    execFileSync(command, full, { stdio: 'pipe' });
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // Loopback only, no unix socket in a shared place, and no fsync: a test database, not a store to keep.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  let isStopped = false;
  // Left running by a worker that ends early, it would hold memory and a port for the rest of the run.
  process.once('exit', () => {
    if (!isStopped)
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        /* already gone */
      }
  });
  const created = new Set<string>();
  const { default: pg } = await import('pg');
  return {
    database: async (name) => {
      if (!created.has(name)) {
        const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
        await admin.connect();
        await admin.query(`CREATE DATABASE "${name.replace(/[^a-z0-9_]/g, '_')}"`);
        await admin.end();
        created.add(name);
      }
      return `postgres://postgres@127.0.0.1:${port}/${name.replace(/[^a-z0-9_]/g, '_')}`;
    },
    stop: async () => {
      isStopped = true;
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
