// The station hand-off: what changed at a team's station since it was last there (or since the team before arrived).
import type { Board } from '../doc/readBoard.ts';
import type { Group } from '../model/Group.ts';
import type { Handoff } from '../model/Handoff.ts';
import type { Note } from '../model/Note.ts';
import type { PhaseRecord } from '../model/Session.ts';
import { stationIndexForTeam } from '../phases/teamStations.ts';

/** Where the "what changed" window starts: when this team left the station last time, or when the team before arrived. */
export type HandoffReference = 'ownVisit' | 'previousTeam';

export interface StationHandoff {
  areaId: string;
  /** 0-based station index in the exercise. */
  stationIndex: number;
  /** The current rotation (1..rotations). */
  rotation: number;
  reference: HandoffReference;
  /** Server epoch ms the window starts at (exclusive); null when the session log does not say. */
  since: number | null;
  /** Server epoch ms this team arrived (the window's end, inclusive); null when the log does not say. */
  arrivedAt: number | null;
  newNotes: Note[];
  newGroups: Group[];
  /** Groups renamed in the window (not counting groups that are new in it). */
  renamedGroups: Group[];
  /** The latest summary left at this station in the previous rotation, if any. */
  summary: Handoff | null;
}

/**
 * A visit's log record: the group phase is visit 0 (teams at their own stations), rotation r is visit r. Searched
 * backwards from `before` so an exercise run twice reads its latest run.
 */
function findVisit(log: readonly PhaseRecord[], exerciseId: string, visit: number, before: number): number {
  for (let i = Math.min(before, log.length) - 1; i >= 0; i--) {
    const record = log[i];
    if (!record || record.exerciseId !== exerciseId) continue;
    if (visit === 0 ? record.phase === 'group' : record.phase === 'rotate' && record.rotation === visit) return i;
  }
  return -1;
}

/** When the visit at `index` ended: its endedAt, else the start of whatever came after it. */
function endOf(log: readonly PhaseRecord[], index: number): number | null {
  const record = log[index];
  if (!record) return null;
  return record.endedAt ?? log[index + 1]?.startedAt ?? null;
}

const inWindow = (time: number | undefined, since: number, until: number | null) =>
  time !== undefined && time > since && (until === null || time <= until);

/**
 * Computes the hand-off for team `teamIndex` during the rotate phase; undefined outside it or when the exercise
 * has no stations. Team i works at station i in the group phase and at station i + r in rotation r (wrapping), so
 * its previous visit to the current station is the latest earlier visit v with (i + v) mod n equal to it. Without
 * one, the window starts when the previous rotation (or the group phase) began: the team before arrived.
 * The window ends when this team arrived, so the team's own work does not show as "new".
 */
export function stationHandoff(
  board: Pick<Board, 'areas' | 'notes' | 'groups' | 'handoffs' | 'session'>,
  teamIndex: number,
): StationHandoff | undefined {
  const { session } = board;
  if (session.phase !== 'rotate' || session.rotation < 1 || session.exerciseId === null) return undefined;
  const exerciseId = session.exerciseId;
  const stations = board.areas.filter((area) => area.exerciseId === exerciseId);
  const stationIndex = stationIndexForTeam(teamIndex, session.stationOffset, stations.length);
  const area = stations[stationIndex];
  if (!area) return undefined;
  const rotation = session.rotation;
  const log = session.log;
  const current = findVisit(log, exerciseId, rotation, log.length);
  const arrivedAt = log[current]?.startedAt ?? null;
  const searchFrom = current === -1 ? log.length : current;

  // Visits to this station come every `stations.length` rotations: the latest earlier one is one lap back.
  const lastVisit = rotation - stations.length;
  const lastVisitIndex = lastVisit >= 0 ? findVisit(log, exerciseId, lastVisit, searchFrom) : -1;
  const previousIndex = findVisit(log, exerciseId, rotation - 1, searchFrom);
  const reference: HandoffReference = lastVisitIndex === -1 ? 'previousTeam' : 'ownVisit';
  const since = lastVisitIndex === -1 ? (log[previousIndex]?.startedAt ?? null) : endOf(log, lastVisitIndex);

  const mine = <T extends { areaId: string }>(records: readonly T[]) => records.filter((r) => r.areaId === area.id);
  const newNotes = since === null ? [] : mine(board.notes).filter((n) => inWindow(n.createdAt, since, arrivedAt));
  const groups = mine(board.groups);
  const newGroups = since === null ? [] : groups.filter((g) => inWindow(g.createdAt, since, arrivedAt));
  const renamedGroups =
    since === null ? [] : groups.filter((g) => !newGroups.includes(g) && inWindow(g.labelUpdatedAt, since, arrivedAt));

  const previousStart = log[previousIndex]?.startedAt;
  const summaries = board.handoffs.filter(
    (h) =>
      h.areaId === area.id &&
      h.exerciseId === exerciseId &&
      h.rotation === rotation - 1 &&
      (previousStart === undefined || h.createdAt >= previousStart),
  );
  const summary = summaries.reduce<Handoff | null>(
    (latest, h) => (!latest || h.createdAt >= latest.createdAt ? h : latest),
    null,
  );

  return {
    areaId: area.id,
    stationIndex,
    rotation,
    reference,
    since,
    arrivedAt,
    newNotes,
    newGroups,
    renamedGroups,
    summary,
  };
}
