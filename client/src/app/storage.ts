// What this browser remembers in localStorage: its identity on each board, the boards it created, its device id.
import { nanoid } from 'nanoid';
import type { Role } from '@shared/model/Role.ts';

/** Who this browser is on one board. */
export interface Identity {
  participantId: string;
  token: string;
  role: Role;
  name: string;
}

/** A board this browser created, so the facilitator finds it again from the start page. */
export interface CreatedBoardEntry {
  boardId: string;
  title: string;
  facilitatorLink: string;
  createdAt: number;
}

const identityKey = (boardId: string) => `scopeboard:identity:${boardId}`;
const CREATED_KEY = 'scopeboard:createdBoards';
const DEVICE_KEY = 'scopeboard:device';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;
const ROLES: readonly string[] = ['facilitator', 'participant', 'observer'];

function readJson(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeJson(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the app still works, it just asks again next time.
  }
}

export function loadIdentity(storage: Storage, boardId: string): Identity | undefined {
  const raw = readJson(storage, identityKey(boardId)) as Partial<Identity> | undefined;
  if (!raw || typeof raw !== 'object') return undefined;
  const { participantId, token, role, name } = raw;
  if (typeof participantId !== 'string' || typeof token !== 'string' || typeof name !== 'string') return undefined;
  if (typeof role !== 'string' || !ROLES.includes(role)) return undefined;
  return { participantId, token, role, name };
}

export function saveIdentity(storage: Storage, boardId: string, identity: Identity): void {
  writeJson(storage, identityKey(boardId), identity);
}

export function forgetIdentity(storage: Storage, boardId: string): void {
  try {
    storage.removeItem(identityKey(boardId));
  } catch {
    // Nothing to forget if storage is unavailable.
  }
}

/** Newest first. */
export function loadCreatedBoards(storage: Storage): CreatedBoardEntry[] {
  const raw = readJson(storage, CREATED_KEY);
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (e): e is CreatedBoardEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.boardId === 'string' &&
        typeof e.title === 'string' &&
        typeof e.facilitatorLink === 'string' &&
        typeof e.createdAt === 'number',
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function rememberCreatedBoard(storage: Storage, entry: CreatedBoardEntry): CreatedBoardEntry[] {
  const boards = [entry, ...loadCreatedBoards(storage).filter((b) => b.boardId !== entry.boardId)];
  writeJson(storage, CREATED_KEY, boards);
  return boards;
}

/**
 * This browser's random device id (nanoid, 126 bits), sent with every join so "Remove and block" can refuse the
 * device later. Made on first use; undefined when storage is unavailable (then there is nothing to block by).
 */
export function deviceId(storage: Storage): string | undefined {
  try {
    const kept = storage.getItem(DEVICE_KEY);
    if (kept !== null && DEVICE_ID.test(kept)) return kept;
    const made = nanoid(21);
    storage.setItem(DEVICE_KEY, made);
    return storage.getItem(DEVICE_KEY) === made ? made : undefined;
  } catch {
    return undefined;
  }
}
