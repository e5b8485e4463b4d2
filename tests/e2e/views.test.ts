// The board's other views in real Chromium: phone posting on a touch phone, the keyboard-only list view, projector mode.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { command, createBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser, screenshotDir } from '../helpers/browser.ts';
import { openRoom, type Room } from '../helpers/room.ts';

// These screenshots illustrate docs/facilitator-guide.md: `npm run screenshots` writes them there, `npm test` to tests/artifacts.
const ARTIFACTS = screenshotDir();
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** DOM shapes used inside page functions (the test tsconfig has no DOM library). */
type InPage = { ownerDocument: { activeElement: unknown } };
type PageRoot = { document: { documentElement: { scrollWidth: number; clientWidth: number } } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** A board link with `?view=` put before the fragment that carries the secret. */
function withView(link: string, view: string): string {
  const [base, fragment] = link.split('#');
  return `${base}?view=${view}#${fragment}`;
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === (element as unknown as InPage).ownerDocument.activeElement))
      return;
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe.runIf(hasBrowser())('views: phone posting, list and projector', { timeout: 60_000 }, () => {
  let room: Room;
  let board: CreatedBoard;

  beforeAll(async () => {
    room = await openRoom();
    board = await createBoard(room.server.baseUrl, 'Views board');
    const started = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'post',
    });
    expect(started.status).toBe(200);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await room?.close();
  });

  async function newPage(options: BrowserContextOptions): Promise<Page> {
    const page = await room.newPage(options);
    // Under the test's own 30 s, so a stuck step names itself instead of timing the whole test out.
    page.setDefaultTimeout(15_000);
    return page;
  }

  const joinAs = (page: Page, link: string, name: string) =>
    room.joinAs(link, name, { page, ready: (joined) => joined.getByRole('group', { name: 'View' }) });

  const notesRegion = (page: Page) => page.getByRole('region', { name: 'Notes', exact: true }).innerText();

  it('gives a participant on a phone the posting view: post, see it under "Your notes", edit it; others see the edit', async () => {
    const pia = await newPage(PHONE);
    const dan = await newPage(DESKTOP);
    await joinAs(pia, board.links.participant, 'Pia');
    await joinAs(dan, board.links.participant, 'Dan');

    // A narrow screen opens on the posting view by itself: no canvas, and no projector choice for participants.
    const yourNotes = pia.getByRole('heading', { name: /^Your notes/ });
    await yourNotes.waitFor();
    expect(await pia.locator('canvas').count()).toBe(0);
    expect(await pia.getByRole('button', { name: 'Phone posting', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await pia.getByRole('button', { name: 'Projector', exact: true }).count()).toBe(0);
    // The desktop keeps the canvas.
    await dan.locator('canvas').first().waitFor({ state: 'attached' });

    const text = 'Who rehearses the root zone KSK rollover?';
    await pia.getByLabel('Station', { exact: true }).selectOption({ label: '2. Security contingency planning' });
    const box = pia.getByLabel('Note', { exact: true });
    await box.tap();
    await box.fill(text);
    expect(await pia.getByText(/characters left/).innerText()).toBe(`${280 - text.length} characters left`);
    const post = pia.getByRole('button', { name: 'Post', exact: true });
    expect((await post.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await post.tap();
    await expect.poll(() => box.inputValue()).toBe('');

    const mine = pia.getByRole('list', { name: /^Your notes/ });
    await expect.poll(() => mine.innerText()).toContain(text);
    expect(await mine.innerText()).toContain('Station 2, Security contingency planning');
    await expect.poll(() => notesRegion(dan)).toContain(text);

    const edited = 'Who rehearses the root zone KSK rollover, and how often?';
    const item = mine.getByRole('listitem').filter({ hasText: text });
    const edit = item.getByRole('button', { name: /^Edit note: / });
    expect((await edit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await edit.tap();
    await pia.getByLabel(/^Edit note: /).fill(edited);
    await pia.getByRole('button', { name: 'Save', exact: true }).tap();
    await expect.poll(() => mine.innerText()).toContain(edited);
    await expect.poll(() => notesRegion(dan)).toContain(edited);
    expect(await notesRegion(dan)).not.toContain(text);

    // Nothing scrolls sideways, even on a small 360 px phone.
    for (const width of [390, 360]) {
      await pia.setViewportSize({ width, height: 780 });
      const overflow = await pia.evaluate(() => {
        const root = (globalThis as unknown as PageRoot).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await pia.setViewportSize({ width: 390, height: 844 });
    await pia.screenshot({ path: path.join(ARTIFACTS, 'phone-view.png'), fullPage: true });

    // The projector is the facilitator's: a participant asking for it by address gets the board.
    await dan.goto(`${room.server.baseUrl}/b/${board.boardId}?view=projector`);
    await expect
      .poll(() => dan.getByRole('button', { name: 'Board', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await dan.getByRole('main', { name: 'Projector' }).count()).toBe(0);
  });

  it('offers a phone the one-idea split: several questions go up as separate notes', async () => {
    const splitBoard = await createBoard(room.server.baseUrl, 'Split board');
    expect(
      (
        await command(room.server.baseUrl, splitBoard.boardId, splitBoard.facilitatorToken, {
          type: 'startPhase',
          phase: 'post',
        })
      ).status,
    ).toBe(200);
    const ona = await newPage(PHONE);
    await joinAs(ona, splitBoard.links.participant, 'Ona');
    await ona.getByRole('heading', { name: /^Your notes/ }).waitFor();
    await ona.getByLabel('Note', { exact: true }).fill('Who owns the contingency plan? How often is it rehearsed?');
    await ona.getByRole('button', { name: 'Post as 2 separate notes', exact: true }).tap();
    const mine = ona.getByRole('list', { name: /^Your notes/ });
    await expect.poll(() => mine.getByRole('listitem').count()).toBe(2);
    expect(await mine.innerText()).toContain('Who owns the contingency plan?');
    expect(await mine.innerText()).toContain('How often is it rehearsed?');
  });

  it('lets a keyboard-only participant post in the list view and move the note into a new group', async () => {
    const lin = await newPage(DESKTOP);
    const max = await newPage(DESKTOP);
    await joinAs(lin, board.links.participant, 'Lin');
    await joinAs(max, withView(board.links.participant, 'list'), 'Max');
    // Loading the board is not news: the live region stays quiet until a note comes or goes.
    await max.getByRole('heading', { level: 3, name: /^2\. Security contingency planning \(1 note\)/ }).waitFor();
    expect(await max.getByRole('status', { name: 'Note count' }).innerText()).toBe('');

    // Lin reaches the list view with the keyboard alone.
    const listChoice = lin.getByRole('button', { name: 'List', exact: true });
    await tabTo(lin, listChoice);
    await lin.keyboard.press('Enter');
    await expect.poll(() => listChoice.getAttribute('aria-pressed')).toBe('true');
    expect(lin.url()).toContain('?view=list');

    // Headings: one h2 per exercise, one h3 per station under it (once the board has loaded).
    await lin.getByRole('heading', { level: 3, name: /^2\. Security contingency planning/ }).waitFor();
    const h2 = await lin.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(h2.filter((t) => t.startsWith('Exercise 1:'))).toHaveLength(1);
    expect(h2.filter((t) => t.startsWith('Exercise 2:'))).toHaveLength(1);
    const stationHeadings = await lin.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(stationHeadings.filter((t) => /^\d\. /.test(t))).toHaveLength(10);
    await lin.getByText('Bylaws 4.6(c)(ii)(B)', { exact: true }).waitFor();

    // Post into station 3 with the station select and Enter.
    const station = lin.getByLabel('Station', { exact: true });
    await tabTo(lin, station);
    await lin.keyboard.press('ArrowDown');
    await lin.keyboard.press('ArrowDown');
    await expect.poll(async () => (await station.locator('option:checked').innerText()).startsWith('3. ')).toBe(true);
    await tabTo(lin, lin.getByLabel('Note', { exact: true }));
    const text = 'Which processes are shared with the RIRs and the IETF?';
    await lin.keyboard.type(text);
    await lin.keyboard.press('Enter');
    const stationThree = (page: Page) => page.getByRole('region', { name: /^3\. Clear, globally interoperable/ });
    await expect.poll(() => stationThree(lin).innerText()).toContain(text);
    await expect.poll(() => stationThree(max).innerText()).toContain(text);
    // Max's screen reader hears the arrival once, as a count (Pia's note was there when Max arrived).
    await expect
      .poll(() => max.getByRole('status', { name: 'Note count' }).innerText())
      .toBe('1 new note. 2 notes in all.');
    // Grouping opens with the group phase: while posting, no "Move to group" is offered.
    expect(await stationThree(lin).getByLabel('Move to group').count()).toBe(0);

    const grouping = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'group',
    });
    expect(grouping.status).toBe(200);
    const note = stationThree(lin).getByRole('listitem').filter({ hasText: text });
    const moveSelect = note.getByLabel('Move to group', { exact: true });
    await tabTo(lin, moveSelect);
    for (let i = 0; i < 5 && (await moveSelect.inputValue()) !== '__new__'; i++) await lin.keyboard.press('ArrowDown');
    expect(await moveSelect.locator('option:checked').innerText()).toBe('New group…');
    await lin.keyboard.press('Tab');
    expect(
      await note
        .getByLabel('New group name', { exact: true })
        .evaluate((el) => el === (el as unknown as InPage).ownerDocument.activeElement),
    ).toBe(true);
    await lin.keyboard.type('Interoperability');
    await lin.keyboard.press('Enter');

    for (const page of [lin, max]) {
      await stationThree(page).getByRole('heading', { level: 4, name: 'Interoperability' }).waitFor();
      await expect
        .poll(() => stationThree(page).getByRole('list', { name: 'Interoperability' }).innerText())
        .toContain(text);
    }
    // The new group's notes left "Ungrouped".
    expect(await stationThree(max).getByRole('heading', { level: 4, name: 'Ungrouped' }).count()).toBe(1);
    expect(await stationThree(max).getByRole('list', { name: 'Ungrouped' }).count()).toBe(0);
    await lin.screenshot({ path: path.join(ARTIFACTS, 'list-view.png'), fullPage: true });
  });

  it('shows the facilitator a projector view with a live countdown and the join QR code', async () => {
    const projected = await createBoard(room.server.baseUrl, 'Projector board');
    const facilitator = await newPage({ viewport: { width: 1280, height: 720 } });
    await facilitator.goto(projected.links.facilitator);
    await facilitator.getByRole('button', { name: 'Projector', exact: true }).click();
    await facilitator.getByRole('button', { name: 'Exit projector' }).waitFor();
    expect(await facilitator.getByRole('group', { name: 'View' }).count()).toBe(0);

    const timer = facilitator.getByRole('timer', { name: 'Time left' });
    expect(await timer.innerText()).not.toMatch(/\d/);
    const started = await command(room.server.baseUrl, projected.boardId, projected.facilitatorToken, {
      type: 'startPhase',
      phase: 'post',
      minutes: 10,
    });
    expect(started.status).toBe(200);
    await expect.poll(() => timer.innerText()).toMatch(/^\d{1,2}:\d{2}$/);
    await facilitator.getByText(/what questions should we look to address/).waitFor();

    const qr = facilitator.getByRole('img', { name: 'QR code of the participant link' });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(await facilitator.locator('.projector-link').innerText()).toBe(projected.links.participant);
    // The test server listens on 127.0.0.1, which phones cannot reach: the projector says so.
    await facilitator.getByRole('note').filter({ hasText: 'points at this computer only' }).waitFor();
    await facilitator.getByText('Ground rules', { exact: true }).waitFor();
    // It fills the viewport.
    const box = (await facilitator.getByRole('main', { name: 'Projector' }).boundingBox())!;
    expect(box.width).toBe(1280);
    expect(box.height).toBe(720);
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'projector.png') });

    await facilitator.getByRole('button', { name: 'Exit projector' }).click();
    await expect
      .poll(() => facilitator.getByRole('button', { name: 'Board', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(facilitator.url()).toContain('?view=board');
  });

  it('ran without script errors in any page', () => {
    expect(room.pageErrors).toEqual([]);
  });
});
