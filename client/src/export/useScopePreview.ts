// The live scope-document preview: the same HTML the export serves, rebuilt from the board at most once per interval.
import { useEffect, useMemo, useState } from 'react';
import type { Board } from '@shared/doc/readBoard.ts';
import { isTimeZone } from '@shared/model/Meta.ts';
import { toHtml } from '@shared/export/html.ts';
import type { ExportChoices } from '@shared/export/exportOptions.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { browserClock, throttle, type Clock } from '../sync/throttle.ts';

/** A standalone HTML page of the board's scope document as of `exportedAt` (what "Download HTML" would give). */
export function scopePreviewHtml(board: Board, exportedAt: number, choices: ExportChoices = {}): string {
  return toHtml(buildScopeDocument(board, { ...choices, exportedAt }));
}

export interface ScopePreviewOptions {
  /** Only an open panel pays for rebuilding the document. */
  isActive: boolean;
  /** Wall clock (epoch ms) for the document's export time. */
  now: () => number;
  /** Rebuilds at most this often while people post (a 5,000-note board takes tens of milliseconds). */
  intervalMs?: number;
  clock?: Clock;
  /** The panel's paper, status, drafting and time-zone choices (an invalid time zone previews in UTC). */
  choices?: ExportChoices;
}

/** The preview's HTML, or null while inactive. The first build after opening is immediate, later ones throttled. */
export function useScopePreview(board: Board, options: ScopePreviewOptions): string | null {
  const { isActive, now, intervalMs = 1000, clock = browserClock, choices } = options;
  const [html, setHtml] = useState<string | null>(null);
  const key = JSON.stringify(choices ?? {});
  const rebuild = useMemo(() => {
    const parsed = JSON.parse(key) as ExportChoices;
    // A half-typed time zone must not break the preview: it shows UTC until the name is one the browser knows.
    if (parsed.timeZone !== undefined && !isTimeZone(parsed.timeZone)) delete parsed.timeZone;
    return throttle((next: Board) => setHtml(scopePreviewHtml(next, now(), parsed)), intervalMs, clock);
  }, [now, intervalMs, clock, key]);
  useEffect(() => () => rebuild.cancel(), [rebuild]);
  useEffect(() => {
    if (isActive) rebuild(board);
    else rebuild.cancel();
  }, [board, isActive, rebuild]);
  return isActive ? html : null;
}
