// The export panel's preview of a board larger than it shows: the first notes of each list, how many more the
// downloads hold, and a download that holds them all. Real server, real Chromium.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PREVIEW_LIMITS } from '@shared/export/previewDocument.ts';
import { getTemplate, DEFAULT_TEMPLATE_ID } from '@shared/templates/templates.ts';
import { createBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { chooseFromBoardMenu } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const SOURCE = 'Survey of the registries, May 2017';
const EXTRA = 7;
const COUNT = PREVIEW_LIMITS.perList + EXTRA;
const lineOf = (i: number) => `Registry survey point ${String(i + 1).padStart(2, '0')}`;

describe.runIf(hasBrowser())('the export preview of a long list', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  const area = getTemplate(DEFAULT_TEMPLATE_ID)!.exercises[0]!.areas[0]!;
  const stationLabel = `1. ${area.title}${area.reference ? ` (${area.reference})` : ''}`;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1280, height: 900 }, acceptDownloads: true } });
    board = await createBoard(room.server.baseUrl, 'Preview replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  it(`imports ${COUNT} notes into one station`, async () => {
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Preview replay' }).waitFor();
    await chooseFromBoardMenu(facilitator, 'Import notes');
    const dialog = facilitator.getByRole('dialog', { name: 'Import notes' });
    await dialog.getByLabel('Station', { exact: true }).selectOption({ label: stationLabel });
    await dialog.getByLabel('Source', { exact: true }).fill(SOURCE);
    await dialog
      .getByLabel('Lines to import', { exact: true })
      .fill(Array.from({ length: COUNT }, (_, i) => lineOf(i)).join('\n'));
    await dialog.getByRole('button', { name: `Import ${COUNT} notes` }).click();
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain(`Imported ${COUNT} notes`);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('shows the first notes of the list and how many more there are; Markdown holds every note', async () => {
    await chooseFromBoardMenu(facilitator, 'Export');
    const panel = facilitator.getByRole('region', { name: 'Export the scope document' });
    await panel.waitFor();
    const preview = facilitator.frameLocator('iframe[title="Scope document preview"]');
    await expect.poll(() => preview.locator('body').innerText()).toContain(`Imported input: ${SOURCE}`);
    const text = await preview.locator('body').innerText();
    expect(text).toContain(lineOf(PREVIEW_LIMITS.perList - 1));
    expect(text).not.toContain(lineOf(PREVIEW_LIMITS.perList));
    expect(text).toContain(`\u2026 and ${EXTRA} more notes here, in every download.`);
    expect(await panel.innerText()).toContain(
      `The preview shows the first notes of each list (${PREVIEW_LIMITS.perList} of ${COUNT}); every download holds them all.`,
    );

    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = fs.readFileSync((await download.path())!, 'utf8');
    for (let i = 0; i < COUNT; i++) expect(markdown).toContain(`- ${lineOf(i)}\n`);
    expect(markdown).not.toContain('more notes here');
  });
});
