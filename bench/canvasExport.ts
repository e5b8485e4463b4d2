// Markdown export of the bench board: the server's route over HTTP, and the facilitator's click in the browser.
import type { CDPSession, Page } from 'playwright-core';
import { summarize, type Summary } from './stats.ts';

export interface ExportTimes {
  /** `GET /api/boards/:id/export?format=md` from Node: request to last byte (ms). */
  serverMs: Summary;
  /** Bytes of the Markdown. */
  bytes: number;
  /** Opening the export panel until its preview (the scope document, built in the page) is shown (ms). */
  previewMs: number;
  /** Main-thread CPU of the page while the panel opened and built the preview (ms, CDP ThreadTime). */
  previewCpuMs: number;
  /** "Download Markdown" clicked until the browser has saved the file (ms). */
  clickMs: Summary;
}

/** Main-thread CPU time of the page's renderer so far, in ms (CDP Performance metric ThreadTime). */
export async function threadTimeMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function timeServerExport(baseUrl: string, boardId: string, token: string, rounds: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const response = await fetch(`${baseUrl}/api/boards/${boardId}/export?format=md`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`export md: HTTP ${response.status}`);
    times.push(performance.now() - start);
  }
  return { serverMs: summarize(times), bytes };
}

/** Opens the board menu's Export panel, then downloads Markdown `rounds` times, each from the click to the saved file. */
async function timeClientExport(page: Page, cdp: CDPSession, rounds: number) {
  const cpuBefore = await threadTimeMs(cdp);
  const opened = performance.now();
  await page.getByRole('button', { name: 'Board menu' }).click();
  await page.getByRole('list', { name: 'Board menu' }).getByRole('button', { name: 'Export', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Export the scope document' });
  await panel.waitFor({ timeout: 60_000 });
  // The preview's iframe gets its document once the page has built the scope document.
  await page.frameLocator('iframe[title="Scope document preview"]').locator('h1').first().waitFor({ timeout: 60_000 });
  const previewMs = performance.now() - opened;
  const previewCpuMs = (await threadTimeMs(cdp)) - cpuBefore;
  const clicks: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    await download.path();
    clicks.push(performance.now() - start);
    await download.delete();
  }
  await page.keyboard.press('Escape');
  return { previewMs, previewCpuMs, clickMs: summarize(clicks) };
}

export async function timeExports(
  page: Page,
  cdp: CDPSession,
  server: { baseUrl: string; boardId: string; token: string },
  rounds: number,
): Promise<ExportTimes> {
  const serverSide = await timeServerExport(server.baseUrl, server.boardId, server.token, rounds);
  const round = (n: number) => Math.round(n * 10) / 10;
  const client = await timeClientExport(page, cdp, rounds);
  return {
    ...serverSide,
    previewMs: round(client.previewMs),
    previewCpuMs: round(client.previewCpuMs),
    clickMs: client.clickMs,
  };
}
