// Discussion in real Chromium: a comment added through the panel reaches another participant; a hand-off reaches the next team.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { balanceTeams } from '@shared/phases/balanceTeams.ts';
import { stationIndexForTeam, teamOf } from '@shared/phases/teamStations.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { command, createBoard, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection } from '../helpers/console.ts';
import { openRoom, storedParticipantId, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

const template = getTemplate('ssr2-copenhagen')!;
const exercise = template.exercises[0]!;
const stationCount = exercise.areas.length;

describe.runIf(hasBrowser())('discussion and hand-off in the rotate phase', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  const people = new Map<string, { page: Page; participantId: string }>();

  const textOf = async (locator: Locator) => (await locator.allInnerTexts()).join('\n');
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
  const person = (name: string) => people.get(name)!;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1280, height: 1400 } } });
    board = await createBoard(room.server.baseUrl, 'Discussion replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  async function joinAs(name: string): Promise<void> {
    const page = await room.joinAs(board.links.participant, name);
    people.set(name, { page, participantId: await storedParticipantId(page, board.boardId) });
  }

  /** The team index of `name`, as the server balances the teams of those present (sorted ids, round robin). */
  function teamIndexOf(name: string): number {
    const { teams } = balanceTeams(
      [...people.values()].map((p) => p.participantId),
      stationCount,
      template.minTeamSize,
    );
    const team = teamOf(person(name).participantId, teams);
    if (team === undefined) throw new Error(`${name} is in no team`);
    return team;
  }

  /** Picks the note or group whose option mentions `text` in the "Discuss" select. */
  async function discuss(page: Page, text: string): Promise<void> {
    const select = page.getByLabel('Discuss', { exact: true });
    // As a person would: reach the select first (a large board's select lists its notes once it is reached).
    await select.focus();
    const option = select.locator('option', { hasText: text });
    await poll(() => option.count()).toBe(1);
    await select.selectOption((await option.getAttribute('value'))!);
  }

  async function post(page: Page, stationIndex: number, text: string): Promise<void> {
    await page.getByLabel('Station', { exact: true }).selectOption({ index: stationIndex });
    await page.getByLabel('Note', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  it('a participant comments on a note through the panel and another participant sees it, and replies', async () => {
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Facilitator console' }).waitFor();
    await joinAs('Ana');
    await joinAs('Bo');
    await openConsoleSection(facilitator, 'People');
    await poll(() => textOf(facilitator.getByRole('list', { name: /Here now/ }))).toContain('Bo');
    await openConsoleSection(facilitator, 'Run');

    expect(
      (await command(room.server.baseUrl, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' }))
        .status,
    ).toBe(200);
    const ana = person('Ana').page;
    const bo = person('Bo').page;
    await post(ana, 0, 'Root zone KSK rollover');
    await poll(() => textOf(bo.getByRole('region', { name: 'Notes' }))).toContain('Root zone KSK rollover');
    // No discussion while posting: the panel appears with grouping and rotating.
    expect(await ana.getByRole('heading', { name: 'Discussion', exact: true }).count()).toBe(0);

    expect(
      (
        await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
          type: 'startPhase',
          phase: 'rotate',
        })
      ).status,
    ).toBe(200);
    await ana.getByRole('heading', { name: 'Discussion', exact: true }).waitFor();
    await discuss(ana, 'Root zone KSK rollover');
    await ana.getByLabel('Comment', { exact: true }).fill('Does this cover the 2018 roll?');
    await ana.getByRole('button', { name: 'Add comment', exact: true }).click();

    await discuss(bo, 'Root zone KSK rollover');
    const boThread = bo.locator('.discussion-panel .comment-thread');
    await poll(() => textOf(boThread.locator('.comment-text'))).toBe('Does this cover the 2018 roll?');
    expect(await textOf(boThread.locator('.comment-author'))).toBe('Ana');
    // Bo may answer but not delete Ana's comment.
    expect(await bo.getByRole('button', { name: 'Delete comment by Ana' }).count()).toBe(0);
    await bo.getByRole('button', { name: 'Reply to Ana' }).click();
    await bo.getByLabel('Reply', { exact: true }).fill('Yes, and the next one');
    await bo.getByRole('button', { name: 'Add reply', exact: true }).click();

    // Ana sees the reply nested under her comment.
    await poll(() => textOf(ana.locator('.comment-thread .comment-thread .comment-text'))).toBe(
      'Yes, and the next one',
    );
    expect(await ana.getByRole('button', { name: 'Delete comment by Ana' }).count()).toBe(1);

    // The facilitator tidies the wording of Ana's note; everyone sees it, Ana still its author.
    const noteToEdit = facilitator.getByLabel('Note to edit', { exact: true });
    await noteToEdit.focus();
    await noteToEdit.selectOption(
      (await noteToEdit.locator('option', { hasText: 'Root zone KSK rollover' }).getAttribute('value'))!,
    );
    await facilitator.getByLabel('New wording', { exact: true }).fill('Root zone KSK rollover (2018)');
    await facilitator.getByRole('button', { name: 'Save wording', exact: true }).click();
    await poll(() => textOf(bo.getByRole('region', { name: 'Notes' }))).toContain(
      'Root zone KSK rollover (2018) — Ana',
    );
  });

  it('a hand-off summary left before "Rotate teams" is shown to the team arriving next, with what changed', async () => {
    // In rotation 1 team t works at station t + 1; in rotation 2 the team before it (t - 1) arrives there.
    const [writer, reader] = (['Ana', 'Bo'] as const)
      .map((name) => ({ name, team: teamIndexOf(name) }))
      .sort((a, b) => b.team - a.team) as [{ name: string; team: number }, { name: string; team: number }];
    expect(writer.team - reader.team).toBe(1);
    const station = stationIndexForTeam(writer.team, 1, stationCount);
    expect(stationIndexForTeam(reader.team, 2, stationCount)).toBe(station);
    const writerPage = person(writer.name).page;
    const readerPage = person(reader.name).page;

    await writerPage.getByRole('heading', { name: 'Station hand-off', exact: true }).waitFor();
    await post(writerPage, station, 'Escrow of the signing keys');
    await writerPage
      .getByLabel('Leave a summary for the next team', { exact: true })
      .fill('We grouped the key notes; please check the escrow question.');
    await writerPage.getByRole('button', { name: 'Leave summary', exact: true }).click();
    await poll(() => textOf(writerPage.locator('.handoff-panel'))).toContain('Your team left');

    await facilitator.getByRole('button', { name: 'Rotate teams', exact: true }).click();
    await poll(() => textOf(readerPage.locator('.team-station'))).toContain(`Your team: station ${station + 1},`);
    const panel = readerPage.locator('.handoff-panel');
    await poll(() => textOf(panel.locator('.handoff-summary'))).toContain(
      'We grouped the key notes; please check the escrow question.',
    );
    await poll(() => textOf(panel)).toContain(`Station ${station + 1}: ${exercise.areas[station]!.title}`);
    await poll(() => textOf(panel.getByRole('list', { name: 'New notes' }))).toContain('Escrow of the signing keys');
    expect(await textOf(panel)).toMatch(/What changed since \d/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await readerPage.locator('.board-side').screenshot({ path: path.join(ARTIFACTS, 'handoff.png') });
    expect(room.pageErrors).toEqual([]);
  });
});
