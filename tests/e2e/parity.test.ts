// The list view and the phone view offer what the canvas does, in real Chromium: discussion and hand-off from both,
// merge / ungroup / tidy for the facilitator from the list, focus that follows a moved note, controls named after
// the note they act on, and counts in correct English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { command, createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { hasBrowser } from '../helpers/browser.ts';
import { laidOut, noteCentre, overlapping, withView } from '../helpers/canvas.ts';
import { openRoom, type Room } from '../helpers/room.ts';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
const TEXTS = ['Root server metrics', 'RSSAC047 measurements', 'Anycast site placement'];
const PIAS = 'Who audits the root zone signing?';

const isFocused = (locator: Locator) =>
  locator.evaluate(
    (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
  );

/** Polls for up to 10 s: the whole suite shares two cores, and a loaded machine syncs slower. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe.runIf(hasBrowser())('list and phone parity', { timeout: 120_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let ana: Page;
  let pia: Page;
  let lead: Page;
  let leadCanvas: Page;

  const textOf = (locator: Locator) => locator.innerText();
  const groupsOf = (page: Page) => page.getByRole('region', { name: 'Groups', exact: true });

  async function discuss(page: Page, text: string): Promise<void> {
    const select = page.getByLabel('Discuss', { exact: true });
    // As a person would: reach the select first (a large board's select lists its notes once it is reached).
    await select.focus();
    const option = select.locator('option', { hasText: text });
    await poll(() => option.count()).toBe(1);
    await select.selectOption((await option.getAttribute('value'))!);
  }

  async function post(page: Page, text: string): Promise<void> {
    const box = page.getByLabel('Note', { exact: true });
    await box.fill(text);
    await box.press('Enter');
    await poll(() => box.inputValue()).toBe('');
  }

  async function moveToNewGroup(page: Page, text: string, label: string): Promise<Locator> {
    const item = page.locator('.list-note', { hasText: text });
    await item.getByLabel('Move to group', { exact: true }).selectOption('__new__');
    await item.getByLabel('New group name', { exact: true }).fill(label);
    await item.getByRole('button', { name: `Move note: ${text}`, exact: true }).click();
    return page.getByRole('list', { name: label, exact: true });
  }

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'Parity');
    lead = await room.newPage();
    await lead.goto(withView(board.links.facilitator, 'list'));
    await lead.getByRole('heading', { name: 'Here now', exact: false }).waitFor();
    leadCanvas = await room.newPage();
    await leadCanvas.goto(board.links.facilitator);
    ana = await room.joinAs(withView(board.links.participant, 'list'), 'Ana');
    pia = await room.joinAs(withView(board.links.participant, 'phone'), 'Pia', {
      context: PHONE,
      ready: (page) => page.getByRole('heading', { name: /^Your notes/ }),
    });
    for (const page of [lead, leadCanvas, ana, pia]) page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await room?.close();
  });

  it('names every note control after its note, and counts in correct English', async () => {
    for (const text of TEXTS) await post(ana, text);
    await post(pia, PIAS);
    await ana.getByRole('heading', { level: 3, name: /\(4 notes\)$/ }).waitFor();
    expect(await ana.getByRole('heading', { level: 3, name: /\(1 notes\)$/ }).count()).toBe(0);
    for (const text of TEXTS) {
      expect(await ana.getByRole('button', { name: `Edit note: ${text}`, exact: true }).count()).toBe(1);
      expect(await ana.getByRole('button', { name: `Delete note: ${text}`, exact: true }).count()).toBe(1);
    }
    // Pia's note is hers: Ana gets no Edit or Delete for it.
    expect(await ana.getByRole('button', { name: /^(Edit|Delete) note: Who audits/ }).count()).toBe(0);
    await poll(() => textOf(pia.getByRole('heading', { name: /^Your notes/ }))).toBe('Your notes (1 note)');
  });

  it('keeps focus on a note moved to a group, in its new place', async () => {
    const started = await command(room.server.baseUrl, board.boardId, board.facilitatorToken, {
      type: 'startPhase',
      phase: 'group',
    });
    expect(started.status).toBe(200);
    const metrics = await moveToNewGroup(ana, TEXTS[0]!, 'Metrics');
    await poll(() => textOf(metrics)).toContain(TEXTS[0]);
    const moved = metrics.locator('.list-note', { hasText: TEXTS[0] }).getByLabel('Move to group', { exact: true });
    await poll(() => isFocused(moved)).toBe(true);
    await poll(() => textOf(groupsOf(ana))).toContain('Metrics (1 note)');
  });

  it('comments, replies and leaves hand-off summaries from the list view and the phone view', async () => {
    await discuss(ana, TEXTS[1]!);
    await ana.getByLabel('Comment', { exact: true }).fill('Which of the RSSAC047 metrics matter here?');
    await ana.getByRole('button', { name: 'Add comment', exact: true }).click();

    await discuss(pia, TEXTS[1]!);
    const piaDiscussion = pia.getByRole('region', { name: 'Discussion', exact: true });
    await poll(() => textOf(piaDiscussion)).toContain('Which of the RSSAC047 metrics matter here?');
    await piaDiscussion.getByRole('button', { name: 'Reply to Ana', exact: true }).tap();
    await piaDiscussion.getByLabel('Reply', { exact: true }).fill('Latency and availability, at least.');
    await piaDiscussion.getByRole('button', { name: 'Add reply', exact: true }).tap();
    await expect
      .poll(() => textOf(ana.getByRole('region', { name: 'Discussion', exact: true })))
      .toContain('Latency and availability, at least.');

    for (const [page, summary] of [
      [ana, 'We grouped the metrics; placement is still open.'],
      [pia, 'Signing audits need their own group.'],
    ] as const) {
      const handoff = page.getByRole('region', { name: 'Station hand-off', exact: true });
      await handoff.getByLabel('Leave a summary for the next team', { exact: true }).fill(summary);
      await handoff.getByRole('button', { name: 'Leave summary', exact: true }).click();
      await poll(() => textOf(handoff)).toContain(`Your team left: ${summary}`);
    }
  });

  it('lets the facilitator merge, tidy and ungroup from the list view', async () => {
    const measures = await moveToNewGroup(lead, TEXTS[1]!, 'Measures');
    await poll(() => textOf(measures)).toContain(TEXTS[1]);
    const groups = groupsOf(lead);
    await poll(() => textOf(groups)).toContain('Measures (1 note)');
    await groups.getByLabel('Merge Measures into', { exact: true }).selectOption({ label: 'Metrics' });
    await groups.getByRole('button', { name: 'Merge Measures into the chosen group', exact: true }).click();
    await poll(() => textOf(groups)).toContain('Metrics (2 notes)');
    expect(await textOf(groups)).not.toContain('Measures');

    // Tidy rearranges the station's notes, as the canvas on another screen draws them.
    await poll(async () => (await laidOut(leadCanvas)).length).toBe(4);
    const before = JSON.stringify(await laidOut(leadCanvas));
    await groups.getByRole('button', { name: /^Tidy / }).click();
    await poll(async () => JSON.stringify(await laidOut(leadCanvas))).not.toBe(before);
    expect(overlapping(await laidOut(leadCanvas))).toEqual([]);

    await groups.getByRole('button', { name: 'Ungroup Metrics', exact: true }).click();
    await poll(() => textOf(groups)).toContain('No groups yet');
    await poll(() => textOf(groupsOf(pia))).toContain('No groups yet');
  });

  it('gives a phone a usable Board view: the canvas under the title bar, notes tappable, pinch zoom', async () => {
    const ola = await room.joinAs(withView(board.links.participant, 'board'), 'Ola', { context: PHONE });
    ola.setDefaultTimeout(15_000);
    const canvas = (await ola.locator('.canvas').boundingBox())!;
    // Right under the view switcher and the title bar, and most of the screen's height.
    expect(canvas.y).toBeLessThan(300);
    expect(canvas.height).toBeGreaterThan(844 / 2);

    const at = await noteCentre(ola, TEXTS[2]!);
    await ola.touchscreen.tap(at.x, at.y);
    const sheet = ola.getByRole('dialog', { name: 'Note by Ana', exact: true });
    await poll(() => sheet.innerText()).toContain(TEXTS[2]);
    await sheet.getByRole('button', { name: 'Close note', exact: true }).tap();
    await poll(() => sheet.count()).toBe(0);

    // Two fingers spread apart on the empty top of a station: the notes move apart on screen (zoomed in).
    const spread = async () => {
      const [a, b] = [await noteCentre(ola, TEXTS[0]!), await noteCentre(ola, PIAS)];
      return Math.hypot(a.x - b.x, a.y - b.y);
    };
    const before = await spread();
    const cdp = await ola.context().newCDPSession(ola);
    const mid = { x: canvas.x + canvas.width / 2, y: canvas.y + 120 };
    const fingers = (gap: number) => [
      { x: mid.x - gap, y: mid.y, id: 1 },
      { x: mid.x + gap, y: mid.y, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (let gap = 30; gap <= 110; gap += 10)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(gap) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await poll(spread).toBeGreaterThan(before * 1.5);
    expect(room.pageErrors).toEqual([]);
  });
});
