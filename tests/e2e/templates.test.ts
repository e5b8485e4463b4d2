// In real Chromium: a facilitator makes a blank board, names three new stations, changes the plan, runs posting,
// saves the board as a template and starts a new board from that file.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { command } from '../helpers/api.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const STATIONS = ['Risks we see', 'Ideas to try', 'Open questions'];

describe.runIf(hasBrowser())('templates: from a blank board to a template and back', () => {
  let room: Room;
  let page: Page;
  let templateFile = '';

  let browserZone = '';

  beforeAll(async () => {
    room = await openRoom();
    page = await room.newPage();
    browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });
  afterAll(async () => {
    await room?.close();
  });

  async function createFromStartPage(
    name: string,
    choose: () => Promise<void>,
  ): Promise<{ link: string; participantLink: string }> {
    await page.goto(room.server.baseUrl + '/');
    await page.getByLabel('Board name', { exact: true }).fill(name);
    await choose();
    await page.getByRole('button', { name: 'Create board' }).click();
    const link = await page.getByLabel('Facilitator link', { exact: true }).inputValue();
    return { link, participantLink: await page.getByLabel('Participant link', { exact: true }).inputValue() };
  }

  it('creates a blank board, adds and names three stations and changes the plan', async () => {
    const { link, participantLink } = await createFromStartPage('Team retro', async () => {
      await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Blank board' });
      // The preview shows what will be created before creating it.
      await expect
        .poll(() => page.getByRole('list', { name: 'Stations of Exercise 1' }).innerText())
        .toContain('Station 3');
    });
    await page.goto(link);
    const setup = page.getByRole('region', { name: 'Set up Exercise 1' });
    await setup.waitFor();
    for (const title of STATIONS) {
      await setup.getByLabel('New station').fill(title);
      await setup.getByRole('button', { name: 'Add station' }).click();
      await setup.getByRole('form', { name: `Station ${title}` }).waitFor();
    }
    // The three blank stations go: empty, so they can be deleted.
    for (const title of ['Station 1', 'Station 2', 'Station 3']) {
      await setup.getByRole('button', { name: `Delete ${title}` }).click();
      await expect.poll(() => setup.getByRole('form', { name: `Station ${title}` }).count()).toBe(0);
    }
    const plan = setup.getByRole('form', { name: 'Plan for Exercise 1' });
    await plan.getByLabel('Post (minutes)').fill('7');
    await plan.getByLabel('Rotations').fill('1');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    await expect
      .poll(() => setup.getByRole('form', { name: 'Plan for Exercise 1' }).getByLabel('Post (minutes)').inputValue())
      .toBe('7');
    // Grouping left out: "Next" runs post, then rotate. The choice is disabled while the plan's save is answered, and
    // that answer can land between Playwright's enabled check and its click, so the click is retried until it takes.
    const grouping = setup.getByLabel('Group similar notes');
    await expect
      .poll(async () => {
        if ((await grouping.isChecked()) && (await grouping.isEnabled())) await grouping.click({ timeout: 2_000 });
        return grouping.isChecked();
      })
      .toBe(false);
    await expect.poll(() => setup.getByText('"Next" runs post and rotate.').count()).toBe(1);
    // The document settings: the time zone starts as this browser's, and status, version and owner are the board's.
    const settings = page.getByRole('form', { name: 'Time zone and document control' });
    await expect.poll(() => settings.getByLabel('Time zone').inputValue()).toBe(browserZone);
    // Its suggestions join the page when the field is first focused (they are a fifth of the console's elements).
    const suggestions = settings.locator('datalist option');
    expect(await suggestions.count()).toBe(0);
    await settings.getByLabel('Time zone').focus();
    await expect.poll(() => suggestions.count()).toBeGreaterThan(300);
    expect(await settings.locator('datalist option[value="Europe/Copenhagen"]').count()).toBe(1);
    await settings.getByLabel('Time zone').fill('America/New_York');
    await settings.getByLabel('Document status').selectOption({ label: 'For review' });
    await settings.getByLabel('Version').fill('0.2');
    await settings.getByRole('button', { name: 'Save document settings' }).click();
    await settings.getByText('Document settings saved.').waitFor();
    // Stations as everyone sees them, from the server after a reload.
    await page.reload();
    await setup.waitFor();
    await expect
      .poll(async () => await setup.getByRole('list').first().innerText())
      .toMatch(/Risks we see[\s\S]*Ideas to try[\s\S]*Open questions/);
    await expect
      .poll(() => setup.getByRole('form', { name: 'Plan for Exercise 1' }).getByLabel('Rotations').inputValue())
      .toBe('1');
    expect(await setup.getByLabel('Group similar notes').isChecked()).toBe(false);
    const saved = page.getByRole('form', { name: 'Time zone and document control' });
    expect(
      await Promise.all([
        saved.getByLabel('Time zone').inputValue(),
        saved.getByLabel('Document status').inputValue(),
        saved.getByLabel('Version').inputValue(),
      ]),
    ).toEqual(['America/New_York', 'review', '0.2']);

    // Posting runs on the new stations: a participant posts to one of them.
    const boardId = /\/b\/([^#]+)/.exec(link)![1]!;
    const token = /#f=(.+)$/.exec(link)![1]!;
    expect((await command(room.server.baseUrl, boardId, token, { type: 'startPhase', phase: 'post' })).status).toBe(
      200,
    );
    const ana = await room.joinAs(participantLink, 'Ana');
    await ana.getByLabel('Station', { exact: true }).selectOption({ label: '1. Risks we see' });
    await ana.getByLabel('Note', { exact: true }).fill('The deploy takes a day');
    await ana.getByLabel('Note', { exact: true }).press('Enter');
    await expect.poll(() => page.getByText('The deploy takes a day').count()).toBeGreaterThan(0);
    // A station holding notes can be left out, not deleted.
    await expect.poll(() => setup.getByRole('button', { name: 'Delete Risks we see' }).isDisabled()).toBe(true);
  }, 120_000);

  it('saves the board as a template file without notes', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save board as template' }).click();
    templateFile = (await (await download).path())!;
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    expect(template.format).toBe('scopeboard-template');
    expect(template.exercises[0].areas.map((a: { title: string }) => a.title)).toEqual(STATIONS);
    expect(template.exercises[0].plan).toMatchObject({ postMinutes: 7, rotations: 1, phases: ['post', 'rotate'] });
    expect(JSON.stringify(template)).not.toContain('The deploy takes a day');
  }, 60_000);

  it('starts a new board from that template file', async () => {
    const { link } = await createFromStartPage('Team retro, next month', async () => {
      await page.getByLabel('Template file').setInputFiles({
        name: 'team-retro.json',
        mimeType: 'application/json',
        buffer: fs.readFileSync(templateFile),
      });
      await expect
        .poll(() => page.getByRole('list', { name: 'Stations of Exercise 1' }).innerText())
        .toContain('Open questions');
    });
    await page.goto(link);
    const setup = page.getByRole('region', { name: 'Set up Exercise 1' });
    await setup.waitFor();
    await expect
      .poll(() => setup.getByRole('form', { name: 'Plan for Exercise 1' }).getByLabel('Post (minutes)').inputValue())
      .toBe('7');
    for (const title of STATIONS) await setup.getByRole('form', { name: `Station ${title}` }).waitFor();
    expect(await setup.getByLabel('Group similar notes').isChecked()).toBe(false);
    expect(room.pageErrors).toEqual([]);
  }, 60_000);
});
