// An in-process server with an injected clock and timers, so tests drive time instead of sleeping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../server/src/app.ts';
import { readConfig } from '../../server/src/config.ts';
import { silentLogger } from '../../server/src/log.ts';
import { openSqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import type { UpdateCheck } from '../../server/src/guard/checkUpdate.ts';
import type { Timers } from '../../server/src/rooms/RoomRegistry.ts';

/** A clock that moves only when told to, firing due timers in order. */
export class ManualClock implements Timers {
  private current: number;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(start = Date.UTC(2017, 2, 15, 9, 0, 0)) {
    this.current = start;
  }

  now = (): number => this.current;

  setTimeout(fn: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, fn, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  /** Moves time forward, running every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }
}

export interface InProcessServer {
  app: App;
  dataDir: string;
  clock: ManualClock;
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

export interface InProcessOptions {
  /** Replaces the guard (to test how rooms cope with updates the guard would refuse). */
  checkUpdate?: UpdateCheck;
  /** Starts on an existing data directory (a restart of the same server); a fresh temp dir otherwise. */
  dataDir?: string;
}

export async function startInProcess(
  env: Record<string, string> = {},
  options: InProcessOptions = {},
): Promise<InProcessServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-inproc-'));
  const config = readConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BOARDS_PER_MINUTE: '100000',
      JOINS_PER_MINUTE: '100000',
      ...env,
    },
    process.cwd(),
  );
  const storage = openSqliteStorage(config.dataDir);
  const clock = new ManualClock();
  const app = createApp({
    config,
    storage,
    log: silentLogger,
    ...(options.checkUpdate ? { checkUpdate: options.checkUpdate } : {}),
    now: clock.now,
    timers: clock,
  });
  const address = await app.listen();
  return {
    app,
    dataDir,
    clock,
    baseUrl: `http://127.0.0.1:${address.port}`,
    wsUrl: `ws://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      storage.close();
    },
  };
}
