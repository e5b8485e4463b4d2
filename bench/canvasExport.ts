// Markdown export of the bench board: the server's route over HTTP, and the facilitator's click in the browser.
import type { CDPSession, Page } from 'playwright-core';
import { summarize, type Summary } from './stats.ts';

export interface ExportTimes {
  /** `GET /api/boards/:id/export?format=md` from Node: request to last byte (ms). */
  serverMs: Summary;
  /** Bytes of the Markdown. */
  bytes: number;
  /** The menu's Export clicked until the panel is painted (ms, the page's own clock). */
  panelMs: number;
  /** The menu's Export clicked until the preview frame has loaded its document and the page has painted (ms). */
  previewMs: number;
  /**
   * Main-thread CPU of the page while the panel opened and built the preview (ms, CDP ThreadTime). The sandboxed
   * preview frame lays its document out in a process of its own, which this does not count.
   */
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

/**
 * Opens the board menu's Export panel from inside the page and times it with the page's clock: the panel painted,
 * then the preview frame loaded and painted. Playwright's role and text locators are not used here: on a board
 * of 20,000 notes they walk some 100,000 DOM nodes computing accessible names, and a profile of the earlier
 * version of this bench put 1.2 s of the page's 2.0 s busy main thread while the preview opened, and 0.22 s of
 * each Markdown click, in Playwright's role queries instead of the app.
 */
const OPEN_EXPORT_PANEL = `new Promise((resolve, reject) => {
  const marks = {};
  // A frame, then a task: the time the screen shows what the DOM holds.
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { marks[key] ??= performance.now(); done(); }));
  const done = () => {
    if (marks.panel === undefined || marks.preview === undefined) return;
    observer.disconnect();
    document.removeEventListener('load', onLoad, true);
    resolve({ panelMs: marks.panel - marks.start, previewMs: marks.preview - marks.start });
  };
  const onLoad = (event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.matches('iframe.export-preview')) painted('preview');
  };
  let isPanelSeen = false;
  const observer = new MutationObserver(() => {
    if (!isPanelSeen && document.querySelector('section.export-panel')) {
      isPanelSeen = true;
      painted('panel');
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('load', onLoad, true);
  setTimeout(() => reject(new Error('the export panel or its preview did not show within 60 s')), 60000);
  document.querySelector('button[aria-label="Board menu"]').click();
  requestAnimationFrame(() => {
    const item = [...document.querySelectorAll('ul.menu-list[aria-label="Board menu"] button')].find((b) => b.textContent === 'Export');
    if (!item) return reject(new Error('no Export item in the board menu'));
    marks.start = performance.now();
    item.click();
  });
})`;

/** Opens the Export panel, then downloads Markdown `rounds` times, each from the click to the saved file. */
async function timeClientExport(page: Page, cdp: CDPSession, rounds: number) {
  const cpuBefore = await threadTimeMs(cdp);
  const opened = (await page.evaluate(OPEN_EXPORT_PANEL)) as { panelMs: number; previewMs: number };
  const previewCpuMs = (await threadTimeMs(cdp)) - cpuBefore;
  // Found once, before the clock starts (see OPEN_EXPORT_PANEL on locators).
  const button = await page.locator('section.export-panel .export-downloads button').first().elementHandle();
  if (!button || (await button.textContent()) !== 'Download Markdown') throw new Error('no Download Markdown button');
  const clicks: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    await download.path();
    clicks.push(performance.now() - start);
    await download.delete();
  }
  await page.keyboard.press('Escape');
  return { ...opened, previewCpuMs, clickMs: summarize(clicks) };
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
    panelMs: round(client.panelMs),
    previewMs: round(client.previewMs),
    previewCpuMs: round(client.previewCpuMs),
    clickMs: client.clickMs,
  };
}
