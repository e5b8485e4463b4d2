// Decisions and export options over the real server: only the facilitator decides (4403 otherwise), and the export shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { connect, type TestClient } from '../helpers/clients.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { setDecision } from '@shared/doc/decisionOps.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

/** Generous: the suite shares two cores with the others. */
const POLL = { timeout: 10_000 };

let server: InProcessServer;
let board: CreatedBoard;
let ana: { participantId: string; token: string };
let noteId: string;

async function synced(token: string): Promise<TestClient> {
  const client = connect(server.wsUrl, board.boardId, token);
  await client.synced();
  return client;
}

async function run(body: unknown): Promise<void> {
  expect((await command(server.baseUrl, board.boardId, board.facilitatorToken, body)).status).toBe(200);
}

const exportText = async (query: string, token = board.facilitatorToken) => {
  const response = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/export?${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.text() };
};

beforeAll(async () => {
  server = await startInProcess();
  board = await createBoard(server.baseUrl);
  ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  await run({ type: 'startPhase', phase: 'post' });
  // A pause, a resume and a one-minute extension, for the session record.
  await run({ type: 'pause' });
  await run({ type: 'resume' });
  await run({ type: 'extend', minutes: 1 });
  const client = await synced(ana.token);
  const note = addNote(client.doc, {
    areaId: 'ex1-a1',
    text: 'KSK rollover plan',
    author: { id: ana.participantId, name: 'Ana', role: 'participant' },
    createdAt: Date.now(),
  });
  if (!note.ok) throw new Error(note.reason);
  noteId = note.value.id;
  const watcher = await synced(board.facilitatorToken);
  await waitFor(
    () => readBoard(watcher.doc).notes.length,
    (n) => n === 1,
  );
  client.destroy();
  watcher.destroy();
  await run({ type: 'close' });
});
afterAll(async () => {
  await server?.close();
});

describe('decisions', () => {
  it('a participant cannot mark an idea in scope (4403), not even while the room is posting', async () => {
    await run({ type: 'reopen' });
    await run({ type: 'startPhase', phase: 'post' });
    const client = await synced(ana.token);
    expect(
      setDecision(client.doc, {
        targetType: 'note',
        targetId: noteId,
        status: 'inScope',
        decidedBy: 'Ana',
        decidedAt: Date.now(),
      }).ok,
    ).toBe(true);
    await expect.poll(() => client.closes.length, POLL).toBeGreaterThan(0);
    expect(client.closes[0]).toMatchObject({
      code: 4403,
      reason: expect.stringMatching(/Only the facilitator decides/),
    });
    client.destroy();
    await run({ type: 'close' });
  });

  it('the facilitator marks it in scope with a priority, in the closed phase too, and the export lists it in scope', async () => {
    const client = await synced(board.facilitatorToken);
    expect(
      setDecision(client.doc, {
        targetType: 'note',
        targetId: noteId,
        status: 'inScope',
        priority: 'high',
        decidedBy: 'Facilitator',
        decidedAt: Date.now(),
      }).ok,
    ).toBe(true);
    const watcher = await synced(board.facilitatorToken);
    await expect.poll(() => readBoard(watcher.doc).decisions.length, POLL).toBe(1);
    expect(client.closes).toEqual([]);
    client.destroy();
    watcher.destroy();
    const md = await exportText('format=md');
    expect(md.status).toBe(200);
    expect(md.body).toMatch(/#### 3\.1\.1 [^\n]+\n[\s\S]*- KSK rollover plan \*\*\[In scope, priority high\]\*\*/);
    const csv = await exportText('format=csv');
    expect(csv.body).toMatch(/\r\nnote,[^\r\n]*,KSK rollover plan,Ana,participant,,,0,In scope,High,/);
  });
});

describe('export options', () => {
  it('takes paper, status, version, owner, drafting and time zone from the query', async () => {
    const response = await fetch(
      `${server.baseUrl}/api/boards/${board.boardId}/export?format=docx&paper=letter&status=final&version=1.0&owner=Co-chairs&drafting=omit&timeZone=Europe/Copenhagen`,
      { headers: { Authorization: `Bearer ${board.facilitatorToken}` } },
    );
    expect(response.status).toBe(200);
    const parts = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(parts['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(xml).not.toContain('DraftingNote');
    expect(xml).toContain('Co-chairs');
    const html = await exportText('format=html&paper=letter&status=review');
    expect(html.body).toContain('size: letter');
    expect(html.body).toContain('<td dir="auto">For review</td>');
  });

  it('lists the pause, resume, extension and closing in the session record, in the chosen zone with UTC beside', async () => {
    const md = await exportText('format=md&timeZone=Europe/Copenhagen');
    expect(md.body).toContain('Times are in the board\u2019s time zone, Europe/Copenhagen');
    for (const event of ['Paused', 'Resumed', 'Extended', 'Closed', 'Reopened'])
      expect(md.body).toContain(`| ${event} |`);
    expect(md.body).toContain('+1 min');
    expect(md.body).toMatch(/\d{2}:\d{2}:\d{2} \(\d{2}:\d{2}:\d{2} UTC\)/);
  });

  it('refuses a malformed option in words', async () => {
    expect(await exportText('format=md&paper=a5')).toMatchObject({
      status: 400,
      body: expect.stringContaining('Paper must be'),
    });
    expect(await exportText('format=md&timeZone=Mars/Olympus')).toMatchObject({
      status: 400,
      body: expect.stringContaining('time zone'),
    });
  });
});
