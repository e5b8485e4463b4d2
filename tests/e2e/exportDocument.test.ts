// The scope document in real Chromium: the facilitator marks ideas in scope, chooses the paper, downloads and prints.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { connect } from '../helpers/clients.ts';
import { chooseFromBoardMenu } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';
import { waitFor } from '../helpers/waitFor.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');
const KEPT = 'How is the root zone KSK rollover being managed?';
const DROPPED = 'Should we review the new gTLD programme too?';

describe.runIf(hasBrowser())('the scope document in the browser', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true } });
    board = await createBoard(room.server.baseUrl, 'Scope replay');
    const ana = await join(room.server.baseUrl, board.boardId, board.joinCode, 'Ana');
    await command(room.server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' });
    const client = connect(room.server.wsUrl, board.boardId, ana.token);
    await client.synced();
    const author = { id: ana.participantId, name: 'Ana', role: 'participant' as const };
    addNote(client.doc, { areaId: 'ex1-a1', text: KEPT, author, createdAt: Date.now() });
    addNote(client.doc, { areaId: 'ex1-a1', text: DROPPED, author, createdAt: Date.now() + 1 });
    const watcher = connect(room.server.wsUrl, board.boardId, board.facilitatorToken);
    await watcher.synced();
    await waitFor(
      () => readBoard(watcher.doc).notes.length,
      (n) => n === 2,
    );
    client.destroy();
    watcher.destroy();
  });

  afterAll(async () => {
    await room?.close();
  });

  it('marks one idea in scope with a priority and another out of scope; the preview lists them apart', async () => {
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Scope replay' }).waitFor();
    await chooseFromBoardMenu(facilitator, 'Decisions');
    const panel = facilitator.getByRole('region', { name: 'Decisions' });
    const kept = panel.getByRole('listitem').filter({ hasText: KEPT });
    await kept.getByLabel('Decision', { exact: true }).selectOption({ label: 'In scope' });
    await kept.getByLabel('Priority', { exact: true }).selectOption({ label: 'High' });
    await panel
      .getByRole('listitem')
      .filter({ hasText: DROPPED })
      .getByLabel('Decision', { exact: true })
      .selectOption({ label: 'Out of scope' });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await panel.screenshot({ path: path.join(ARTIFACTS, 'decisions-panel.png') });

    await chooseFromBoardMenu(facilitator, 'Export');
    const preview = facilitator.frameLocator('iframe[title="Scope document preview"]');
    await expect
      .poll(() => preview.locator('body').innerText(), { timeout: 10_000 })
      .toContain('In scope, priority high');
    const text = await preview.locator('body').innerText();
    const appendix = text.indexOf('Appendix A Other ideas raised');
    expect(appendix).toBeGreaterThan(0);
    expect(text.indexOf(KEPT)).toBeLessThan(appendix);
    expect(text.indexOf(DROPPED)).toBeGreaterThan(appendix);
  });

  it('downloads Word on US Letter with the chosen status, and opens the print dialog on the HTML', async () => {
    const panel = facilitator.getByRole('region', { name: 'Export the scope document' });
    await panel.getByLabel('Paper', { exact: true }).selectOption({ label: 'US Letter' });
    await panel.getByLabel('Status', { exact: true }).selectOption({ label: 'For review' });
    await panel.getByLabel('Version', { exact: true }).fill('0.2');
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download Word (.docx)' }).click(),
    ]);
    const parts = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(strFromU8(parts['word/document.xml']!)).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const header = Object.entries(parts).find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1];
    expect(strFromU8(header!)).toContain('For review, version 0.2');

    // Headless Chromium prints without a dialog; the frame holds the server's HTML, whose @page is US Letter.
    const printed = facilitator.waitForEvent('frameattached');
    await panel.getByRole('button', { name: 'Save as PDF' }).click();
    const frame = await printed;
    await expect.poll(() => frame.content().catch(() => ''), { timeout: 10_000 }).toContain('size: letter');
    await expect
      .poll(() => panel.getByRole('status').first().innerText(), { timeout: 10_000 })
      .toContain('Print dialog closed');
    await panel.screenshot({ path: path.join(ARTIFACTS, 'export-options.png') });
    expect(room.pageErrors).toEqual([]);
  }, 60_000);
});
