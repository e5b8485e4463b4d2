// Export over HTTP and from the command line, carry-forward into a new board, and archiving.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join, postJson, type CreatedBoard } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { addNote, createGroup, editNote, renameGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const POSTED = ['How resilient is the root server system?', '<script>alert(1)</script> & “quotes”, commas'];

let server: RunningServer;
let board: CreatedBoard;
let ana: { participantId: string; token: string };

beforeAll(async () => {
  server = await startServer();
  board = await createBoard(server.baseUrl, 'SSR2 Terms of Reference');
  ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
  await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const client = connect(server.wsUrl, board.boardId, ana.token);
  await client.synced();
  const author = { id: ana.participantId, name: 'Ana', role: 'participant' as const };
  POSTED.forEach((text, i) => addNote(client.doc, { areaId: 'ex1-a1', text, author, createdAt: i + 1 }));
  const facilitator = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  await facilitator.synced();
  await waitFor(
    () => readBoard(facilitator.doc).notes.length,
    (n) => n === 2,
  );
  const ids = readBoard(facilitator.doc).notes.map((n) => n.id);
  expect(createGroup(facilitator.doc, { areaId: 'ex1-a1', noteIds: ids, label: 'Root zone resilience' }).ok).toBe(true);
  await waitFor(
    async () => {
      const check = connect(server.wsUrl, board.boardId, board.facilitatorToken);
      await check.synced();
      const groups = readBoard(check.doc).groups.length;
      check.destroy();
      return groups;
    },
    (n) => n === 1,
  );
  client.destroy();
  facilitator.destroy();
});
afterAll(async () => {
  await server?.stop();
});

const exportUrl = (format: string, id = board.boardId) => `${server.baseUrl}/api/boards/${id}/export?format=${format}`;
const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('export over HTTP', () => {
  it('serves Markdown with a file name from the title and date', async () => {
    const response = await fetch(exportUrl('md'), auth(board.facilitatorToken));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="ssr2-terms-of-reference-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const text = await response.text();
    expect(text).toMatch(/Mandate/);
    expect(text).toMatch(/Root zone resilience/);
    expect(text).toContain('How resilient is the root server system?');
    expect(text).not.toContain('<script>');
  });

  it('a second export shows what changed since the first (the room keeps its reader), and nothing stale', async () => {
    const markdown = async () => (await fetch(exportUrl('md'), auth(board.facilitatorToken))).text();
    const first = await markdown();
    expect(first).toContain('How resilient is the root server system?');
    const facilitator = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    const { notes, groups } = readBoard(facilitator.doc);
    const note = notes.find((n) => n.text === POSTED[0])!;
    expect(editNote(facilitator.doc, note.id, 'How resilient is the root zone, really?').ok).toBe(true);
    expect(renameGroup(facilitator.doc, groups[0]!.id, 'Root zone, renamed').ok).toBe(true);
    const second = await waitFor(markdown, (text) => text.includes('Root zone, renamed'));
    expect(second).toContain('How resilient is the root zone, really?');
    expect(second).not.toContain('How resilient is the root server system?');
    expect(second).not.toContain('Root zone resilience');
    // Put the board back for the tests after this one.
    expect(editNote(facilitator.doc, note.id, POSTED[0]!).ok).toBe(true);
    expect(renameGroup(facilitator.doc, groups[0]!.id, 'Root zone resilience').ok).toBe(true);
    const third = await waitFor(markdown, (text) => text.includes('Root zone resilience'));
    expect(third).toContain('How resilient is the root server system?');
    expect(third).not.toContain('Root zone, renamed');
    facilitator.destroy();
  });

  it('serves DOCX with real headings and every note', async () => {
    const response = await fetch(exportUrl('docx'), auth(board.facilitatorToken));
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toMatch(/Heading1/);
    expect(xml).toContain('How resilient is the root server system?');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('serves CSV, HTML and JSON', async () => {
    const csv = await fetch(exportUrl('csv'), auth(board.facilitatorToken));
    expect(new Uint8Array(await csv.clone().arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(await csv.text()).toContain('"<script>alert(1)</script> & “quotes”, commas"');
    const html = await (await fetch(exportUrl('html'), auth(board.facilitatorToken))).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const json = (await (await fetch(exportUrl('json'), auth(board.facilitatorToken))).json()) as { format: string };
    expect(json.format).toBe('scopeboard-export');
  });

  it('answers 400 with the known formats, 403 for participants unless allowed, 401 without a token', async () => {
    const bad = await fetch(exportUrl('pdf'), auth(board.facilitatorToken));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/md, docx, html, json, csv/);
    expect((await fetch(exportUrl('md'), auth(ana.token))).status).toBe(403);
    expect((await fetch(exportUrl('md'))).status).toBe(401);
    await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'setParticipantsMayExport',
      allowed: true,
    });
    expect((await fetch(exportUrl('md'), auth(ana.token))).status).toBe(200);
    await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'setParticipantsMayExport',
      allowed: false,
    });
  });
});

describe('export from the command line', () => {
  it('reads the data directory while the server runs', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/export.ts', '--board', board.boardId, '--format', 'md'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: server.dataDir },
      },
    );
    expect(stdout).toContain('How resilient is the root server system?');
  });

  it('says what is wrong with an unknown board', async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'server/src/cli/export.ts', '--board', 'nope', '--format', 'md'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: server.dataDir },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/No board "nope"/) });
  });
});

describe('carrying work forward', () => {
  it('creates a new board from the grouped ideas, with new links', async () => {
    const created = await postJson(
      `${server.baseUrl}/api/boards/${board.boardId}/carry-forward`,
      {},
      board.facilitatorToken,
    );
    expect(created.status).toBe(201);
    expect(created.json.boardId).not.toBe(board.boardId);
    const client = connect(server.wsUrl, created.json.boardId, created.json.facilitatorToken);
    await client.synced();
    const next = readBoard(client.doc);
    expect(next.meta?.title).toBe('SSR2 Terms of Reference (continued)');
    expect(next.notes.map((n) => n.text).sort()).toEqual([...POSTED].sort());
    expect(next.groups.map((g) => g.label)).toEqual(['Root zone resilience']);
    expect(next.session.phase).toBe('setup');
    client.destroy();
    expect((await postJson(`${server.baseUrl}/api/boards/${board.boardId}/carry-forward`, {}, ana.token)).status).toBe(
      403,
    );
  });

  it('archives a board: it closes and refuses new joins; unarchiving lets people join again', async () => {
    const other = await createBoard(server.baseUrl);
    expect(
      (
        await postJson(
          `${server.baseUrl}/api/boards/${other.boardId}/archive`,
          { archived: true },
          other.facilitatorToken,
        )
      ).status,
    ).toBe(200);
    const refused = await postJson(`${server.baseUrl}/api/boards/${other.boardId}/join`, {
      code: other.joinCode,
      name: 'Late',
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/archived/);
    await postJson(
      `${server.baseUrl}/api/boards/${other.boardId}/archive`,
      { archived: false },
      other.facilitatorToken,
    );
    expect(
      (await postJson(`${server.baseUrl}/api/boards/${other.boardId}/join`, { code: other.joinCode, name: 'Late' }))
        .status,
    ).toBe(201);
  });
});

describe('backup from the command line', () => {
  it('copies the database while the server runs, and the copy holds the board', async () => {
    const out = path.join(server.dataDir, 'backup-test.sqlite');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/backup.ts', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir },
    });
    expect(stdout).toContain(`Backup written to ${out}`);
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-restore-'));
    fs.copyFileSync(out, path.join(restoredDir, 'scopeboard.sqlite'));
    const exported = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/export.ts', '--board', board.boardId, '--format', 'md'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: restoredDir },
      },
    );
    expect(exported.stdout).toContain(POSTED[0]);
  });
});
