// Templates over HTTP: list and fetch, create from an id or an inline object, import an export, save as template; every refusal.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.ts';
import { command, createBoard, join, postJson, type CreatedBoard } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

let server: RunningServer;
let source: CreatedBoard;
let exported: any;

const get = async (url: string, token?: string): Promise<{ status: number; json: any }> => {
  const response = await fetch(
    `${server.baseUrl}${url}`,
    token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, json: await response.json() };
};
const create = (body: unknown) => postJson(`${server.baseUrl}/api/boards`, body);
/** Boards in the server's own SQLite file, to show a refused request created nothing. */
function boardCount(): number {
  const db = new Database(path.join(server.dataDir, 'scopeboard.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
async function boardDoc(board: { boardId: string; facilitatorToken: string }) {
  const client = connect(server.wsUrl, board.boardId, board.facilitatorToken);
  await client.synced();
  const read = readBoard(client.doc);
  client.destroy();
  return read;
}

beforeAll(async () => {
  server = await startServer({ env: { MAX_NOTES_PER_BOARD: '50', MAX_HTTP_BODY_BYTES: '200000' } });
  source = await createBoard(server.baseUrl, 'Copenhagen session');
  const ana = await join(server.baseUrl, source.boardId, source.joinCode, 'Ana');
  await command(server.baseUrl, source.boardId, source.facilitatorToken, { type: 'startPhase', phase: 'post' });
  const client = connect(server.wsUrl, source.boardId, ana.token);
  await client.synced();
  addNote(client.doc, {
    areaId: 'ex1-a1',
    text: 'Who coordinates KSK rollover?',
    author: { id: ana.participantId, name: 'Ana', role: 'participant' },
    createdAt: 1,
  });
  await waitFor(
    async () => (await boardDoc(source)).notes.length,
    (n) => n === 1,
  );
  client.destroy();
  const response = await fetch(`${server.baseUrl}/api/boards/${source.boardId}/export?format=json`, {
    headers: { Authorization: `Bearer ${source.facilitatorToken}` },
  });
  exported = await response.json();
});
afterAll(async () => {
  await server?.stop();
});

describe('template catalogue', () => {
  it('lists the templates with ids and titles', async () => {
    const { status, json } = await get('/api/templates');
    expect(status).toBe(200);
    expect(json.templates.map((t: any) => t.id)).toEqual([
      'ssr2-copenhagen',
      'blank',
      'start-stop-continue',
      'world-cafe',
    ]);
    expect(json.templates.every((t: any) => typeof t.title === 'string')).toBe(true);
  });

  it('returns one template as JSON, and 404 for an unknown one', async () => {
    const { status, json } = await get('/api/templates/world-cafe');
    expect([status, json.format, json.id, json.exercises[0].plan.rotations]).toEqual([
      200,
      'scopeboard-template',
      'world-cafe',
      3,
    ]);
    expect((await get('/api/templates/nope')).status).toBe(404);
  });
});

describe('creating boards from templates', () => {
  it('creates from a catalogue id, with the Copenhagen ground rules and team size of four', async () => {
    const { status, json } = await create({ template: 'start-stop-continue' });
    expect(status).toBe(201);
    const board = await boardDoc(json);
    expect(board.areas.map((a) => a.title)).toEqual(['Start', 'Stop', 'Continue']);
    expect(board.session.votingEnabled).toBe(true);
    const ssr = await boardDoc(source);
    expect([ssr.minTeamSize, ssr.groundRules.length]).toEqual([4, 6]);
  });

  it('creates from the alternative station set', async () => {
    const { status, json } = await create({ template: 'ssr2-copenhagen', stationSet: 'ex1-qualities' });
    expect(status).toBe(201);
    const board = await boardDoc(json);
    expect(board.areas.filter((a) => a.exerciseId === 'ex1').map((a) => a.title)[0]).toBe('Operational stability');
  });

  it('creates from an inline template object of the GET /api/templates/:id shape', async () => {
    const { json: template } = await get('/api/templates/blank');
    template.id = 'our-retro';
    template.exercises[0].areas[0].title = 'What went well';
    const { status, json } = await create({ title: 'Our retro', template });
    expect(status).toBe(201);
    const board = await boardDoc(json);
    expect([board.meta?.title, board.meta?.templateId, board.areas[0]?.title]).toEqual([
      'Our retro',
      'our-retro',
      'What went well',
    ]);
  });

  it('saves a board as a template (facilitator only) that starts a new board', async () => {
    const ana = await join(server.baseUrl, source.boardId, source.joinCode, 'Bo');
    expect((await get(`/api/boards/${source.boardId}/template`, ana.token)).status).toBe(403);
    const { status, json: template } = await get(`/api/boards/${source.boardId}/template`, source.facilitatorToken);
    expect(status).toBe(200);
    expect([template.format, template.minTeamSize, template.exercises.length]).toEqual(['scopeboard-template', 4, 2]);
    expect(JSON.stringify(template)).not.toContain('KSK');
    const created = await create({ template });
    expect(created.status).toBe(201);
    expect((await boardDoc(created.json)).areas.length).toBe(10);
  });
});

describe('importing a board', () => {
  it('creates a board with every note, kept authorship and the earlier session as history', async () => {
    const { status, json } = await create({ import: exported });
    expect(status).toBe(201);
    const board = await boardDoc(json);
    expect(board.notes.map((n) => [n.text, n.authorName])).toEqual([['Who coordinates KSK rollover?', 'Ana']]);
    expect(board.participants.map((p) => p.role)).toEqual(['facilitator']);
    expect(board.earlierSessions?.[0]?.boardTitle).toBe('Copenhagen session');
    expect(board.earlierSessions?.[0]?.log[0]?.phase).toBe('post');
    expect(board.session.phase).toBe('setup');
  });
});

describe('refusals: a JSON error naming the field, and nothing created', () => {
  const bigNote = () => ({
    ...exported,
    board: { ...exported.board, notes: exported.board.notes.map((n: any) => ({ ...n, text: 'x'.repeat(281) })) },
  });
  const manyNotes = () => ({
    ...exported,
    board: {
      ...exported.board,
      notes: Array.from({ length: 51 }, (_, i) => ({ ...exported.board.notes[0], id: `n${i}` })),
    },
  });
  const cases: [string, () => unknown, number, string, RegExp][] = [
    ['an unknown template id', () => ({ template: 'kanban' }), 400, 'template', /Unknown template "kanban"/],
    [
      'a template that is neither id nor object',
      () => ({ template: 42 }),
      400,
      'template',
      /template id or a template object/,
    ],
    [
      'an inline template with duplicate ids',
      () => ({
        template: {
          id: 't',
          title: 'T',
          exercises: [
            {
              id: 'e',
              title: 'E',
              plan: { postMinutes: 1, groupMinutes: 1, rotateMinutes: 1, rotations: 0 },
              areas: [{ id: 'e', title: 'A' }],
            },
          ],
        },
      }),
      400,
      'template.exercises.0.areas.0.id',
      /used twice/,
    ],
    [
      'an inline template without exercises',
      () => ({ template: { id: 't', title: 'T', exercises: [] } }),
      400,
      'template.exercises',
      /at least one exercise/,
    ],
    [
      'a newer template version',
      () => ({ template: { id: 't', title: 'T', version: 9, exercises: [] } }),
      400,
      'template.version',
      /newer/,
    ],
    ['an unknown station set', () => ({ stationSet: 'nope' }), 400, 'stationSet', /no station set/],
    ['both a template and an import', () => ({ template: 'blank', import: exported }), 400, 'import', /not both/],
    [
      'an import of another format',
      () => ({ import: { format: 'miro', version: 1 } }),
      400,
      'import.format',
      /not a Scopeboard JSON export/,
    ],
    [
      'an import of a newer version',
      () => ({ import: { ...exported, version: 7 } }),
      400,
      'import.version',
      /newer than this server reads/,
    ],
    [
      'an import with a station pointing at a missing exercise',
      () => ({
        import: {
          ...exported,
          board: {
            ...exported.board,
            areas: exported.board.areas.map((a: any, i: number) => (i === 0 ? { ...a, exerciseId: 'gone' } : a)),
          },
        },
      }),
      400,
      'import.board.areas.0.exerciseId',
      /not in the export/,
    ],
    [
      'an import with a note over the length limit',
      () => ({ import: bigNote() }),
      400,
      'import.board.notes.0',
      /1 to 280 characters/,
    ],
    [
      'an import with more notes than the board limit',
      () => ({ import: manyNotes() }),
      413,
      'import.board.notes',
      /at most 50/,
    ],
  ];
  it.each(cases)('refuses %s', async (_name, body, status, field, message) => {
    const before = boardCount();
    const response = await create(body());
    expect(response.status).toBe(status);
    expect(response.json.error.message).toMatch(message);
    expect(response.json.error.details.map((d: any) => d.path)).toContain(field);
    expect(boardCount()).toBe(before);
  });

  it('refuses a body that is not JSON, and one over the size limit', async () => {
    const before = boardCount();
    expect((await create('{"import": ')).json.error.code).toBe('bad_json');
    const huge = await create({ import: { ...exported, padding: 'x'.repeat(250_000) } });
    expect([huge.status, huge.json.error.code]).toEqual([413, 'too_large']);
    expect(boardCount()).toBe(before);
  });
});
