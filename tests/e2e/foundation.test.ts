// Two people in one room, in real Chromium: create a board, join, post, see each other's notes and presence, survive a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

describe.runIf(hasBrowser())('foundation: two people on one board', () => {
  let room: Room;

  beforeAll(async () => {
    room = await openRoom();
  });

  afterAll(async () => {
    await room?.close();
  });

  const peopleHere = (page: Page) => page.getByRole('list', { name: /Here now/ }).innerText();
  const connection = (page: Page) => page.getByRole('status', { name: 'Connection' }).innerText();

  let participantLink = '';
  let ana: Page;
  let bo: Page;

  it('creates a board from the start page and shows its three links', async () => {
    const facilitator = await room.newPage();
    await facilitator.goto(room.server.baseUrl + '/');
    await facilitator.getByLabel('Board name', { exact: true }).fill('Copenhagen replay');
    await facilitator.getByRole('button', { name: 'Create board' }).click();
    for (const role of ['facilitator', 'participant', 'observer']) {
      await facilitator.getByRole('button', { name: `Copy ${role} link` }).waitFor();
    }
    participantLink = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
    const facilitatorLink = await facilitator.getByLabel('Facilitator link', { exact: true }).inputValue();
    expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#join=/);
    // The start page remembers the board for this browser.
    await facilitator.reload();
    await facilitator.getByRole('link', { name: 'Copenhagen replay' }).waitFor();

    // Participants may post only once the facilitator opens the post phase (the server's phase rules).
    const boardId = /\/b\/([^#]+)/.exec(facilitatorLink)![1]!;
    const token = /#f=(.+)$/.exec(facilitatorLink)![1]!;
    const started = await command(room.server.baseUrl, boardId, token, { type: 'startPhase', phase: 'post' });
    expect(started.status).toBe(200);

    // The facilitator link opens the board directly, no name asked.
    await facilitator.goto(facilitatorLink);
    await facilitator.getByRole('heading', { name: 'Copenhagen replay' }).waitFor();
    await expect.poll(() => facilitator.getByLabel('Your name', { exact: true }).count()).toBe(0);
  });

  it('lets Ana post a note that Bo sees in the same station, and shows who is here', async () => {
    ana = await room.joinAs(participantLink, 'Ana');
    bo = await room.joinAs(participantLink, 'Bo', { context: { viewport: { width: 390, height: 844 } } }); // a phone
    // The join secret leaves the address bar once used.
    expect(ana.url()).not.toContain('#join=');

    await expect.poll(() => peopleHere(ana)).toContain('Bo');
    await expect.poll(() => peopleHere(bo)).toContain('Ana');
    await expect.poll(() => connection(bo)).toBe('Connected');

    const text = 'How is the DNSSEC key rollover rehearsed?';
    const station = ana.getByLabel('Station', { exact: true });
    await station.selectOption({ label: '2. Security contingency planning (Bylaws 4.6(c)(ii)(B))' });
    const box = ana.getByLabel('Note', { exact: true });
    await box.fill(text);
    await expect.poll(() => ana.getByText(/characters left/).innerText()).toBe(`${280 - text.length} characters left`);
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');

    const inStation = (page: Page) =>
      page.getByRole('list', { name: /^2\. Security contingency planning/ }).innerText();
    await expect.poll(() => inStation(bo)).toContain(text);
    await expect.poll(() => inStation(bo)).toContain('Ana');
    const elsewhere = await bo.getByRole('list', { name: /^1\. / }).innerText();
    expect(elsewhere).not.toContain(text);

    // Right-to-left and CJK notes go through too (Bo posts from the phone, with the button this time).
    const rtl = 'كيف نختبر خطة الطوارئ؟';
    const cjk = '如何测试应急计划？';
    for (const note of [rtl, cjk]) {
      await bo.getByLabel('Note', { exact: true }).fill(note);
      await bo.getByRole('button', { name: 'Post', exact: true }).click();
    }
    await expect.poll(() => ana.getByRole('region', { name: 'Notes', exact: true }).innerText()).toContain(rtl);
    await expect.poll(() => ana.getByRole('region', { name: 'Notes', exact: true }).innerText()).toContain(cjk);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await ana.screenshot({ path: path.join(ARTIFACTS, 'foundation-ana.png') });
    await bo.screenshot({ path: path.join(ARTIFACTS, 'foundation-bo-phone.png'), fullPage: true });
  });

  it('rejoins as the same person after a reload, without asking the name again', async () => {
    await ana.reload();
    await ana.getByRole('heading', { name: /Here now/ }).waitFor();
    expect(await ana.getByLabel('Your name', { exact: true }).count()).toBe(0);
    await expect.poll(() => ana.getByText(/You are Ana/).count()).toBe(1);
    await expect.poll(() => peopleHere(bo)).toContain('Ana');
  });

  it('shows the connection dropping when the server stops, and reconnects by itself when it is back', async () => {
    await room.server.stop();
    await expect.poll(() => connection(bo), { timeout: 10_000 }).toBe('Offline – reconnecting');
    await bo.getByRole('alert').filter({ hasText: 'You are offline' }).waitFor();
    await room.server.restart();
    await expect.poll(() => connection(bo), { timeout: 15_000 }).toBe('Connected');
    await expect.poll(() => connection(ana), { timeout: 15_000 }).toBe('Connected');
    // The board is all there after the restart, and it still syncs.
    await ana.getByLabel('Note', { exact: true }).fill('Posted after the restart');
    await ana.getByRole('button', { name: 'Post', exact: true }).click();
    await expect
      .poll(() => bo.getByRole('region', { name: 'Notes', exact: true }).innerText())
      .toContain('Posted after the restart');
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
