// axe-core in Chromium on every view, each in a realistic state (notes posted, a named group, the room grouping): no
// serious or critical violation anywhere; moderate and minor ones are printed for the next round.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { addNote, createGroup } from '@shared/doc/ops.ts';
import { NOTES_PAGE } from '../../client/src/board/notesPage.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { command, createBoard, join, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { connect } from '../helpers/clients.ts';
import { openRoom, type Room } from '../helpers/room.ts';
import { waitForServerState } from '../helpers/serverState.ts';
import { waitFor } from '../helpers/waitFor.ts';

const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const LAPTOP = { viewport: { width: 1440, height: 900 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const NOTES = [
  'How is the root zone KSK rollover rehearsed?',
  'Who audits the contingency plan, and how often?',
  'Does ICANN measure resolver uptake of DNSSEC validation?',
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the whole page; returns its violations, each with up to five offending elements. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    }));
  });
}

/** No serious or critical violation on `page`; the rest are printed with the view's name. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  const violations = await axeViolations(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !blocking.includes(v));
  console.log(
    `axe ${view}: ${blocking.length} serious/critical, ${other.length} moderate/minor` +
      other.map((v) => `\n  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join(''),
  );
  expect(blocking, `${view}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

/** A board link with `?view=` before the fragment that carries the secret. */
function withView(link: string, view: string): string {
  const [base, fragment] = link.split('#');
  return `${base}?view=${view}#${fragment}`;
}

describe.runIf(hasBrowser())('accessibility (axe-core)', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let participant: Page;

  beforeAll(async () => {
    // The app's Content-Security-Policy (rightly) refuses injected scripts: these contexts let axe-core in.
    room = await openRoom({ context: { ...LAPTOP, bypassCSP: true } });
    const base = room.server.baseUrl;
    board = await createBoard(base, 'Accessibility board');
    expect(
      (await command(base, board.boardId, board.facilitatorToken, { type: 'startPhase', phase: 'post' })).status,
    ).toBe(200);
    // Notes posted by a person through the stock client, then grouped and named by the facilitator.
    const ana = await join(base, board.boardId, board.joinCode, 'Ana');
    const client = connect(room.server.wsUrl, board.boardId, ana.token);
    await client.synced();
    const author = { id: ana.participantId, name: 'Ana', role: 'participant' as const };
    NOTES.forEach((text, i) =>
      addNote(client.doc, { areaId: i < 2 ? 'ex1-a2' : 'ex1-a1', text, author, createdAt: i + 1 }),
    );
    const facilitator = connect(room.server.wsUrl, board.boardId, board.facilitatorToken);
    await facilitator.synced();
    await waitFor(
      () => readBoard(facilitator.doc).notes.length,
      (n) => n === NOTES.length,
    );
    const contingency = readBoard(facilitator.doc)
      .notes.filter((n) => n.areaId === 'ex1-a2')
      .map((n) => n.id);
    expect(
      createGroup(facilitator.doc, { areaId: 'ex1-a2', noteIds: contingency, label: 'Rehearsing the plan' }).ok,
    ).toBe(true);
    await waitForServerState(
      room.server.wsUrl,
      board.boardId,
      board.facilitatorToken,
      (doc) => readBoard(doc).groups.length,
      (n) => n === 1,
    );
    client.destroy();
    facilitator.destroy();
    participant = await room.joinAs(board.links.participant, 'Bo');
    expect((await command(base, board.boardId, board.facilitatorToken, { type: 'nextPhase' })).status).toBe(200);
    await waitFor(
      () => participant.locator('.session-phase').innerText(),
      (phase) => phase.includes('Grouping'),
    );
  });

  afterAll(async () => {
    await room?.close();
  });

  it('sees a violation when there is one (the harness itself works)', async () => {
    const page = await room.newPage();
    await page.setContent('<main><button></button><p style="color:#777;background:#888">faint</p></main>');
    const found = await axeViolations(page);
    expect(found.find((v) => v.id === 'button-name')?.impact).toBe('critical');
    expect(found.find((v) => v.id === 'color-contrast')?.impact).toBe('serious');
  });

  it('start page', async () => {
    const page = await room.newPage();
    await page.goto(`${room.server.baseUrl}/`);
    await page.getByRole('heading', { name: 'New board' }).waitFor();
    await page.getByLabel(/^Preview of /).waitFor();
    await expectAccessible(page, 'start page');
    // After creating a board: its three links, and the list of boards made in this browser.
    await page.getByLabel('Board name', { exact: true }).fill('مراجعة SSR2 review');
    await page.getByRole('button', { name: 'Create board', exact: true }).click();
    await page.getByRole('heading', { name: 'Your board is ready' }).waitFor();
    await expectAccessible(page, 'start page with a new board');
    // The Arabic-first title is its own right-to-left run, isolated from the "created …" text beside it.
    const mine = page.getByRole('link', { name: 'مراجعة SSR2 review', exact: true });
    expect(await mine.evaluate((a) => [getComputedStyle(a).direction, getComputedStyle(a).unicodeBidi])).toEqual([
      'rtl',
      'isolate',
    ]);
  });

  it('board view, participant', async () => {
    await participant.getByRole('region', { name: 'Notes', exact: true }).getByText(NOTES[0]!).first().waitFor();
    await expectAccessible(participant, 'board view (participant)');
  });

  it('board view with the facilitator console', async () => {
    const page = await room.newPage();
    await page.goto(board.links.facilitator);
    await page.getByRole('heading', { name: 'Facilitator console' }).waitFor();
    await page.getByRole('region', { name: 'Notes', exact: true }).getByText(NOTES[0]!).first().waitFor();
    await expectAccessible(page, 'board view and console (facilitator)');
  });

  it("the console's note selects: named before they list the notes, the whole list for a keyboard user", async () => {
    const page = await room.newPage();
    await page.goto(board.links.facilitator);
    await page.getByRole('region', { name: 'Notes', exact: true }).getByText(NOTES[0]!).first().waitFor();
    const selects = ['Discuss', 'Note to edit', 'Keep this note', 'Merge this duplicate into it'].map((name) =>
      page.getByRole('combobox', { name, exact: true }),
    );
    // Not reached yet: each says what it is for and offers its prompt, and holds no note.
    for (const select of selects) {
      expect(await select.locator('option').allInnerTexts()).toHaveLength(1);
      expect(await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toMatch(
        /^Choose a note/,
      );
    }
    // A keyboard user tabs through the page to it and arrows down to the first note.
    const noteToEdit = selects[1]!;
    const isFocused = () => noteToEdit.evaluate((el) => el === document.activeElement);
    for (let presses = 0; presses < 300 && !(await isFocused()); presses++) await page.keyboard.press('Tab');
    expect(await isFocused()).toBe(true);
    expect(await noteToEdit.locator('option').count()).toBe(1 + NOTES.length);
    await page.keyboard.press('ArrowDown');
    const wording = page.getByLabel('New wording', { exact: true });
    await expect.poll(() => wording.inputValue()).not.toBe('');
    expect(NOTES).toContain(await wording.inputValue());
    // A pointer lists another; the one nobody reached still holds only its prompt.
    await selects[2]!.dispatchEvent('pointerdown');
    await expect.poll(() => selects[2]!.locator('option').count()).toBe(1 + NOTES.length);
    expect(await selects[3]!.locator('option').count()).toBe(1);
    await expectAccessible(page, 'facilitator console with its note selects listed');
  });

  it('board view of a long station: its first notes, a button for the next ones, focus on the first added', async () => {
    const base = room.server.baseUrl;
    const long = await createBoard(base, 'Long station');
    expect(
      (await command(base, long.boardId, long.facilitatorToken, { type: 'startPhase', phase: 'post' })).status,
    ).toBe(200);
    const lee = await join(base, long.boardId, long.joinCode, 'Lee');
    const client = connect(room.server.wsUrl, long.boardId, lee.token);
    await client.synced();
    const author = { id: lee.participantId, name: 'Lee', role: 'participant' as const };
    const count = NOTES_PAGE + 7;
    const textOf = (n: number) => `Question ${n} about station one`;
    client.doc.transact(() => {
      for (let n = 1; n <= count; n++) addNote(client.doc, { areaId: 'ex1-a1', text: textOf(n), author, createdAt: n });
    });
    await waitForServerState(
      room.server.wsUrl,
      long.boardId,
      long.facilitatorToken,
      (doc) => readBoard(doc).notes.length,
      (n) => n === count,
    );
    client.destroy();

    const page = await room.newPage();
    await page.goto(long.links.facilitator);
    const notes = page.getByRole('region', { name: 'Notes', exact: true });
    await notes.getByText(`${count} notes in 5 stations.`, { exact: false }).waitFor({ state: 'attached' });
    const station = notes.getByRole('region', { name: /^1\. / });
    expect(await station.getByRole('heading').innerText()).toMatch(new RegExp(`\\(${count} notes\\)$`));
    const items = station.getByRole('listitem');
    expect(await items.count()).toBe(NOTES_PAGE);
    expect(await station.innerText()).not.toContain(textOf(NOTES_PAGE + 1));
    // A search finds a note past the first page, and says how many match; cleared, the first page is back.
    await notes.getByLabel('Find notes', { exact: true }).fill(textOf(count - 4));
    await expect.poll(() => notes.getByRole('status').innerText()).toBe('1 note matches.');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.innerText()).toContain(textOf(count - 4));
    expect(await station.getByRole('heading').innerText()).toMatch(new RegExp(`\\(1 of ${count} notes match\\)$`));
    await notes.getByLabel('Find notes', { exact: true }).fill('');
    await expect.poll(() => items.count()).toBe(NOTES_PAGE);
    // The button is the way to the rest; while it has focus the list is drawn over the page, for sighted keyboard users.
    const more = station.getByRole('button', { name: `Show 7 more notes of station 1 (7 not listed)`, exact: true });
    await more.focus();
    expect((await notes.boundingBox())!.width).toBeGreaterThan(200);
    await expectAccessible(page, 'board view, notes list focused');
    await more.press('Enter');
    await expect.poll(() => items.count()).toBe(count);
    expect(await more.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain(textOf(NOTES_PAGE + 1));
    expect(await items.nth(NOTES_PAGE).innerText()).toContain(textOf(NOTES_PAGE + 1));
  });

  it('list view', async () => {
    const page = await room.newPage();
    await page.goto(withView(board.links.facilitator, 'list'));
    // In the list itself: the console's "Discuss" select lists the notes too, as options that never show.
    await page.locator('.list-board').getByText(NOTES[1]!).first().waitFor();
    await page.locator('.list-board').getByText('Rehearsing the plan').first().waitFor();
    await expectAccessible(page, 'list view (facilitator)');
    // Bo's identity is stored in this browser: the plain board address opens as Bo.
    await participant.goto(`${room.server.baseUrl}/b/${board.boardId}?view=list`);
    await participant.locator('.list-board').getByText(NOTES[1]!).first().waitFor();
    await expectAccessible(participant, 'list view (participant)');
  });

  it('phone view', async () => {
    const page = await room.joinAs(board.links.participant, 'Pia', {
      context: PHONE,
      ready: (joined) => joined.getByRole('group', { name: 'View' }),
    });
    await page.getByRole('heading', { name: /^Your notes/ }).waitFor();
    await expectAccessible(page, 'phone view');
  });

  it('projector, while grouping', async () => {
    const page = await room.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(withView(board.links.facilitator, 'projector'));
    await page.getByRole('img', { name: 'QR code of the participant link' }).waitFor();
    await page.locator('.projector-teams > li').first().waitFor();
    await expectAccessible(page, 'projector 1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectAccessible(page, 'projector 1920x1080');
  });

  it('ran without script errors', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
