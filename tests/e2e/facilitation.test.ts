// The facilitated session in real Chromium: the console drives phases, teams and rotations; participants' screens follow.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { balanceTeams } from '@shared/phases/balanceTeams.ts';
import { stationIndexForTeam, teamOf } from '@shared/phases/teamStations.ts';
import { phaseInstruction } from '@shared/phases/phaseInstruction.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { hasBrowser, stages } from '../helpers/browser.ts';
import { command, createBoard, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection } from '../helpers/console.ts';
import { openRoom, storedParticipantId, type Room } from '../helpers/room.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');

const template = getTemplate('ssr2-copenhagen')!;
const exercise = template.exercises[0]!;
const stationCount = exercise.areas.length;

describe.runIf(hasBrowser())('facilitation: the console runs the session, participants follow', () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;
  /** Participants by name, with the id the server gave them. */
  const people = new Map<string, { page: Page; participantId: string }>();

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1280, height: 900 } } });
    board = await createBoard(room.server.baseUrl, 'Facilitation replay');
  });

  afterAll(async () => {
    await room?.close();
  });

  async function joinAs(name: string, viewport?: { width: number; height: number }, clockSkewMs = 0): Promise<void> {
    const page = await room.newPage(viewport ? { viewport } : {});
    if (clockSkewMs !== 0) {
      // This device's clock is wrong: countdowns must still come from the server's clock.
      await page.addInitScript((skew) => {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + skew;
      }, clockSkewMs);
    }
    await room.joinAs(board.links.participant, name, { page });
    people.set(name, { page, participantId: await storedParticipantId(page, board.boardId) });
  }

  const person = (name: string) => people.get(name)!;
  /** The text of whatever matches now ('' when nothing does): never waits, so a missing element fails the poll. */
  const textOf = async (locator: Locator) => (await locator.allInnerTexts()).join('\n');
  /** Polls with room for a busy CI machine; a bound on waiting, not a timing assertion. */
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
  const countdown = (page: Page) => textOf(page.getByRole('timer', { name: 'Time left' }));
  const teamLine = (page: Page) => textOf(page.locator('.team-station'));
  const focusedStation = (page: Page) =>
    page
      .locator('.canvas-wrap')
      .first()
      .getAttribute('data-focused-station', { timeout: 1000 })
      .catch(() => null);
  const stationInView = (page: Page) => textOf(page.getByRole('status', { name: 'Station in view' }));

  /** Where `name`'s team works, from the same pure rules the server uses (teams balanced over those present). */
  function expectedStation(name: string, stationOffset: number): { number: number; title: string } {
    const ids = [...people.values()].map((p) => p.participantId);
    const { teams } = balanceTeams(ids, stationCount, template.minTeamSize);
    const team = teamOf(person(name).participantId, teams);
    if (team === undefined) throw new Error(`${name} is in no team`);
    const index = stationIndexForTeam(team, stationOffset, stationCount);
    return { number: index + 1, title: exercise.areas[index]!.title };
  }

  async function expectStation(name: string, stationOffset: number, rotation: string | null): Promise<void> {
    const { page } = person(name);
    const station = expectedStation(name, stationOffset);
    await poll(() => teamLine(page)).toContain(`Your team: station ${station.number}, ${station.title}`);
    if (rotation) await poll(() => teamLine(page)).toContain(rotation);
    // The board brought that station into view.
    await poll(() => focusedStation(page)).toBe(String(station.number));
    await poll(() => stationInView(page)).toContain(`station ${station.number}: ${station.title}`);
  }

  const joinedStep = async () => {
    facilitator = await room.newPage({ viewport: { width: 1280, height: 1000 } });
    await facilitator.goto(board.links.facilitator);
    await facilitator.getByRole('heading', { name: 'Facilitator console' }).waitFor();

    await joinAs('Ana');
    await joinAs('Bo', { width: 390, height: 844 }); // a phone
    await joinAs('Cy', undefined, 60 * 60_000); // a laptop whose clock is an hour fast
  };

  const postStep = async () => {
    const ana = person('Ana').page;
    // Before anything starts: setup's words, no clock, and no console for participants.
    await poll(() => textOf(ana.locator('.session-phase'))).toBe('Getting ready');
    expect(await ana.getByRole('heading', { name: 'Facilitator console' }).count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Start post', exact: true }).click();
    await poll(() => textOf(ana.locator('.session-phase'))).toBe('Posting');
    await poll(() => countdown(ana)).toMatch(/^1[45]:\d\d$/);
    await poll(() => textOf(ana.locator('.instruction'))).toBe(phaseInstruction('post', { ...exercise }));
    await poll(() => countdown(person('Bo').page)).toMatch(/^1[45]:\d\d$/);
    // The skewed clock shows the same countdown: time comes from the server, not from the device.
    await poll(() => countdown(person('Cy').page)).toMatch(/^1[45]:\d\d$/);
    // The ground rules are there for everyone, folded away.
    await ana.getByText('Ground rules', { exact: true }).click();
    await poll(() => textOf(ana.locator('.ground-rules'))).toContain(template.groundRules[0]!.slice(0, 30));

    // Pause shows on every screen, and "I'm done" reaches the console's count.
    await facilitator.getByRole('button', { name: 'Pause', exact: true }).click();
    await poll(() => textOf(ana.locator('.countdown'))).toContain('Paused');
    await facilitator.getByRole('button', { name: 'Resume', exact: true }).click();
    await poll(() => textOf(ana.locator('.countdown'))).not.toContain('Paused');
    await ana.getByRole('button', { name: "I'm done" }).click();
    await poll(() => ana.getByRole('button', { name: "I'm done" }).getAttribute('aria-pressed')).toBe('true');
    await poll(() => textOf(facilitator.locator('.top-bar-done'))).toBe('1 of 3 done');
  };

  const rotationsStep = async () => {
    await openConsoleSection(facilitator, 'People');
    await poll(() => textOf(facilitator.getByRole('list', { name: /Here now/ }))).toContain('Cy');
    await openConsoleSection(facilitator, 'Teams');
    await facilitator.getByRole('button', { name: 'Balance teams', exact: true }).click();
    // Three people for five stations: the console warns that teams are below the minimum size.
    await poll(() => textOf(facilitator.locator('.teams-panel'))).toContain('makes teams of');
    for (const name of ['Ana', 'Bo', 'Cy']) {
      await poll(() => textOf(facilitator.locator('.teams'))).toContain(name);
    }

    await openConsoleSection(facilitator, 'Run');
    await facilitator.getByRole('button', { name: 'Start group', exact: true }).click();
    for (const name of ['Ana', 'Bo']) await expectStation(name, 0, null);

    await facilitator.getByRole('button', { name: 'Start rotate', exact: true }).click();
    for (const name of ['Ana', 'Bo']) await expectStation(name, 1, 'rotation 1 of 2');

    await facilitator.getByRole('button', { name: 'Rotate teams', exact: true }).click();
    for (const name of ['Ana', 'Bo']) await expectStation(name, 2, 'rotation 2 of 2');

    // The run sheet shows what ran and what is running.
    const sheet = facilitator.getByRole('region', { name: 'Run sheet' });
    await poll(() => textOf(sheet.getByRole('row', { name: /Rotation 2/ }))).toContain('now');
    await poll(() => textOf(sheet.getByRole('row', { name: /Posting/ }))).toContain('done');
  };

  const moveTeamStep = async () => {
    const ana = person('Ana');
    const before = expectedStation('Ana', 2);
    await openConsoleSection(facilitator, 'Teams');
    const select = facilitator.getByLabel('Move Ana to team', { exact: true });
    const current = Number(await select.inputValue());
    const target = (current + 1) % stationCount;
    await select.selectOption(String(target));
    const moved = stationIndexForTeam(target, 2, stationCount) + 1;
    expect(moved).not.toBe(before.number);
    await poll(() => teamLine(ana.page)).toContain(`Your team: station ${moved},`);
    await poll(() => focusedStation(ana.page)).toBe(String(moved));

    // All planned rotations are done: the console no longer offers another (it offers only what makes sense now).
    await openConsoleSection(facilitator, 'Run');
    await facilitator.getByRole('button', { name: 'Next phase', exact: true }).waitFor();
    await poll(() => facilitator.getByRole('button', { name: 'Rotate teams', exact: true }).count()).toBe(0);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // Tall enough that the side panel (session panel and console) shows whole, without its own scrollbar.
    await facilitator.setViewportSize({ width: 1280, height: 3400 });
    await facilitator.locator('.board-side').screenshot({ path: path.join(ARTIFACTS, 'facilitator-console.png') });
    await ana.page.screenshot({ path: path.join(ARTIFACTS, 'facilitation-participant.png') });
    await person('Bo').page.screenshot({ path: path.join(ARTIFACTS, 'facilitation-participant-phone.png') });
  };

  const timeUpStep = async () => {
    const ana = person('Ana').page;
    // A phase of about a second, started through the API the console uses.
    const started = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'post',
      minutes: 0.02,
    });
    expect(started.status).toBe(200);
    const endsAt = String(started.json.session.endsAt);
    await poll(() => textOf(ana.locator('.countdown'))).toContain('Time is up');
    await poll(() => textOf(facilitator.locator('.countdown'))).toContain('Time is up');
    await poll(() => ana.locator('.session-clock').getAttribute('data-chimed-for')).toBe(endsAt);

    await joinAs('Dee');
    const dee = person('Dee').page;
    await poll(() => textOf(dee.locator('.countdown'))).toContain('Time is up');
    expect(await dee.locator('.session-clock').getAttribute('data-chimed-for')).toBeNull();
    expect(room.pageErrors).toEqual([]);
  };

  // Each test reaches the stage it needs (running the earlier ones first if need be), so any one runs alone.
  const reach = stages([
    ['joined', joinedStep],
    ['post', postStep],
    ['rotations', rotationsStep],
    ['moveTeam', moveTeamStep],
  ]);

  it(
    'the facilitator opens the console; three people join, one on a phone, one with a wrong clock',
    { timeout: 180_000 },
    () => reach('joined'),
  );
  it(
    'starts the post phase from the console; a participant sees the countdown and the post instruction',
    { timeout: 180_000 },
    () => reach('post'),
  );
  it(
    'balances teams, then group and rotate bring each participant to their station, and "Rotate teams" moves on',
    { timeout: 180_000 },
    () => reach('rotations'),
  );
  it('moves a person to another team with the keyboard-operable select', { timeout: 180_000 }, () => reach('moveTeam'));
  it(
    'signals time up on every screen and chimes once, but not for someone who arrives after the deadline',
    { timeout: 180_000 },
    () => reach('joined').then(timeUpStep),
  );
});
