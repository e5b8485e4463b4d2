// Facilitator commands over HTTP, and the session clock driven by an injected clock (no sleeps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, join, postJson } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';
import { readBoard } from '@shared/doc/readBoard.ts';

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

const MINUTE = 60_000;

describe('commands endpoint', () => {
  it('answers 200 with the session, 400 malformed, 403 other roles, 409 not now, 401 no token', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const send = (body: unknown, token = board.facilitatorToken) => command(server.baseUrl, board.boardId, token, body);

    const started = await send({ type: 'startPhase', phase: 'post' });
    expect(started.status).toBe(200);
    expect(started.json.session).toMatchObject({
      phase: 'post',
      exerciseId: 'ex1',
      endsAt: server.clock.now() + 15 * MINUTE,
    });

    expect((await send({ type: 'warp' })).status).toBe(400);
    expect((await send({ type: 'extend', minutes: -3 })).status).toBe(400);
    expect((await send('not json')).status).toBe(400);
    const participantTry = await send({ type: 'nextPhase' }, ana.token);
    expect(participantTry.status).toBe(403);
    expect(participantTry.json.error.message).toMatch(/facilitator/i);
    expect((await send({ type: 'rotate' })).status).toBe(409);
    expect((await postJson(`${server.baseUrl}/api/boards/${board.boardId}/commands`, { type: 'pause' })).status).toBe(
      401,
    );
    expect((await send({ type: 'markDone', done: true }, ana.token)).json.session.done).toEqual([ana.participantId]);
  });

  it('pause keeps the remaining time, resume restores it, extend adds to it', async () => {
    const board = await createBoard(server.baseUrl);
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    await send({ type: 'startPhase', phase: 'post', minutes: 10 });
    server.clock.advance(4 * MINUTE);
    const paused = await send({ type: 'pause' });
    expect(paused.json.session).toMatchObject({ endsAt: null, pausedRemainingMs: 6 * MINUTE });
    server.clock.advance(30 * MINUTE);
    const resumed = await send({ type: 'resume' });
    expect(resumed.json.session.endsAt).toBe(server.clock.now() + 6 * MINUTE);
    const extended = await send({ type: 'extend', minutes: 5 });
    expect(extended.json.session.endsAt).toBe(server.clock.now() + 11 * MINUTE);
  });

  it('runs exercise 1 through its phases and rotations, recording actual times, and every client sees it', async () => {
    const board = await createBoard(server.baseUrl);
    const people = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'])
      people.push(await join(server.baseUrl, board.boardId, board.joinCode, name));
    const clients = people.map((p) => connect(server.wsUrl, board.boardId, p.token));
    await Promise.all(clients.map((c) => c.synced()));
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);

    await send({ type: 'startPhase', phase: 'post' });
    server.clock.advance(15 * MINUTE);
    const group = await send({ type: 'nextPhase' });
    expect(group.json.session.phase).toBe('group');
    expect(group.json.session.teams).toHaveLength(5);
    expect(group.json.session.teams.flat().sort()).toEqual(people.map((p) => p.participantId).sort());
    expect(group.json.notice).toMatch(/4/);
    server.clock.advance(5 * MINUTE);
    const rotate = await send({ type: 'nextPhase' });
    expect(rotate.json.session).toMatchObject({ phase: 'rotate', rotation: 1, stationOffset: 1 });
    server.clock.advance(15 * MINUTE);
    expect((await send({ type: 'rotate' })).json.session).toMatchObject({ rotation: 2, stationOffset: 2 });
    expect((await send({ type: 'rotate' })).status).toBe(409);
    const next = await send({ type: 'nextPhase' });
    expect(next.json.session).toMatchObject({ phase: 'setup', exerciseId: 'ex2' });

    await expect.poll(() => readBoard(clients[0]!.doc).session.exerciseId).toBe('ex2');
    const log = readBoard(clients[0]!.doc).session.log;
    expect(log.map((r) => [r.phase, r.rotation ?? 0])).toEqual([
      ['post', 0],
      ['group', 0],
      ['rotate', 1],
      ['rotate', 2],
    ]);
    expect(log[0]!.endedAt! - log[0]!.startedAt).toBe(15 * MINUTE);
    expect(log.every((r) => r.endedAt !== null)).toBe(true);
    for (const c of clients) c.destroy();
  });

  it('with auto-advance, time up asks the room, then advances when nobody wants more time', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await join(server.baseUrl, board.boardId, board.joinCode, 'Ana');
    const client = connect(server.wsUrl, board.boardId, ana.token);
    await client.synced();
    const send = (body: unknown, token = board.facilitatorToken) => command(server.baseUrl, board.boardId, token, body);
    await send({ type: 'setAutoAdvance', enabled: true });
    await send({ type: 'startPhase', phase: 'post', minutes: 1 });
    server.clock.advance(MINUTE);
    await expect.poll(() => readBoard(client.doc).session.moreTimePoll).not.toBeNull();
    expect((await send({ type: 'answerMoreTime', needMoreTime: false }, ana.token)).status).toBe(200);
    server.clock.advance(20_000);
    await expect.poll(() => readBoard(client.doc).session.phase).toBe('group');
    expect(readBoard(client.doc).session.lastPoll).toMatchObject({ keptPhase: false, no: 1 });
    client.destroy();
  });

  it('without auto-advance, time up changes nothing: the facilitator decides', async () => {
    const board = await createBoard(server.baseUrl);
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    await send({ type: 'startPhase', phase: 'post', minutes: 1 });
    server.clock.advance(5 * MINUTE);
    const client = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await client.synced();
    expect(readBoard(client.doc).session).toMatchObject({ phase: 'post', moreTimePoll: null });
    client.destroy();
  });

  it('renews the join code: the old one stops working, the new one joins', async () => {
    const board = await createBoard(server.baseUrl);
    const renewed = await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'renewJoinCode' });
    expect(renewed.status).toBe(200);
    expect(renewed.json.joinCode).toBeTruthy();
    // The session says when (so a projector reloads its QR code), never what: the code stays out of the doc.
    expect(renewed.json.session.joinCodeRenewedAt).toEqual(expect.any(Number));
    expect(JSON.stringify(renewed.json.session)).not.toContain(renewed.json.joinCode);
    const old = await postJson(`${server.baseUrl}/api/boards/${board.boardId}/join`, {
      code: board.joinCode,
      name: 'Late',
    });
    expect(old.status).toBe(403);
    expect((await join(server.baseUrl, board.boardId, renewed.json.joinCode, 'Late')).role).toBe('participant');
  });
});
