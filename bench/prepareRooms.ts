// Sets up the rooms of a fan-out run: real boards and participants on our server, seeded rooms elsewhere.
import * as Y from 'yjs';
import type { Author } from '@shared/doc/ops.ts';
import { createBoard } from '@shared/doc/ops.ts';
import { getTemplate, DEFAULT_TEMPLATE_ID } from '@shared/templates/templates.ts';
import type { Target } from './targets.ts';

export interface Member {
  token: string | undefined;
  author: Author;
}

export interface RoomPlan {
  room: string;
  members: Member[];
  /** Applied to every client doc before connecting (reference and floor only). */
  seed: Uint8Array | undefined;
  /** Our server only: the board's facilitator token (for commands and export). */
  facilitatorToken?: string;
}

async function postJson(
  url: string,
  body: unknown,
  token?: string,
  attempt = 1,
): Promise<{ status: number; json: any }> {
  // A loaded machine can see a kept-alive connection reset as it is reused (undici's "fetch failed"): retry those.
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).catch((error: unknown) => {
    if (attempt >= 4) throw error;
    return undefined;
  });
  if (!response) return postJson(url, body, token, attempt + 1);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A board created from the default template, as the same bytes for every client (so merges are no-ops). */
export function templateSeed(createdAt: number): Uint8Array {
  const doc = new Y.Doc();
  const template = getTemplate(DEFAULT_TEMPLATE_ID);
  if (!template) throw new Error('default template missing');
  const created = createBoard(doc, template, { title: 'Bench board', createdAt });
  if (!created.ok) throw new Error(created.reason);
  const seed = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return seed;
}

/** Our server: a board per room via HTTP, the post phase started, one participant joined per client. */
async function prepareOurs(target: Target, boards: number, clientsPerBoard: number): Promise<RoomPlan[]> {
  return inBatches(
    Array.from({ length: boards }, (_, i) => i),
    4,
    async (boardIndex) => {
      const created = await postJson(`${target.baseUrl}/api/boards`, { title: `Bench ${boardIndex}` });
      if (created.status !== 201) throw new Error(`create board: ${created.status} ${JSON.stringify(created.json)}`);
      const { boardId, facilitatorToken, joinCode } = created.json as {
        boardId: string;
        facilitatorToken: string;
        joinCode: string;
      };
      const started = await postJson(
        `${target.baseUrl}/api/boards/${boardId}/commands`,
        { type: 'startPhase', phase: 'post' },
        facilitatorToken,
      );
      if (started.status !== 200) throw new Error(`startPhase: ${started.status} ${JSON.stringify(started.json)}`);
      const members = await inBatches(
        Array.from({ length: clientsPerBoard }, (_, i) => i),
        8,
        async (i) => {
          const name = `P${boardIndex}-${i}`;
          const joined = await postJson(`${target.baseUrl}/api/boards/${boardId}/join`, { code: joinCode, name });
          if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.json)}`);
          const { participantId, token, role } = joined.json as {
            participantId: string;
            token: string;
            role: Author['role'];
          };
          return { token, author: { id: participantId, name, role } };
        },
      );
      return { room: boardId, members, seed: undefined, facilitatorToken };
    },
  );
}

/** Reference and floor: rooms named by index, every client starting from the same template state. */
function prepareSeeded(boards: number, clientsPerBoard: number, seed: Uint8Array, firstBoard: number): RoomPlan[] {
  return Array.from({ length: boards }, (_, i) => firstBoard + i).map((b) => ({
    room: `bench-${b}`,
    seed,
    members: Array.from({ length: clientsPerBoard }, (_, i) => ({
      token: undefined,
      author: { id: `p${b}x${i}`, name: `P${b}-${i}`, role: 'participant' as const },
    })),
  }));
}

export async function prepareRooms(
  target: Target,
  boards: number,
  clientsPerBoard: number,
  seed: Uint8Array,
  /** Rooms already opened by an earlier call, so the names of seeded rooms do not repeat. */
  firstBoard = 0,
): Promise<RoomPlan[]> {
  return target.isOurs
    ? prepareOurs(target, boards, clientsPerBoard)
    : prepareSeeded(boards, clientsPerBoard, seed, firstBoard);
}
