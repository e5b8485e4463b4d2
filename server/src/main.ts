// The composition root: reads the environment into a Config, opens the store, starts the server, stops it cleanly.
import './v8Tiering.ts';
import './v8YoungGeneration.ts';
import os from 'node:os';
import { readConfig } from './config.ts';
import { consoleLogger } from './log.ts';
import { openSqliteStorage } from './storage/SqliteStorage.ts';
import { openPostgresStorage, type PostgresStorage } from './storage/PostgresStorage.ts';
import type { Storage } from './storage/Storage.ts';
import { readClusterConfig, type ClusterConfig } from './cluster/clusterConfig.ts';
import type { Cluster } from './cluster/Cluster.ts';
import { Metrics } from './metrics/Metrics.ts';
import { createApp } from './app.ts';

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

async function main(): Promise<void> {
  const log = consoleLogger({ quiet: process.env.LOG_QUIET === '1' });
  let config;
  let storage: Storage;
  let clusterConfig: ClusterConfig | undefined;
  let postgres: PostgresStorage | undefined;
  // Loaded only for many servers: ioredis costs ~10 MB of memory that one server never uses.
  let ClusterClass: typeof Cluster | undefined;
  try {
    config = readConfig(process.env, process.cwd());
    clusterConfig = readClusterConfig(process.env);
    // DATABASE_URL: PostgreSQL, shared by every server; with REDIS_URL too, its doc writes are fenced by lease epochs.
    if (process.env.DATABASE_URL)
      postgres = await openPostgresStorage(process.env.DATABASE_URL, { isFenced: Boolean(clusterConfig) });
    if (clusterConfig && postgres) ClusterClass = (await import('./cluster/Cluster.ts')).Cluster;
    storage =
      postgres ??
      openSqliteStorage(config.dataDir, { synchronous: config.sqliteSynchronous, checkpointInBackground: true });
  } catch (error) {
    console.error(`Scopeboard cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  // A damaged board (a checksum or a log entry that does not match) is reported now and refused later; every other
  // board is served. Both stores keep a CRC-32 with each snapshot and log row.
  for (const damaged of await storage.verifyAll()) {
    log.error(`${damaged.message} It will not be served; restore it from a backup (see docs/operations.md).`, {
      boardId: damaged.boardId,
    });
  }
  const app = createApp({
    config,
    storage,
    log,
    metrics: new Metrics(),
    ...(clusterConfig && postgres && ClusterClass
      ? {
          cluster: (services) =>
            new ClusterClass({
              config: clusterConfig,
              host: config.host,
              registry: services.registry,
              fence: postgres,
              log,
              maxMessageBytes: config.limits.maxMessageBytes,
              events: services.events,
              authenticate: (boardId, token) => services.boards.authenticate(boardId, token),
              sessions: services.sessions,
            }),
        }
      : {}),
  });
  let address;
  try {
    address = await app.listen();
  } catch (error) {
    console.error(`Scopeboard cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    process.exit(1);
  }
  const port = address.port;
  const urls = [`http://localhost:${port}`];
  if (config.host === '0.0.0.0' || config.host === '::')
    urls.push(...lanAddresses().map((ip) => `http://${ip}:${port}`));
  else if (config.host !== 'localhost' && config.host !== '127.0.0.1') urls.push(`http://${config.host}:${port}`);
  // Tests and scripts read this line to find the port.
  const where = postgres
    ? `data in PostgreSQL${clusterConfig ? ', one of many servers on Redis' : ''}`
    : `data in ${config.dataDir}`;
  console.log(`Scopeboard listening on port ${port}: ${urls.join('  ')}  (${where})`);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info(`received ${signal}; closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // One bad request must never take the process down; log it and keep serving.
  process.on('uncaughtException', (error) => log.error('uncaught exception', { error: error.stack ?? String(error) }));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error: String(error) }));
}

void main();
