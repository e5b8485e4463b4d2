// A room of ten browsers (two of them phones) runs Exercise 1 end to end through the UI only, then the export has it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, stages } from '../helpers/browser.ts';
import { createBoard, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';
import { getTemplate } from '@shared/templates/templates.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NAMES = ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ida', 'Jo'];
const stations = getTemplate('ssr2-copenhagen')!.exercises[0]!.areas;

describe.runIf(hasBrowser())('ten browsers run Exercise 1', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  const people: { name: string; page: Page; isPhone: boolean; question: string }[] = [];

  beforeAll(async () => {
    room = await openRoom();
    board = await createBoard(room.server.baseUrl, 'Ten-browser replay');
  }, 120_000);

  afterAll(async () => {
    await room?.close();
  });

  const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().click();
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });

  const joinStep = async () => {
    facilitator = await room.newPage({ viewport: { width: 1400, height: 900 } });
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('button', { name: 'Start post', exact: true }).waitFor();
    for (const [i, name] of NAMES.entries()) {
      const isPhone = i >= 8;
      const page = await room.joinAs(board.links.participant, name, {
        context: isPhone ? PHONE : {},
        ready: (p) => p.getByLabel('Note', { exact: true }).first(),
      });
      people.push({ name, page, isPhone, question: `${name}: what should station ${(i % 5) + 1} examine first?` });
    }
    await openConsoleSection(facilitator, 'People');
    await poll(() => facilitator.getByRole('list', { name: /Here now/ }).innerText()).toContain('Jo');
    await openConsoleSection(facilitator, 'Run');
  };

  const postStep = async () => {
    await click(facilitator, 'Start post');
    for (const [i, person] of people.entries()) {
      const { page } = person;
      await poll(() => page.getByRole('timer', { name: 'Time left' }).first().innerText()).toMatch(/\d+:\d\d/);
      await page
        .getByLabel('Station', { exact: true })
        .first()
        .selectOption({ index: i % 5 });
      await page.getByLabel('Note', { exact: true }).first().fill(person.question);
      await page.getByRole('button', { name: 'Post', exact: true }).first().click();
    }
    // The phones got the posting view, not the canvas.
    for (const person of people.filter((p) => p.isPhone)) expect(await person.page.locator('canvas').count()).toBe(0);
    const everyone = facilitator.getByRole('region', { name: 'Notes', exact: true });
    for (const person of people) await poll(() => everyone.innerText()).toContain(person.question);
  };

  const groupStep = async () => {
    await click(facilitator, 'Next phase');
    for (const { page } of people)
      await poll(() => page.locator('.team-station').first().innerText()).toMatch(/Your team: station \d/);
    // Station 1 holds Ana's and Flo's questions; Ana groups them through the list view.
    const ana = people[0]!.page;
    await ana.getByRole('button', { name: 'List', exact: true }).click();
    const stationOne = ana.getByRole('region', { name: new RegExp(`^1\\. ${stations[0]!.title}`) });
    for (const [who, label] of [
      [people[0]!, 'New group…'],
      [people[5]!, 'First questions'],
    ] as const) {
      const note = stationOne.getByRole('listitem').filter({ hasText: who.question });
      await note.getByLabel('Move to group', { exact: true }).selectOption({ label });
      if (label === 'New group…') await note.getByLabel('New group name', { exact: true }).fill('First questions');
      await note.getByRole('button', { name: /^Move note: / }).click();
      await poll(() => stationOne.getByRole('list', { name: 'First questions' }).innerText()).toContain(who.question);
    }
  };

  const rotateStep = async () => {
    await click(facilitator, 'Next phase');
    for (const { page } of people)
      await poll(() => page.locator('.team-station').first().innerText()).toMatch(/rotation 1 of 2/i);
    await click(facilitator, 'Rotate teams');
    for (const { page } of people)
      await poll(() => page.locator('.team-station').first().innerText()).toMatch(/rotation 2 of 2/i);

    const response = await fetch(`${room.server.baseUrl}/api/boards/${board.boardId}/export?format=md`, {
      headers: { Authorization: `Bearer ${board.facilitatorToken}` },
    });
    const markdown = await response.text();
    for (const person of people) expect(markdown).toContain(person.question);
    expect(markdown).toMatch(/Group: First questions/);
    expect(room.pageErrors).toEqual([]);
  };

  // Each test reaches the stage it needs (running the earlier ones first if need be), so any one runs alone.
  const reach = stages([
    ['join', joinStep],
    ['post', postStep],
    ['group', groupStep],
    ['rotate', rotateStep],
  ]);

  it('ten people join, two of them on phones', { timeout: 300_000 }, () => reach('join'));
  it('post: everyone posts a question into a station, phones included', { timeout: 300_000 }, () => reach('post'));
  it('group: teams form, one person groups two notes from the list view', { timeout: 300_000 }, () => reach('group'));
  it(
    'rotate: two rotations move every team on, then the export holds every note and the group',
    { timeout: 300_000 },
    () => reach('rotate'),
  );
});
