// Import, export and carry-forward in real Chromium: the facilitator imports outside input, previews and downloads the scope document.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getTemplate, DEFAULT_TEMPLATE_ID } from '@shared/templates/templates.ts';
import { createBoard, postJson, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { chooseFromBoardMenu, openConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SOURCE = 'Public consultation, 12 March 2017';
const FIRST = 'Review how the root zone key rollover was rehearsed';
const TOO_LONG = `The Review Team should ${'look again at every contingency plan '.repeat(8)}`.trim();
const SECOND = 'Ask ICANN staff for the incident reports since 2012';

describe.runIf(hasBrowser())('export, import and carry forward in the browser', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;

  // The second station of the first exercise, labelled as the station select labels it.
  const exercise = getTemplate(DEFAULT_TEMPLATE_ID)!.exercises[0]!;
  const area = exercise.areas[1]!;
  const stationLabel = `2. ${area.title}${area.reference ? ` (${area.reference})` : ''}`;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true } });
    board = await createBoard(room.server.baseUrl, 'Export replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  it('imports two of three lines into a station, refusing the one over 280 characters with its reason', async () => {
    expect(TOO_LONG.length).toBeGreaterThan(280);
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Export replay' }).waitFor();

    await chooseFromBoardMenu(facilitator, 'Import notes');
    const dialog = facilitator.getByRole('dialog', { name: 'Import notes' });
    await dialog.waitFor();
    await dialog.getByLabel('Station', { exact: true }).selectOption({ label: stationLabel });
    await dialog.getByLabel('Source', { exact: true }).fill(SOURCE);
    await dialog.getByLabel('Lines to import', { exact: true }).fill([FIRST, TOO_LONG, '', SECOND].join('\n'));

    // The preview: two notes to create, one refused line with the reason, before anything is written.
    const toCreate = dialog.getByRole('list', { name: 'Notes to create (2)' });
    await expect.poll(() => toCreate.innerText()).toContain(FIRST);
    expect(await toCreate.innerText()).toContain(SECOND);
    expect(await toCreate.innerText()).not.toContain('look again');
    const refused = await dialog.getByRole('list', { name: 'Refused lines (1)' }).innerText();
    expect(refused).toBe(`Line 2 is ${TOO_LONG.length} characters; notes hold at most 280. Shorten or split it.`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await dialog.screenshot({ path: path.join(ARTIFACTS, 'import-dialog.png') });

    await dialog.getByRole('button', { name: 'Import 2 notes' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('Imported 2 notes');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => facilitator.getByRole('dialog').count()).toBe(0);

    // On the board, in the chosen station.
    const inStation = facilitator.getByRole('list', { name: new RegExp(`^2\\. ${escapeRegExp(area.title)}`) });
    await expect.poll(() => inStation.innerText()).toContain(FIRST);
    expect(await inStation.innerText()).toContain(SECOND);
  });

  it('previews the imported notes and downloads Markdown from the server with them under their source', async () => {
    await chooseFromBoardMenu(facilitator, 'Export');
    const panel = facilitator.getByRole('region', { name: 'Export the scope document' });
    await panel.waitFor();
    const preview = facilitator.frameLocator('iframe[title="Scope document preview"]');
    await expect.poll(() => preview.locator('body').innerText()).toContain(FIRST);
    expect(await preview.locator('body').innerText()).toContain(`Imported input: ${SOURCE}`);

    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^export-replay-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = fs.readFileSync((await download.path())!, 'utf8');
    // The two notes sit under the imported-input heading of their station, in the input's order.
    const heading = markdown.indexOf(`Imported input: ${SOURCE}\n`);
    expect(heading).toBeGreaterThan(markdown.indexOf(area.title));
    const section = markdown.slice(heading, markdown.indexOf('\n#', heading));
    expect(section).toContain(`- ${FIRST}`);
    expect(section).toContain(`- ${SECOND}`);
    expect(section.indexOf(FIRST)).toBeLessThan(section.indexOf(SECOND));
    expect(markdown).not.toContain('look again');
    await expect
      .poll(() => panel.getByRole('status').first().innerText())
      .toBe(`Downloaded ${download.suggestedFilename()}.`);

    await panel.screenshot({ path: path.join(ARTIFACTS, 'export-panel.png') });
  });

  it('offers Export to participants only once the facilitator lets them', async () => {
    const bo = await room.joinAs(board.links.participant, 'Bo', {
      context: { viewport: { width: 390, height: 844 } }, // a phone
      ready: (page) => page.getByRole('heading', { name: 'Export replay' }),
    });
    expect(await bo.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);

    await openConsoleSection(facilitator, 'Options');
    await facilitator.getByLabel('Let participants export', { exact: true }).check();
    await bo.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      bo.waitForEvent('download'),
      bo.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(SOURCE);
    expect(csv).toContain(FIRST);
    await bo.screenshot({ path: path.join(ARTIFACTS, 'export-panel-phone.png'), fullPage: true });
  });

  it('carries the board forward to a new one that the start page lists and that opens as facilitator', async () => {
    await chooseFromBoardMenu(facilitator, 'Manage board');
    await facilitator.getByLabel('Title of the new board', { exact: true }).fill('Export replay, day 2');
    await facilitator.getByRole('button', { name: 'Carry forward to a new board' }).click();
    const open = facilitator.getByRole('link', { name: 'Open the new board' });
    await open.waitFor();
    await facilitator.goto(room.server.baseUrl + '/');
    await facilitator.getByRole('link', { name: 'Export replay, day 2' }).click();
    await facilitator.getByRole('heading', { name: 'Export replay, day 2' }).waitFor();
    // The notes came along, the imported ones too.
    const inStation = facilitator.getByRole('list', { name: new RegExp(`^2\\. ${escapeRegExp(area.title)}`) });
    await expect.poll(() => inStation.innerText()).toContain(FIRST);
    await expect.poll(() => facilitator.getByRole('button', { name: 'Board menu' }).count()).toBe(1);
  });

  it('archives a board so that it refuses new joins, and unarchives it', async () => {
    await facilitator.goto(board.links.facilitator);
    await chooseFromBoardMenu(facilitator, 'Manage board');
    const manage = facilitator.getByRole('region', { name: 'Manage this board' });
    await manage.getByRole('button', { name: 'Archive board', exact: true }).click();
    await expect.poll(() => manage.getByRole('status').last().innerText()).toContain('The board is archived');
    const refused = await postJson(`${room.server.baseUrl}/api/boards/${board.boardId}/join`, {
      code: board.joinCode,
      name: 'Late',
    });
    expect(refused.status).toBe(403);
    await manage.getByRole('button', { name: 'Unarchive board', exact: true }).click();
    await expect.poll(() => manage.getByRole('status').last().innerText()).toContain('no longer archived');
    const joined = await postJson(`${room.server.baseUrl}/api/boards/${board.boardId}/join`, {
      code: board.joinCode,
      name: 'Late',
    });
    expect(joined.status).toBe(201);
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
