// Server configuration: every setting with its default and limits, read from an environment object.
import path from 'node:path';

export interface Limits {
  /** Largest websocket message accepted; larger ones close the connection with 4413. */
  maxMessageBytes: number;
  /** Sustained websocket messages per second per connection, with a burst allowance; over it: 4429. */
  messagesPerSecond: number;
  messageBurst: number;
  maxNotesPerBoard: number;
  maxConnectionsPerBoard: number;
  maxConnectionsPerAddress: number;
  /** Connections one participant's token may hold open on a board (the facilitator is never refused). */
  maxConnectionsPerParticipant: number;
  /** Bytes waiting in one socket's send buffer beyond which the peer is cut off as too slow (4408). */
  maxSendBufferBytes: number;
  /** People (participants and observers) who may join one board. */
  maxParticipantsPerBoard: number;
  /** Boards one address may create per minute (burst of the same size); over it: 429. */
  boardsPerMinute: number;
  /** Joins one address may make per minute (burst of the same size); over it: 429. */
  joinsPerMinute: number;
  /** Size of a board's encoded document beyond which further writes are refused. */
  maxBoardBytes: number;
  maxHttpBodyBytes: number;
  /** Largest awareness state (presence, drag) per client, as JSON. */
  maxAwarenessBytes: number;
  /** All presence states of one board together, as JSON; a state that would pass it is dropped. */
  maxPresenceBytesPerRoom: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Directory of the built client; served for every non-API path. */
  clientDir: string;
  /** A room with no connections is unloaded from memory after this long. */
  roomIdleMs: number;
  /** Log entries per board before the log is compacted into a snapshot. */
  compactEvery: number;
  /** SQLite synchronous mode: NORMAL survives a process crash (kill -9); FULL also survives power loss. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  limits: Limits;
  /** Origins besides the server's own that may open sockets and send state-changing requests. */
  allowedOrigins: string[];
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  maxNotesPerBoard: 10_000,
  maxConnectionsPerBoard: 500,
  maxConnectionsPerAddress: 200,
  maxConnectionsPerParticipant: 4,
  maxSendBufferBytes: 32 * 1024 * 1024,
  maxParticipantsPerBoard: 500,
  boardsPerMinute: 30,
  joinsPerMinute: 120,
  maxBoardBytes: 20 * 1024 * 1024,
  maxHttpBodyBytes: 1024 * 1024,
  maxAwarenessBytes: 8 * 1024,
  maxPresenceBytesPerRoom: 1024 * 1024,
};

function int(env: Record<string, string | undefined>, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
  return value;
}

/** ALLOWED_ORIGINS: a comma-separated list of origins such as https://board.example.org. */
function readOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        throw new Error(`ALLOWED_ORIGINS must list origins like https://board.example.org (got "${item}")`);
      }
      if (url.origin === 'null' || url.origin !== item.replace(/\/$/, '')) {
        throw new Error(
          `ALLOWED_ORIGINS must list origins like https://board.example.org, without a path (got "${item}")`,
        );
      }
      return url.origin;
    });
}

/** Reads the configuration; throws an Error whose message names the bad variable. */
export function readConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const port = int(env, 'PORT', 8080);
  if (port > 65535) throw new Error(`PORT must be at most 65535 (got ${port})`);
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') throw new Error('SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || './client/dist'),
    roomIdleMs: int(env, 'ROOM_IDLE_MS', 30_000),
    compactEvery: int(env, 'COMPACT_EVERY', 500, 1),
    sqliteSynchronous: synchronous,
    allowedOrigins: readOrigins(env.ALLOWED_ORIGINS),
    limits: {
      maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes, 1024),
      messagesPerSecond: int(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond, 1),
      messageBurst: int(env, 'MESSAGE_BURST', DEFAULT_LIMITS.messageBurst, 1),
      maxNotesPerBoard: int(env, 'MAX_NOTES_PER_BOARD', DEFAULT_LIMITS.maxNotesPerBoard, 1),
      maxConnectionsPerBoard: int(env, 'MAX_CONNECTIONS_PER_BOARD', DEFAULT_LIMITS.maxConnectionsPerBoard, 1),
      maxConnectionsPerAddress: int(env, 'MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_LIMITS.maxConnectionsPerAddress, 1),
      maxConnectionsPerParticipant: int(
        env,
        'MAX_CONNECTIONS_PER_PARTICIPANT',
        DEFAULT_LIMITS.maxConnectionsPerParticipant,
        1,
      ),
      maxSendBufferBytes: int(env, 'MAX_SEND_BUFFER_BYTES', DEFAULT_LIMITS.maxSendBufferBytes, 64 * 1024),
      maxParticipantsPerBoard: int(env, 'MAX_PARTICIPANTS_PER_BOARD', DEFAULT_LIMITS.maxParticipantsPerBoard, 1),
      boardsPerMinute: int(env, 'BOARDS_PER_MINUTE', DEFAULT_LIMITS.boardsPerMinute, 1),
      joinsPerMinute: int(env, 'JOINS_PER_MINUTE', DEFAULT_LIMITS.joinsPerMinute, 1),
      maxBoardBytes: int(env, 'MAX_BOARD_BYTES', DEFAULT_LIMITS.maxBoardBytes, 1024),
      maxHttpBodyBytes: int(env, 'MAX_HTTP_BODY_BYTES', DEFAULT_LIMITS.maxHttpBodyBytes, 1024),
      maxAwarenessBytes: int(env, 'MAX_AWARENESS_BYTES', DEFAULT_LIMITS.maxAwarenessBytes, 256),
      maxPresenceBytesPerRoom: int(env, 'MAX_PRESENCE_BYTES_PER_ROOM', DEFAULT_LIMITS.maxPresenceBytesPerRoom, 1024),
    },
  };
}
