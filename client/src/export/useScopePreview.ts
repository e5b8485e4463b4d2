// The live scope-document preview: the same HTML the export serves, its note lists cut short, rebuilt from the board
// at most once per interval, and never before the panel has painted.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimeZone } from '@shared/model/Meta.ts';
import { toHtml } from '@shared/export/html.ts';
import type { ExportChoices } from '@shared/export/exportOptions.ts';
import { previewDocument } from '@shared/export/previewDocument.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { browserClock, throttle, type Clock } from '../sync/throttle.ts';

export interface ScopePreview {
  /** A standalone HTML page: what "Download HTML" would give, with each note list cut to its first notes. */
  html: string;
  /** Notes the preview shows, and notes the downloads hold. */
  shownNotes: number;
  listedNotes: number;
}

/** The preview of the board's scope document as of `exportedAt`. */
export function scopePreview(board: Board, exportedAt: number, choices: ExportChoices = {}): ScopePreview {
  const { document, shownNotes, listedNotes } = previewDocument(buildScopeDocument(board, { ...choices, exportedAt }));
  return { html: toHtml(document), shownNotes, listedNotes };
}

/** Runs `fn` after the next frame is painted (a frame, then a task); returns a cancel. */
function afterPaint(fn: () => void): () => void {
  let timer: number | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(fn, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

export interface ScopePreviewOptions {
  /** Only an open panel pays for rebuilding the document. */
  isActive: boolean;
  /** Wall clock (epoch ms) for the document's export time. */
  now: () => number;
  /** Rebuilds at most this often while people post (a 20,000-note board takes tens of milliseconds). */
  intervalMs?: number;
  clock?: Clock;
  /** Defers a build until the screen shows what is already rendered (the panel opening, its progress line). */
  defer?: (fn: () => void) => () => void;
  /** The panel's paper, status, drafting and time-zone choices (an invalid time zone previews in UTC). */
  choices?: ExportChoices;
}

/**
 * The preview, or null while inactive or until the first build. Builds run after a paint, so opening the panel
 * shows it (and "Preparing the preview…") at once; later builds are throttled to one per interval.
 */
export function useScopePreview(board: Board, options: ScopePreviewOptions): ScopePreview | null {
  const { isActive, now, intervalMs = 1000, clock = browserClock, defer = afterPaint, choices } = options;
  const [preview, setPreview] = useState<ScopePreview | null>(null);
  const key = JSON.stringify(choices ?? {});
  const rebuild = useMemo(() => {
    const parsed = JSON.parse(key) as ExportChoices;
    // A half-typed time zone must not break the preview: it shows UTC until the name is one the browser knows.
    if (parsed.timeZone !== undefined && !isTimeZone(parsed.timeZone)) delete parsed.timeZone;
    return throttle((next: Board) => setPreview(scopePreview(next, now(), parsed)), intervalMs, clock);
  }, [now, intervalMs, clock, key]);
  // The newest board, read when a deferred build runs: boards arriving before it do not cancel it (no starving).
  const latest = useRef(board);
  const pending = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = null;
      rebuild.cancel();
    },
    [rebuild],
  );
  useEffect(() => {
    latest.current = board;
    if (!isActive) {
      pending.current?.();
      pending.current = null;
      rebuild.cancel();
      return;
    }
    pending.current ??= defer(() => {
      pending.current = null;
      rebuild(latest.current);
    });
  }, [board, isActive, rebuild, defer]);
  return isActive ? preview : null;
}
