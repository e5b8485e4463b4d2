// The settings of one server among many: Redis, how the others reach it, how long a board lease lasts, and the
// secret the servers vouch for each other's forwarded requests with.
import os from 'node:os';

export interface ClusterConfig {
  redisUrl: string;
  /** Explicit ADVERTISE_URL, or undefined to derive it from HOST and the port actually listened on. */
  advertiseUrl: string | undefined;
  leaseTtlMs: number;
  /** CLUSTER_SECRET: signs the person's address on forwarded requests. Unset: forwarded requests count as the forwarder's. */
  clusterSecret: string | undefined;
}

const MIN_SECRET_LENGTH = 32;

/** Reads REDIS_URL, ADVERTISE_URL, LEASE_TTL_MS and CLUSTER_SECRET; undefined when REDIS_URL is not set (one process). */
export function readClusterConfig(env: Record<string, string | undefined>): ClusterConfig | undefined {
  const redisUrl = env.REDIS_URL;
  if (!redisUrl) return undefined;
  if (!/^rediss?:\/\//.test(redisUrl))
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${redisUrl}")`);
  if (!env.DATABASE_URL)
    throw new Error('REDIS_URL needs DATABASE_URL too: the servers of a cluster share one PostgreSQL');
  const advertiseUrl = env.ADVERTISE_URL || undefined;
  if (advertiseUrl && !/^https?:\/\/[^/]+\/?$/.test(advertiseUrl)) {
    throw new Error(
      `ADVERTISE_URL must look like http://host:port, the address other servers reach this one at (got "${advertiseUrl}")`,
    );
  }
  const raw = env.LEASE_TTL_MS;
  const leaseTtlMs = raw ? Number(raw) : 5_000;
  if (!Number.isInteger(leaseTtlMs) || leaseTtlMs < 300 || leaseTtlMs > 10_000) {
    throw new Error(`LEASE_TTL_MS must be a whole number from 300 to 10000 (got "${raw}")`);
  }
  const clusterSecret = env.CLUSTER_SECRET || undefined;
  if (clusterSecret !== undefined && clusterSecret.length < MIN_SECRET_LENGTH) {
    // The value itself is never echoed: it is a secret.
    throw new Error(
      `CLUSTER_SECRET must be at least ${MIN_SECRET_LENGTH} characters (for example the output of "openssl rand -hex 32"), the same on every server`,
    );
  }
  return { redisUrl, advertiseUrl: advertiseUrl?.replace(/\/$/, ''), leaseTtlMs, clusterSecret };
}

/** The address other servers reach this one at when ADVERTISE_URL is not set. */
export function defaultAdvertiseUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '' ? os.hostname() : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}
