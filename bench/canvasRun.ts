// One board size in headless Chromium: cold joins until every note is drawn, the JS heap, and pan/zoom/drag frame times.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { probeScript, type ProbeState } from './canvasProbe.ts';
import { dragNote, pan, zoom, type GestureKind, type GestureResult } from './canvasGestures.ts';
import { threadTimeMs, timeExports, type ExportTimes } from './canvasExport.ts';
import { sampleTree, treeLoad } from './procTree.ts';
import { summarizeProfile, type ProfileSummary } from './profileSummary.ts';
import { summarize, type Summary } from './stats.ts';
import { untilQuiet } from './procStats.ts';

export const VIEWPORT = { width: 1400, height: 900 } as const;

export interface ColdJoin {
  /** Navigation start to the first animation frame after the notes layer drew every note. */
  drawnMs: number;
  /** Navigation start to the end of the notes layer's draw holding every note. */
  notesLayerDrawnMs: number;
  /** Navigation start to the first draw of any layer. */
  firstLayerDrawMs: number;
  domContentLoadedMs: number;
  /** Notes the canvas laid out when drawn (must equal the board's count; the notes list must say as many). */
  listedNotes: number;
  /** Note shapes on the canvas's notes layer at that draw. */
  mountedNotes: number;
  /**
   * Main-thread CPU of the page from before navigation until drawn and quiet (CDP ThreadTime): unlike the wall
   * time, it barely moves when other processes load the machine.
   */
  mainThreadCpuMs: number;
}

/** 'opened': the view the board opens with (its own choice); 'fitted': after "Fit board", the whole board at the smallest scale allowed. */
export type ViewKind = 'opened' | 'fitted';

export interface GestureRun extends GestureResult {
  view: ViewKind;
  /** The stage's scale during the gesture. */
  scale: number;
  rep: number;
  /** Cores used by the bench, its server and Chromium, and by everything else, during the gesture. */
  ourCores: number;
  otherCores: number;
  profile?: ProfileSummary;
}

export interface SizeResult {
  notes: number;
  coldJoins: ColdJoin[];
  drawnMs: Summary;
  /** JS heap of the page after the cold join (CDP Runtime.getHeapUsage), before and after a forced GC. */
  heap: { usedMb: number; totalMb: number; usedAfterGcMb: number };
  gestures: GestureRun[];
  /** With --profile: the CPU profile of the last cold join. */
  coldJoinProfile?: ProfileSummary;
  /** Main-thread CPU per cold join (ms). */
  mainThreadCpuMs: Summary;
  /** Markdown export, server route and the browser's click, on the joined board (when `exportFrom` is given). */
  exports?: ExportTimes;
  error?: string;
}

export interface SizeOptions {
  browser: Browser;
  link: string;
  notes: number;
  rounds: number;
  repeat: number;
  gestureMs: number;
  /** Write a CPU profile of each gesture (CDP Profiler) here, and summarize it. */
  profileDir: string | undefined;
  /** Write a Chrome trace of the gestures here. */
  traceFile: string | undefined;
  /** Save screenshots of the page after the cold join and after each gesture here (to check what was drawn). */
  screenshotDir: string | undefined;
  /** The board's export route and the facilitator's token: times the Markdown export after the gestures. */
  exportFrom?: { baseUrl: string; boardId: string; token: string } | undefined;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** How long the notes layer must stay undrawn, after a draw holding every note, for that draw to count as the last. */
const QUIET_MS = 600;

/**
 * Polls the probe from Node until every note was drawn and the page has been quiet for QUIET_MS, then
 * freezes the probe. (waitForFunction would compile its predicate in the page, which the client's CSP, with
 * no 'unsafe-eval', refuses; page.evaluate goes through the debugger protocol instead.)
 */
async function untilDrawn(page: Page, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const check = `(() => {
    const p = window.__canvasProbe;
    if (!p || p.drawnAt === null || performance.now() - p.notesLayerDrawnAt < ${QUIET_MS}) return false;
    p.isSettled = true;
    return true;
  })()`;
  while (!(await page.evaluate(check))) {
    if (performance.now() > deadline) throw new Error(`notes not drawn within ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** The trace categories of a cold join: the timeline's tasks and script, without the sampling profiler's overhead. */
const JOIN_TRACE = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'blink.user_timing',
];

/** One cold join in a fresh context; with `traceFile`, a Chrome trace of it (navigation until drawn) is written there. */
export async function coldJoin(
  browser: Browser,
  link: string,
  notes: number,
  profileFile: string | undefined,
  traceFile?: string,
) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(probeScript(notes));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (profileFile) await startProfiler(cdp);
  if (traceFile) await browser.startTracing(page, { path: traceFile, screenshots: false, categories: JOIN_TRACE });
  const cpuBefore = await threadTimeMs(cdp);
  await page.goto(link);
  await untilDrawn(page, 180_000);
  const mainThreadCpuMs = (await threadTimeMs(cdp)) - cpuBefore;
  if (traceFile) await browser.stopTracing();
  const profile = profileFile ? await stopProfiler(cdp, profileFile) : undefined;
  const probe = (await page.evaluate('window.__canvasProbe')) as ProbeState;
  const dcl = (await page.evaluate(
    `performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0`,
  )) as number;
  const listedNotes = (await page.evaluate(`window.scopeboardLayout?.noteCount() ?? 0`)) as number;
  // The screen reader's notes list says how many notes the board holds (it lists the first of each station).
  const summary = await page.getByRole('region', { name: 'Notes', exact: true }).locator('p').first().textContent();
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  if (probe.listedNotes !== notes || listedNotes !== notes)
    throw new Error(`laid out ${probe.listedNotes} / ${listedNotes} notes, expected ${notes}`);
  if (!summary?.startsWith(`${notes} notes in `))
    throw new Error(`the notes list says "${summary}", expected ${notes} notes`);
  const round = (n: number | null) => Math.round((n ?? NaN) * 10) / 10;
  return {
    join: {
      drawnMs: round(probe.drawnAt),
      notesLayerDrawnMs: round(probe.notesLayerDrawnAt),
      firstLayerDrawMs: round(probe.firstLayerDrawAt),
      domContentLoadedMs: round(dcl),
      listedNotes,
      mountedNotes: probe.mountedNotes,
      mainThreadCpuMs: round(mainThreadCpuMs),
    },
    profile,
    page,
    close: () => context.close(),
  };
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

async function stopProfiler(cdp: CDPSession, file: string): Promise<ProfileSummary> {
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
  return summarizeProfile(file, 12);
}

async function heapOf(cdp: CDPSession): Promise<SizeResult['heap']> {
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  return { usedMb: mb(before.usedSize), totalMb: mb(before.totalSize), usedAfterGcMb: mb(after.usedSize) };
}

const GESTURES: Record<GestureKind, (page: Page, ms: number) => Promise<GestureResult>> = { pan, zoom, drag: dragNote };

async function runGesture(
  page: Page,
  cdp: CDPSession,
  kind: GestureKind,
  view: ViewKind,
  rep: number,
  options: SizeOptions,
): Promise<GestureRun> {
  // Let the previous gesture's write and redraw settle.
  await page.waitForTimeout(800);
  if (options.profileDir) await startProfiler(cdp);
  const before = sampleTree([process.pid]);
  const gesture = await GESTURES[kind](page, options.gestureMs);
  const load = treeLoad(before, sampleTree([process.pid]));
  const scale = (await page.evaluate('window.Konva.stages[0].scaleX()')) as number;
  const run: GestureRun = {
    ...gesture,
    view,
    scale: Math.round(scale * 1000) / 1000,
    rep,
    ourCores: load.treeCores,
    otherCores: load.otherCores,
  };
  if (options.profileDir)
    run.profile = await stopProfiler(
      cdp,
      path.join(options.profileDir, `${options.notes}-${view}-${kind}-${rep}.cpuprofile`),
    );
  return run;
}

/** Cold joins (`rounds`, each in a fresh browser context), then the heap and the gestures on the last one. */
export async function measureSize(options: SizeOptions): Promise<SizeResult> {
  const { browser, link, notes } = options;
  const result: SizeResult = {
    notes,
    coldJoins: [],
    drawnMs: summarize([]),
    mainThreadCpuMs: summarize([]),
    heap: { usedMb: NaN, totalMb: NaN, usedAfterGcMb: NaN },
    gestures: [],
  };
  let close: (() => Promise<void>) | undefined;
  try {
    let page: Page | undefined;
    for (let round = 0; round < options.rounds; round++) {
      await close?.();
      // The fill's aftermath (compaction, the WAL's checkpoint) and the last page's teardown are not this join's.
      const waited = await untilQuiet();
      const isLast = round === options.rounds - 1;
      const profileFile =
        options.profileDir && isLast ? path.join(options.profileDir, `${notes}-cold-join.cpuprofile`) : undefined;
      const joined = await coldJoin(browser, link, notes, profileFile);
      if (joined.profile) result.coldJoinProfile = joined.profile;
      result.coldJoins.push(joined.join);
      console.log(
        `  cold join ${round + 1}: drawn at ${joined.join.drawnMs} ms (first layer ${joined.join.firstLayerDrawMs} ms, main-thread CPU ${joined.join.mainThreadCpuMs} ms; started after ${waited} ms for a quiet machine)`,
      );
      ({ page, close } = joined);
    }
    result.drawnMs = summarize(result.coldJoins.map((j) => j.drawnMs));
    result.mainThreadCpuMs = summarize(result.coldJoins.map((j) => j.mainThreadCpuMs));
    if (!page) return result;
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    result.heap = await heapOf(cdp);
    if (options.screenshotDir) await page.screenshot({ path: path.join(options.screenshotDir, `${notes}-joined.png`) });
    if (options.traceFile) await browser.startTracing(page, { path: options.traceFile, screenshots: false });
    for (const view of ['opened', 'fitted'] as const) {
      if (view === 'fitted') await page.getByRole('button', { name: 'Fit board', exact: true }).click();
      for (let rep = 1; rep <= options.repeat; rep++) {
        for (const kind of ['pan', 'zoom', 'drag'] as const) {
          const run = await runGesture(page, cdp, kind, view, rep, options);
          result.gestures.push(run);
          if (options.screenshotDir)
            await page.screenshot({ path: path.join(options.screenshotDir, `${notes}-${view}-${kind}-${rep}.png`) });
          console.log(
            `  ${view} (scale ${run.scale}) ${kind} #${rep}: frame p50 ${run.frameMs.p50} ms, p95 ${run.frameMs.p95} ms, max ${run.frameMs.max} ms (${run.frameMs.count} frames, other load ${run.otherCores} cores)`,
          );
        }
      }
    }
    if (options.traceFile) await browser.stopTracing();
    if (options.exportFrom) {
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      result.exports = await timeExports(page, cdp, options.exportFrom, 3);
      const e = result.exports;
      console.log(
        `  Markdown export (${e.bytes} B): server p50 ${e.serverMs.p50} ms, max ${e.serverMs.max} ms; panel preview ${e.previewMs} ms (${e.previewCpuMs} ms CPU); click to file p50 ${e.clickMs.p50} ms, max ${e.clickMs.max} ms`,
      );
    }
    return result;
  } catch (error) {
    return { ...result, error: (error as Error).message };
  } finally {
    await close?.();
  }
}
