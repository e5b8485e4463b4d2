// A room for browser tests: the real server, one Chromium, a context per person, page errors collected, all closed at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './startServer.ts';

const CLIENT_BUILT = path.resolve(import.meta.dirname, '../../client/dist/index.html');

export interface RoomOptions {
  /** Options every page's browser context starts from (default: a 1280 × 800 window). */
  context?: BrowserContextOptions;
}

export interface JoinOptions {
  /** A page opened already (to listen to it before it joins); otherwise a new one is opened with `context`. */
  page?: Page;
  /** Context options for the new page, over the room's (e.g. a phone's viewport). */
  context?: BrowserContextOptions;
  /** What shows the board is there once joined (default: the "Here now" heading). */
  ready?: (page: Page) => Locator;
}

export interface Room {
  server: RunningServer;
  browser: Browser;
  /** Uncaught errors of every page opened here, as messages: a test ends by expecting none. */
  pageErrors: string[];
  /** A new person: their own browser context (own storage), with `options` over the room's context options. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Opens `link`, types `name` into the join form and joins, then waits until the board is there. */
  joinAs(link: string, name: string, options?: JoinOptions): Promise<Page>;
  /** Closes every context, the browser and the server. */
  close(): Promise<void>;
}

/** Starts the server (quiet) and Chromium; fails at once when the client was not built. */
export async function openRoom(options: RoomOptions = {}): Promise<Room> {
  if (!fs.existsSync(CLIENT_BUILT))
    throw new Error('client/dist is missing: run `npm run build` before the browser tests.');
  const server = await startServer({ env: { LOG_QUIET: '1' } });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const contextDefaults: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, ...options.context };
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const newPage = async (pageOptions: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ ...contextDefaults, ...pageOptions });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  };

  const joinAs = async (link: string, name: string, join: JoinOptions = {}): Promise<Page> => {
    const page = join.page ?? (await newPage(join.context));
    await page.goto(link);
    await page.getByLabel('Your name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await (join.ready ?? hereNow)(page).waitFor();
    return page;
  };

  const close = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser.close();
    await server.stop();
  };

  return { server, browser, pageErrors, newPage, joinAs, close };
}

/** Joined and connected: the top bar (on every view but the projector) counts who is here. */
function hereNow(page: Page): Locator {
  return page.getByRole('button', { name: /^[1-9][0-9]*\b.*who is here$/ });
}

/** The participant id this browser stored for `boardId` when it joined; throws when there is none. */
export async function storedParticipantId(page: Page, boardId: string): Promise<string> {
  const stored = await page.evaluate(
    (key) =>
      (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(key),
    `scopeboard:identity:${boardId}`,
  );
  const participantId = (JSON.parse(stored ?? '{}') as { participantId?: string }).participantId;
  if (!participantId) throw new Error(`no stored identity for board ${boardId}`);
  return participantId;
}
