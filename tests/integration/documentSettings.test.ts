// Over a real server: the facilitator's document settings (time zone, status, version, owner) are stored on the board
// and head its export; only the facilitator writes them and nobody rewrites the template facts; an inline template's
// document defaults reach the export; a plan that leaves out grouping is what the server runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, postJson, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { setDocumentControl, setTimeZone } from '@shared/doc/structureOps.ts';

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

async function synced(board: CreatedBoard, token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

async function exportText(board: CreatedBoard, query: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/export?${query}`, {
    headers: { Authorization: `Bearer ${board.facilitatorToken}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Writes with `token`'s client and returns the close code the server answered with (none: undefined). */
async function closeAfter(board: CreatedBoard, token: string, write: (doc: Y.Doc) => void) {
  const client = await synced(board, token);
  write(client.doc);
  await expect.poll(() => client.closes.length).toBeGreaterThan(0);
  client.destroy();
  return client.closes[0]!.code;
}

describe('document settings on the board', () => {
  it("are the facilitator's, stored on the board, and head the export", async () => {
    const board = await createBoard(server.baseUrl, 'Madrid follow-up');
    const facilitator = await synced(board, board.facilitatorToken);
    expect(setTimeZone(facilitator.doc, 'Europe/Madrid').ok).toBe(true);
    expect(
      setDocumentControl(facilitator.doc, {
        documentStatus: 'review',
        documentVersion: '0.4',
        documentOwner: 'SSR2 co-chairs',
      }).ok,
    ).toBe(true);
    // A second client sees what the server kept.
    const reader = await synced(board, board.facilitatorToken);
    await expect.poll(() => readBoard(reader.doc).meta?.documentOwner).toBe('SSR2 co-chairs');
    expect(facilitator.closes).toEqual([]);
    facilitator.destroy();
    reader.destroy();
    const md = await exportText(board, 'format=md');
    expect(md).toContain('| Status | For review |');
    expect(md).toContain('| Version | 0.4 |');
    expect(md).toContain('| Owner | SSR2 co-chairs |');
    expect(md).toContain('Europe/Madrid');
    // The download's own choice still wins.
    expect(await exportText(board, 'format=md&status=final')).toContain('| Status | Final |');
  });

  it('are refused from a participant, and the template facts from anyone', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    expect(await closeAfter(board, ana.token, (doc) => boardMaps(doc).meta.set('documentStatus', 'final'))).toBe(4403);
    expect(
      await closeAfter(board, board.facilitatorToken, (doc) =>
        boardMaps(doc).meta.set('templateInfo', { about: 'rewritten', mandate: '' }),
      ),
    ).toBe(4403);
    expect(
      await closeAfter(board, board.facilitatorToken, (doc) => boardMaps(doc).meta.set('documentVersion', 'v 1')),
    ).toBe(4403);
    const reader = await synced(board, board.facilitatorToken);
    const meta = readBoard(reader.doc).meta;
    reader.destroy();
    expect(meta?.documentStatus).toBeUndefined();
    expect(meta?.documentVersion).toBeUndefined();
    expect(meta?.templateInfo?.documentDefaults?.documentTitle).toBe(
      'SSR2 Review Team: Terms of Reference and Work Plan',
    );
  });
});

describe('inline templates and phase plans', () => {
  it("gives a board made from an inline template that template's document defaults", async () => {
    const template = (await (await fetch(`${server.baseUrl}/api/templates/blank`)).json()) as Record<string, unknown>;
    template.id = 'atrt4-kickoff';
    template.documentDefaults = {
      documentTitle: 'ATRT4 Review Team: Terms of Reference',
      reviewTeam: 'the ATRT4 Review Team',
      mandate: ['Bylaws Section 4.6(b): the accountability and transparency review.'],
      background: [],
    };
    const created = await postJson(`${server.baseUrl}/api/boards`, { title: 'ATRT4 kick-off', template });
    expect(created.status).toBe(201);
    const md = await exportText(created.json, 'format=md');
    expect(md.split('\n')[0]).toBe('# ATRT4 Review Team: Terms of Reference');
    expect(md).toContain('Bylaws Section 4.6(b): the accountability and transparency review.');
  });

  it('runs a plan without grouping: post, then rotate; starting group is refused in words', async () => {
    const board = await createBoard(server.baseUrl);
    const plan = { postMinutes: 5, groupMinutes: 5, rotateMinutes: 5, rotations: 1, phases: ['post', 'rotate'] };
    expect(
      (
        await command(server.baseUrl, board.boardId, board.facilitatorToken, {
          type: 'setPlan',
          exerciseId: 'ex1',
          plan,
        })
      ).status,
    ).toBe(200);
    const next = () => command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'nextPhase' });
    expect((await next()).json.session.phase).toBe('post');
    const group = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'group',
    });
    expect(group.status).toBe(409);
    expect(JSON.stringify(group.json)).toMatch(/leaves out the group phase/);
    expect((await next()).json.session.phase).toBe('rotate');
    const reader = await synced(board, board.facilitatorToken);
    expect(readBoard(reader.doc).exercises.find((e) => e.id === 'ex1')?.plan.phases).toEqual(['post', 'rotate']);
    reader.destroy();
  });
});
