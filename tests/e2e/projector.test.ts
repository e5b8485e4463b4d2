// The projector in Chromium: nothing overlaps or leaves the screen at 1280x720, 1920x1080 and 3840x2160 in any phase,
// with five teams of long Arabic and Latin names and six long ground rules; names stay whole; the QR code follows "Renew join code" live; the
// poll and "N of M done" show; and the offline state appears when the server goes away.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { readBoard } from '@shared/doc/readBoard.ts';
import { addStation, setGroundRules } from '@shared/doc/structureOps.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser, screenshotDir, stages } from '../helpers/browser.ts';
import { connect } from '../helpers/clients.ts';
import { openRoom, type Room } from '../helpers/room.ts';
import { waitForServerState } from '../helpers/serverState.ts';
import { overlaps, outside, readLayout } from './textBoxes.ts';

const ARTIFACTS = screenshotDir();
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

/** Twenty people, four per team: long names, Arabic ones, and names that mix Arabic and Latin letters. */
const NAMES = [
  'محمد عبد الرحمن الهاشمي',
  'Alexandra Konstantinopoulou-Wetherby',
  'Nguyễn Thị Minh Khai',
  'يوسف Jean-Baptiste',
  'Bo',
  'Siobhán Ní Dhuibhir-Castellanos',
  'فاطمة الزهراء بنت عبد الله',
  'Ana',
  'Wolfgang Amadeus Hinterseer',
  'Łukasz Żółkiewski',
  'Олександра Кравченко-Шевчук',
  'ليلى Smith',
  'Kofi Annan-Mensah Boateng',
  'Priyanka Ramaswamy Venkataraman',
  'Eve',
  '佐藤 花子',
  'Marie-Thérèse de La Rochefoucauld',
  'عمر',
  'Jo',
  'Gustavo Adolfo Domínguez Bécquer',
];

const RULES = [
  'One idea per post-it note, written as a question the review could answer',
  'Please print clearly: the notes are read from across the room',
  'قاعدة: نناقش الأفكار لا الأشخاص (ideas, not people)',
  'At least four people per station (">3 people per station")',
  'Discuss, don\'t "debate"',
  'This is about ideas right now, not decisions: the decisions come in the closing stage',
];

describe.runIf(hasBrowser())('projector', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let projector: Page;
  let people: { participantId: string; token: string; name: string }[] = [];
  let teams: string[][] = [];

  const send = async (body: unknown, token = board.facilitatorToken) => {
    const reply = await command(room.server.baseUrl, board.boardId, token, body);
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    return reply.json as { joinCode?: string };
  };
  const phase = () => projector.locator('.projector-phase').innerText();

  /** Every size: no two text boxes overlap, none leaves the viewport, nothing scrolls. */
  async function expectFitsEverySize(label: string) {
    for (const size of SIZES) {
      await projector.setViewportSize(size);
      // Wait for the new size's layout (the QR code's width follows the viewport).
      await expect.poll(() => projector.evaluate(() => window.innerWidth)).toBe(size.width);
      const layout = await readLayout(projector, '.projector');
      const where = `${label} at ${size.width}x${size.height}`;
      expect(layout.boxes.length, where).toBeGreaterThan(10);
      expect(overlaps(layout.boxes), where).toEqual([]);
      expect(outside(layout), where).toEqual([]);
      expect(layout.overflow, where).toEqual({ x: 0, y: 0 });
      await projector.screenshot({ path: path.join(ARTIFACTS, `projector-${label}-${size.width}x${size.height}.png`) });
    }
    await projector.setViewportSize(SIZES[0]);
  }

  const reach = stages([
    [
      'setup',
      async () => {
        board = await createBoard(room.server.baseUrl, 'SSR2 Review Team: Copenhagen plenary brainstorm, ICANN58');
        people = [];
        for (const name of NAMES)
          people.push({ ...(await join(room.server.baseUrl, board.boardId, board.joinCode, name)), name });
        teams = [0, 1, 2, 3, 4].map((team) => people.filter((_, i) => i % 5 === team).map((p) => p.participantId));
        // Six ground rules as a facilitator might write them: some long enough to wrap.
        const facilitator = connect(room.server.wsUrl, board.boardId, board.facilitatorToken);
        await facilitator.synced();
        expect(setGroundRules(facilitator.doc, RULES).ok).toBe(true);
        await waitForServerState(
          room.server.wsUrl,
          board.boardId,
          board.facilitatorToken,
          (doc) => readBoard(doc).groundRules.length,
          (n) => n === RULES.length,
        );
        facilitator.destroy();
        projector = await room.newPage({ viewport: SIZES[0] });
        projector.setDefaultTimeout(15_000);
        await projector.goto(board.links.facilitator.replace('#', '?view=projector#'));
        await projector.getByRole('button', { name: 'Exit projector' }).waitFor();
        await projector.getByRole('img', { name: 'QR code of the participant link' }).waitFor();
        // Focus starts inside the projector: the first Tab reaches its first control.
        expect(await projector.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Projector');
        await projector.keyboard.press('Tab');
        expect(await projector.evaluate(() => document.activeElement?.textContent)).toBe('Mute chime');
      },
    ],
    [
      'post',
      async () => {
        await send({ type: 'startPhase', phase: 'post', minutes: 15 });
        // Two people said they are done: they count even though their browsers are not open.
        for (const person of people.slice(0, 2)) await send({ type: 'markDone', done: true }, person.token);
        await expect.poll(phase).toBe('Posting');
      },
    ],
    [
      'group',
      async () => {
        await send({ type: 'startPhase', phase: 'group', minutes: 5 });
        await send({ type: 'assignTeams', teams });
        await expect.poll(() => projector.locator('.projector-teams > li').count()).toBe(5);
      },
    ],
    [
      'rotate',
      async () => {
        await send({ type: 'setAutoAdvance', enabled: true });
        // A rotation that is over in a moment: time runs out and the "need more time?" poll opens.
        await send({ type: 'startPhase', phase: 'rotate', minutes: 0.02 });
        await send({ type: 'assignTeams', teams });
        await expect.poll(phase).toMatch(/^Rotating/);
      },
    ],
  ]);

  beforeAll(async () => {
    room = await openRoom();
  });

  afterAll(async () => {
    await room?.close();
  });

  it('fits every size while getting ready and posting, with "N of M done"', async () => {
    await reach('setup');
    await expectFitsEverySize('setup');
    await reach('post');
    await expect.poll(() => projector.locator('.projector-done').innerText()).toBe('2 of 2 done');
    await expectFitsEverySize('post');
  });

  it('lists five teams at their stations while grouping, each name whole, and fits every size', async () => {
    await reach('group');
    const lines = projector.locator('.projector-teams > li');
    for (let team = 0; team < 5; team++) {
      const line = lines.nth(team);
      expect(await line.locator('.projector-team-where').innerText()).toMatch(new RegExp(`^Team ${team + 1}\\b`));
      // Every name sits in its own <bdi>, whole and in order, so "يوسف Jean-Baptiste" keeps both its halves.
      const names = await line.locator('.projector-members bdi').allTextContents();
      expect(names).toEqual(teams[team]!.map((id) => people.find((p) => p.participantId === id)!.name));
    }
    await expectFitsEverySize('group');
  });

  it('shows only teams that have people: an empty team is left out', async () => {
    await reach('group');
    // Three teams for five stations: the server pads the list with empty teams, which the projector leaves out.
    await send({ type: 'assignTeams', teams: [teams[0], [], teams[2]] });
    await expect
      .poll(() => projector.locator('.projector-team-where strong').allInnerTexts())
      .toEqual(['Team 1', 'Team 3']);
    await send({ type: 'assignTeams', teams });
    await expect.poll(() => projector.locator('.projector-teams > li').count()).toBe(5);
  });

  it('shows the "need more time?" poll when time runs out while rotating, and still fits every size', async () => {
    await reach('rotate');
    const poll = projector.locator('.projector-poll[data-state="open"]');
    await expect.poll(() => poll.count(), { timeout: 20_000 }).toBe(1);
    for (const person of people.slice(0, 3)) await send({ type: 'answerMoreTime', needMoreTime: true }, person.token);
    await send({ type: 'answerMoreTime', needMoreTime: false }, people[3]!.token);
    await expect.poll(() => poll.locator('.projector-poll-tally').innerText()).toBe('3 yes · 1 no');
    expect(await poll.innerText()).toMatch(/^Need more time\? Answer on your screen/);
    await expectFitsEverySize('rotate');
  });

  it('shows the new QR code and link after "Renew join code", without a reload', async () => {
    await reach('setup');
    const link = projector.locator('.projector-link');
    const qr = projector.getByRole('img', { name: 'QR code of the participant link' });
    const before = { link: await link.innerText(), qr: await qr.getAttribute('src') };
    expect(before.link).toBe(board.links.participant);
    const navigations: string[] = [];
    projector.on('framenavigated', (frame) => navigations.push(frame.url()));

    const { joinCode } = await send({ type: 'renewJoinCode' });
    expect(joinCode).toBeTruthy();
    await expect.poll(() => link.innerText()).toBe(board.links.participant.replace(board.joinCode, joinCode!));
    expect(await qr.getAttribute('src')).not.toBe(before.qr);
    expect(navigations).toEqual([]);
  });

  it('closes calmly and still fits every size', async () => {
    await reach('rotate');
    await send({ type: 'close' });
    await expect.poll(phase).toBe('Closed');
    expect(await projector.locator('.projector-teams').count()).toBe(0);
    await expectFitsEverySize('closed');
  });

  it('fits eight teams at eight stations: the team list shrinks its type instead of running over', async () => {
    const base = room.server.baseUrl;
    const big = await createBoard(base, 'Eight stations');
    const facilitator = connect(room.server.wsUrl, big.boardId, big.facilitatorToken);
    await facilitator.synced();
    for (const n of [6, 7, 8]) {
      expect(addStation(facilitator.doc, 'ex1', { title: `Extra station ${n}: operational readiness review` }).ok).toBe(
        true,
      );
    }
    const stationsOf = (doc: Y.Doc) => readBoard(doc).areas.filter((a) => a.exerciseId === 'ex1').length;
    await waitForServerState(room.server.wsUrl, big.boardId, big.facilitatorToken, stationsOf, (n) => n === 8);
    facilitator.destroy();
    const ids: string[] = [];
    for (const name of [...NAMES, ...NAMES.slice(0, 12)])
      ids.push((await join(base, big.boardId, big.joinCode, name)).participantId);
    const eight = [0, 1, 2, 3, 4, 5, 6, 7].map((team) => ids.filter((_, i) => i % 8 === team));
    for (const body of [
      { type: 'startPhase', phase: 'post' },
      { type: 'startPhase', phase: 'group' },
      { type: 'assignTeams', teams: eight },
    ]) {
      expect((await command(base, big.boardId, big.facilitatorToken, body)).status).toBe(200);
    }
    const page = await room.newPage({ viewport: SIZES[0] });
    await page.goto(big.links.facilitator.replace('#', '?view=projector#'));
    // A fresh page: its first load, the view's chunk and the board's sync come first (a loaded CI machine is slow).
    await expect.poll(() => page.locator('.projector-teams > li').count(), { timeout: 15_000 }).toBe(8);
    const layout = await readLayout(page, '.projector');
    expect(overlaps(layout.boxes)).toEqual([]);
    expect(outside(layout)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'projector-eight-teams-1280x720.png') });
  });

  it('says it is reconnecting when the server goes away, and stops saying so when it is back', async () => {
    await reach('setup');
    const connection = projector.getByRole('status', { name: 'Connection' });
    expect(await connection.innerText()).toBe('');
    await room.server.stop();
    await expect.poll(() => connection.innerText(), { timeout: 30_000 }).toMatch(/^Reconnecting…/);
    // The reconnecting line fits too, at the smallest size.
    const layout = await readLayout(projector, '.projector');
    expect(overlaps(layout.boxes)).toEqual([]);
    expect(outside(layout)).toEqual([]);
    await projector.screenshot({ path: path.join(ARTIFACTS, 'projector-offline-1280x720.png') });
    await room.server.restart();
    await expect.poll(() => connection.innerText(), { timeout: 30_000 }).toBe('');
  });

  it('ran without script errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
