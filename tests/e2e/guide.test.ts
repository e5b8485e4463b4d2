// Walks Exercise 1 in real Chromium and takes the facilitator guide's screenshots (docs/screenshots/ under `npm run screenshots`).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, screenshotDir, stages } from '../helpers/browser.ts';
import type { CreatedBoard } from '../helpers/api.ts';
import { chooseFromBoardMenu, openConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('facilitator guide screenshots: Exercise 1 phase by phase', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  const participants: Page[] = [];

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1400, height: 900 } } });
  });

  afterAll(async () => {
    await room?.close();
  });

  const page = (width = 1400, height = 900) => room.newPage({ viewport: { width, height } });

  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(screenshotDir(), `${name}.png`) });
  const click = (p: Page, name: string) => p.getByRole('button', { name, exact: true }).first().click();
  const phaseIs = (p: Page, words: RegExp) =>
    expect.poll(() => p.locator('header').first().innerText(), { timeout: 15_000 }).toMatch(words);

  const startStep = async () => {
    const start = await page();
    await start.goto(room.server.baseUrl + '/');
    await start.getByLabel('Board name', { exact: true }).fill('SSR2 Terms of Reference, Copenhagen');
    await start.getByRole('button', { name: 'Create board' }).click();
    await start.getByRole('button', { name: 'Copy participant link' }).waitFor();
    await shot(start, '0-start-page');
    const link = await start.getByLabel('Facilitator link', { exact: true }).inputValue();
    board = {
      boardId: /\/b\/([^#]+)/.exec(link)![1]!,
      facilitatorToken: /#f=(.+)$/.exec(link)![1]!,
      joinCode: '',
      observerCode: '',
      links: {
        facilitator: link,
        participant: await start.getByLabel('Participant link', { exact: true }).inputValue(),
        observer: await start.getByLabel('Observer link', { exact: true }).inputValue(),
      },
    };
    await start.context().close();
  };

  const setupStep = async () => {
    facilitator = await page();
    await facilitator.goto(board.links.facilitator);
    await phaseIs(facilitator, /Getting ready|Setup/i);
    for (const name of ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo']) {
      participants.push(
        await room.joinAs(board.links.participant, name, { context: { viewport: { width: 1280, height: 800 } } }),
      );
    }
    await openConsoleSection(facilitator, 'People');
    await expect.poll(() => facilitator.getByRole('list', { name: /Here now/ }).innerText()).toContain('Flo');
    await openConsoleSection(facilitator, 'Run');
    await shot(facilitator, '1-setup-console');
  };

  const postStep = async () => {
    await click(facilitator, 'Start post');
    await phaseIs(participants[0]!, /Posting/);
    const questions = [
      'How is the root zone KSK rollover rehearsed?',
      'Is the DNSSEC key rollover ever tested end to end?',
      'Which contingency plans exist for the L-root?',
      'Are security processes documented for registries worldwide?',
      'How effective is ICANN’s abuse reporting today?',
      'Which SSR1 recommendations were fully implemented?',
    ];
    for (const [i, p] of participants.entries()) {
      await p
        .getByLabel('Station', { exact: true })
        .first()
        .selectOption({ index: i % 5 });
      await p.getByLabel('Note', { exact: true }).first().fill(questions[i]!);
      await p.getByRole('button', { name: 'Post', exact: true }).first().click();
    }
    await expect
      .poll(() => facilitator.getByRole('region', { name: 'Notes', exact: true }).innerText())
      .toContain(questions[5]!);
    await shot(participants[0]!, '2-post-participant');
    await shot(facilitator, '2-post-facilitator');
  };

  const groupStep = async () => {
    await click(facilitator, 'Next phase');
    await phaseIs(participants[0]!, /Grouping/);
    await expect
      .poll(() => participants[0]!.locator('.team-station').first().innerText())
      .toMatch(/Your team: station/);
    await shot(participants[0]!, '3-group-participant');
    await shot(facilitator, '3-group-facilitator');
  };

  const rotateStep = async () => {
    await click(facilitator, 'Next phase');
    await phaseIs(participants[0]!, /Rotat/);
    await expect.poll(() => participants[0]!.locator('.team-station').first().innerText()).toMatch(/rotation 1 of 2/i);
    await shot(participants[0]!, '4-rotate-participant');
  };

  const exportStep = async () => {
    await chooseFromBoardMenu(facilitator, 'Export');
    await facilitator.getByRole('button', { name: 'Download Markdown' }).waitFor();
    await shot(facilitator, '5-export-panel');
  };

  const projectorStep = async () => {
    const projector = await page(1280, 720);
    await projector.goto(board.links.facilitator.replace('#', '?view=projector#'));
    await projector.getByRole('img', { name: 'QR code of the participant link' }).waitFor();
    await shot(projector, '6-projector');
  };

  const exercise2Step = async () => {
    await click(facilitator, 'Rotate teams');
    await expect.poll(() => participants[0]!.locator('.team-station').first().innerText()).toMatch(/rotation 2 of 2/i);
    await click(facilitator, 'Next phase');
    await expect
      .poll(() => participants[0]!.getByText('Exercise 2: how we will work together').count())
      .toBeGreaterThan(0);
    await click(facilitator, 'Start post');
    await phaseIs(participants[1]!, /Posting/);
    const question = 'Should the review team have co-chairs from different regions?';
    await participants[1]!.getByLabel('Station', { exact: true }).first().selectOption({ index: 0 });
    await participants[1]!.getByLabel('Note', { exact: true }).first().fill(question);
    await participants[1]!.getByRole('button', { name: 'Post', exact: true }).first().click();
    await expect
      .poll(() => facilitator.getByRole('region', { name: 'Notes', exact: true }).innerText())
      .toContain(question);
    await click(facilitator, 'Next phase');
    await phaseIs(participants[1]!, /Grouping/);
    await click(facilitator, 'Next phase');
    await phaseIs(participants[1]!, /Rotat/);
    await click(facilitator, 'Rotate teams');
    await click(facilitator, 'Next phase');
    await phaseIs(participants[1]!, /Closed/);

    const response = await fetch(`${room.server.baseUrl}/api/boards/${board.boardId}/export?format=md`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    });
    const markdown = await response.text();
    const work = markdown.slice(markdown.indexOf('Work of the Review Team'));
    expect(work).toContain(question);
    expect(markdown.slice(0, markdown.indexOf('Work of the Review Team'))).toContain(
      'How is the root zone KSK rollover rehearsed?',
    );
    // The session record lists both exercises' phases with their actual times.
    expect(markdown).toMatch(/Session record/);
    await shot(facilitator, '7-closed-console');
  };

  // Each test reaches its own stage of the walk, so any one of them runs alone; the whole file walks once.
  const reach = stages([
    ['start', startStep],
    ['setup', setupStep],
    ['post', postStep],
    ['group', groupStep],
    ['rotate', rotateStep],
    ['export', exportStep],
    ['projector', projectorStep],
    ['exercise2', exercise2Step],
  ]);

  it('0: the start page creates a board with its three links', { timeout: 240_000 }, () => reach('start'));
  it('1: setup: the facilitator console, and people joining', { timeout: 240_000 }, () => reach('setup'));
  it('2: post: everyone writes one question per note', { timeout: 240_000 }, () => reach('post'));
  it('3: group: teams tidy their station into groups', { timeout: 240_000 }, () => reach('group'));
  it('4: rotate: teams move to the next station', { timeout: 240_000 }, () => reach('rotate'));
  it('5: export: the scope document, previewed and downloaded', { timeout: 240_000 }, () => reach('export'));
  it('6: projector for the room', { timeout: 240_000 }, () => reach('projector'));
  it('7: Exercise 2 runs the same way, and the last phase closes the board', { timeout: 240_000 }, () =>
    reach('exercise2'),
  );
});
