// Three real server processes on one real Redis and one real PostgreSQL database, for the cluster tests.
import { startServer, type RunningServer } from './startServer.ts';
import { startPostgres, startRedis, type RunningPostgres, type RunningRedis } from './services.ts';

export interface TestCluster {
  servers: RunningServer[];
  redis: RunningRedis;
  postgres: RunningPostgres;
  databaseUrl: string;
  /** Every server's output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A short lease keeps takeover tests quick; production defaults to 5 s. */
export const TEST_LEASE_MS = 1_500;

export async function startCluster(name: string, count = 3, env: Record<string, string> = {}): Promise<TestCluster> {
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const databaseUrl = await postgres.database(name);
  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    LEASE_TTL_MS: String(TEST_LEASE_MS),
    LOG_QUIET: '1',
    ...env,
  };
  const servers: RunningServer[] = [];
  // One at a time: they would only queue for the same schema migration lock anyway.
  // A worker that ends early (a timed-out hook) must not leave servers behind to load the machine.
  const killAll = () => {
    for (const server of servers) server.signal('SIGKILL');
  };
  process.once('exit', killAll);
  for (let i = 0; i < count; i++) servers.push(await startServer({ env: shared }));
  return {
    servers,
    redis,
    postgres,
    databaseUrl,
    output: () => servers.map((s, i) => `--- server ${i} (port ${s.port})\n${s.output()}`).join('\n'),
    stop: async () => {
      process.off('exit', killAll);
      for (const server of servers) {
        server.signal('SIGCONT');
        await server.stop();
      }
      await redis.stop();
      await postgres.stop();
    },
  };
}
