// Removing people for good and renewing the observer link: the server's commands, refusals and closed sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStationLeftOut } from '@shared/doc/structureOps.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { startInProcess, type InProcessServer } from '../helpers/inProcess.ts';
import { command, createBoard, postJson } from '../helpers/api.ts';
import { connect } from '../helpers/clients.ts';

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server?.close();
});

const DEVICE_A = 'device-aaaaaaaaaaaaaaaaaaaa';
const DEVICE_B = 'device-bbbbbbbbbbbbbbbbbbbb';

async function joinFrom(boardId: string, code: string, name: string, deviceId?: string) {
  return postJson(`${server.baseUrl}/api/boards/${boardId}/join`, { code, name, deviceId });
}

async function me(boardId: string, token: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/boards/${boardId}/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

describe('remove and block', () => {
  it('closes their sockets and refuses their device on this board, with words a person understands', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await joinFrom(board.boardId, board.joinCode, 'Ana', DEVICE_A);
    expect(ana.status).toBe(201);
    const client = connect(server.wsUrl, board.boardId, ana.json.token);
    await client.synced();

    const removed = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: ana.json.participantId,
      block: true,
    });
    expect(removed.status).toBe(200);
    expect(removed.json.notice).toBeUndefined();
    await expect.poll(() => client.closes.map((c) => c.code)).toContain(4401);
    expect(client.closes.find((c) => c.code === 4401)!.reason).toMatch(/removed/);
    client.destroy();
    expect(await me(board.boardId, ana.json.token)).toBe(401);

    // The same device with a new name on the same link: refused.
    const again = await joinFrom(board.boardId, board.joinCode, 'Anna', DEVICE_A);
    expect(again.status).toBe(403);
    expect(again.json.error.message).toMatch(/blocked this device/);
    // The same device on the observer link of that board: refused too.
    expect((await joinFrom(board.boardId, board.observerCode, 'Anna', DEVICE_A)).status).toBe(403);
    // Another device, and the same device on another board, are not blocked.
    expect((await joinFrom(board.boardId, board.joinCode, 'Bo', DEVICE_B)).status).toBe(201);
    const other = await createBoard(server.baseUrl);
    expect((await joinFrom(other.boardId, other.joinCode, 'Ana', DEVICE_A)).status).toBe(201);
  });

  it('lets a person removed without blocking rejoin from the same device with a new name', async () => {
    const board = await createBoard(server.baseUrl);
    const ana = await joinFrom(board.boardId, board.joinCode, 'Ana', DEVICE_A);
    const removed = await command(server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'removeParticipant',
      participantId: ana.json.participantId,
    });
    expect(removed.status).toBe(200);
    expect(await me(board.boardId, ana.json.token)).toBe(401);
    expect((await joinFrom(board.boardId, board.joinCode, 'Ana again', DEVICE_A)).status).toBe(201);
  });

  it('says when there was no device to block, and refuses other roles, the facilitator and bad device ids', async () => {
    const board = await createBoard(server.baseUrl);
    const script = await joinFrom(board.boardId, board.joinCode, 'Script');
    const bo = await joinFrom(board.boardId, board.joinCode, 'Bo', DEVICE_B);
    const send = (body: unknown, token = board.facilitatorToken) => command(server.baseUrl, board.boardId, token, body);

    const byBo = await send(
      { type: 'removeParticipant', participantId: script.json.participantId, block: true },
      bo.json.token,
    );
    expect(byBo.status).toBe(403);
    const noDevice = await send({ type: 'removeParticipant', participantId: script.json.participantId, block: true });
    expect(noDevice.status).toBe(200);
    expect(noDevice.json.notice).toMatch(/could not be blocked/);

    const facilitator = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    const facilitatorId = readBoard(facilitator.doc).participants.find((p) => p.role === 'facilitator')!.id;
    facilitator.destroy();
    const self = await send({ type: 'removeParticipant', participantId: facilitatorId, block: true });
    expect(self.status).toBe(400);
    expect((await send({ type: 'removeParticipant', participantId: bo.json.participantId, block: 'yes' })).status).toBe(
      400,
    );
    const short = await joinFrom(board.boardId, board.joinCode, 'Cy', 'short');
    expect(short.status).toBe(400);
    expect(short.json.error.message).toMatch(/deviceId/);
  });
});

describe('renew observer code', () => {
  it('gives a new observer link and disconnects observers of the old one; participants stay', async () => {
    const board = await createBoard(server.baseUrl);
    const watcher = await joinFrom(board.boardId, board.observerCode, 'Olga', DEVICE_A);
    const ana = await joinFrom(board.boardId, board.joinCode, 'Ana', DEVICE_B);
    const observer = connect(server.wsUrl, board.boardId, watcher.json.token);
    const participant = connect(server.wsUrl, board.boardId, ana.json.token);
    await Promise.all([observer.synced(), participant.synced()]);

    expect((await command(server.baseUrl, board.boardId, ana.json.token, { type: 'renewObserverCode' })).status).toBe(
      403,
    );
    const renewed = await command(server.baseUrl, board.boardId, board.facilitatorToken, { type: 'renewObserverCode' });
    expect(renewed.status).toBe(200);
    expect(renewed.json.observerCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(renewed.json.observerCode).not.toBe(board.observerCode);

    await expect.poll(() => observer.closes.map((c) => c.code)).toContain(4401);
    expect(observer.closes.find((c) => c.code === 4401)!.reason).toMatch(/observer link/);
    expect(await me(board.boardId, watcher.json.token)).toBe(401);
    expect(participant.closes).toEqual([]);
    expect(await me(board.boardId, ana.json.token)).toBe(200);

    expect((await joinFrom(board.boardId, board.observerCode, 'Olga')).status).toBe(403);
    const back = await joinFrom(board.boardId, renewed.json.observerCode, 'Olga');
    expect([back.status, back.json.role]).toEqual([201, 'observer']);
    const links = await fetch(`${server.baseUrl}/api/boards/${board.boardId}/links`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    }).then((r) => r.json() as Promise<{ links: { observer: string } }>);
    expect(links.links.observer).toContain(`#watch=${renewed.json.observerCode}`);
    observer.destroy();
    participant.destroy();
  });
});

describe('small rooms', () => {
  it('balances the room over the stations left in the exercise, at the default minimum team size of 4', async () => {
    const board = await createBoard(server.baseUrl);
    const facilitator = connect(server.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    const stations = readBoard(facilitator.doc).areas.filter((a) => a.exerciseId === 'ex1');
    expect(stations).toHaveLength(5);
    for (const area of stations.slice(2)) expect(setStationLeftOut(facilitator.doc, area.id, true).ok).toBe(true);

    const people: { token: string; client: ReturnType<typeof connect> }[] = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal']) {
      const joined = await joinFrom(board.boardId, board.joinCode, name);
      const client = connect(server.wsUrl, board.boardId, joined.json.token);
      await client.synced();
      people.push({ ...joined.json, client });
    }
    // The server took the facilitator's change: everyone else sees the three stations left out.
    await expect.poll(() => readBoard(people[0]!.client.doc).areas.filter((a) => a.isLeftOut).length).toBe(3);
    const send = (body: unknown) => command(server.baseUrl, board.boardId, board.facilitatorToken, body);
    await send({ type: 'startPhase', phase: 'post' });
    const group = await send({ type: 'startPhase', phase: 'group' });
    expect(group.status).toBe(200);
    expect(group.json.session.teams.map((t: string[]) => t.length)).toEqual([4, 4]);
    expect(group.json.notice).toBeUndefined();
    for (const person of people) person.client.destroy();
    facilitator.destroy();
  });
});
