// People in Chromium: "Remove" lets a person back with a new name, "Remove and block" refuses their device on that
// link, and renewing the observer code disconnects the observer who used the old link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser } from '../helpers/browser.ts';
import { createPostingBoard, type CreatedBoard } from '../helpers/api.ts';
import { openConsoleSection } from '../helpers/console.ts';
import { openRoom, type Room } from '../helpers/room.ts';

describe.runIf(hasBrowser())('removing people and renewing links', { timeout: 90_000 }, () => {
  let room: Room;
  let board: CreatedBoard;
  let facilitator: Page;

  beforeAll(async () => {
    room = await openRoom({ context: { viewport: { width: 1440, height: 900 } } });
    board = await createPostingBoard(room.server.baseUrl, 'People replay');
    facilitator = await room.newPage();
    await facilitator.goto(board.links.facilitator);
    await openConsoleSection(facilitator, 'People');
  });
  afterAll(async () => {
    await room?.close();
  });

  const peopleList = () => facilitator.getByRole('region', { name: 'People', exact: true });

  /** Asks to remove `name` and picks one of the two answers; the question says what each does. */
  async function remove(name: string, answer: 'Remove' | 'Remove and block') {
    await expect.poll(() => peopleList().innerText()).toContain(name);
    await facilitator.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    const question = facilitator.getByRole('group', { name: `Remove ${name}?` });
    expect(await question.innerText()).toMatch(/this device cannot join this board again, even with a new name/);
    // Focus went to the first answer, so the keyboard is where the decision is.
    expect(
      await question
        .getByRole('button', { name: 'Remove', exact: true })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    await question.getByRole('button', { name: answer, exact: true }).click();
    await expect.poll(() => peopleList().innerText()).not.toContain(name);
  }

  async function rejoin(page: Page, name: string) {
    await page.getByLabel('Your name', { exact: true }).waitFor();
    await page.getByLabel('Your name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  }

  it('lets a removed (not blocked) person rejoin with a new name, as before', async () => {
    const bo = await room.joinAs(board.links.participant, 'Bo');
    await remove('Bo', 'Remove');
    // Bo's screen drops the board and asks for a name again.
    await rejoin(bo, 'Bo again');
    await bo.getByRole('heading', { name: /Here now/ }).waitFor();
    await expect.poll(() => peopleList().innerText()).toContain('Bo again');
  });

  it('refuses a blocked person’s device when they try the same link with a new name', async () => {
    const ana = await room.joinAs(board.links.participant, 'Ana');
    await remove('Ana', 'Remove and block');
    await rejoin(ana, 'Anna');
    await expect
      .poll(() => ana.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringMatching(/removed you from this board and blocked this device/));
    expect(await ana.getByRole('heading', { name: /Here now/ }).count()).toBe(0);
    expect(await peopleList().innerText()).not.toContain('Anna');
    // Another device on the same link still joins.
    const cy = await room.joinAs(board.links.participant, 'Cy');
    await cy.getByRole('heading', { name: /Here now/ }).waitFor();
  });

  it('renews the observer code after a plain-words confirmation; the old link’s observer is disconnected', async () => {
    const olga = await room.joinAs(board.links.observer, 'Olga');
    await expect.poll(() => peopleList().innerText()).toContain('Olga');
    await openConsoleSection(facilitator, 'Options');
    await facilitator.locator('summary', { hasText: 'Observer link' }).click();
    const asked: string[] = [];
    facilitator.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await facilitator.getByRole('button', { name: 'Renew observer code', exact: true }).click();
    const fresh = facilitator.getByLabel('New observer link', { exact: true });
    await fresh.waitFor();
    expect(asked[0]).toMatch(/Observers using the old link will be disconnected/);
    const link = await fresh.inputValue();
    expect(link).not.toBe(board.links.observer);

    // Olga's screen leaves the board; her old link no longer lets her in.
    await rejoin(olga, 'Olga');
    await expect
      .poll(() => olga.getByRole('alert').allInnerTexts())
      .toContainEqual(expect.stringMatching(/join code is not valid/));
    // The new link works.
    const back = await room.joinAs(link, 'Olga');
    await back.getByRole('heading', { name: /Here now/ }).waitFor();
    expect(room.pageErrors).toEqual([]);
  });
});
