// The history a board carries from the boards it continues: each earlier session's phase log, kept apart and marked.
import type { PhaseRecord } from '../model/Session.ts';
import { parseSession } from '../model/Session.ts';
import { TITLE_MAX } from '../model/limits.ts';
import { cleanText, cleanTime } from '../model/validate.ts';

/** Keep the history bounded: a board continues a handful of meetings, not hundreds. */
export const EARLIER_SESSIONS_MAX = 20;

export interface EarlierSession {
  /** Title of the board the session ran on. */
  boardTitle: string;
  /** When that board was exported or carried forward (epoch ms). */
  endedAt: number;
  /** Its phase log as it ran (exercise ids are those of this board, which keeps them). */
  log: PhaseRecord[];
}

/** Reads meta.earlierSessions leniently: malformed entries are dropped, never trusted. */
export function parseEarlierSessions(raw: unknown): EarlierSession[] {
  if (!Array.isArray(raw)) return [];
  const sessions: EarlierSession[] = [];
  for (const entry of raw.slice(-EARLIER_SESSIONS_MAX)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const r = entry as Record<string, unknown>;
    const boardTitle = cleanText(r.boardTitle, TITLE_MAX);
    const endedAt = cleanTime(r.endedAt);
    if (boardTitle === undefined || endedAt === undefined) continue;
    sessions.push({ boardTitle, endedAt, log: parseSession({ log: r.log }).log });
  }
  return sessions;
}

/** The history of a board that continues `source`: its own history, then the session that ran on it. */
export function continuedHistory(
  source: { title: string; earlierSessions?: readonly EarlierSession[]; log: readonly PhaseRecord[] },
  endedAt: number,
): EarlierSession[] {
  const own =
    source.log.length > 0 ? [{ boardTitle: source.title, endedAt, log: source.log.map((r) => ({ ...r })) }] : [];
  return [...(source.earlierSessions ?? []), ...own].slice(-EARLIER_SESSIONS_MAX);
}
