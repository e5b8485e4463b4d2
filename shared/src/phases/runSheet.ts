// The run sheet: each phase and rotation of an exercise, planned against actual, and when it will all end.
import type { Exercise } from '../model/Exercise.ts';
import type { TimedPhase } from '../model/Phase.ts';
import type { PhaseRecord, Session } from '../model/Session.ts';
import { isLeftOutOfPlan } from './planPhases.ts';
import { MINUTE_MS, plannedMinutes } from './transitions.ts';

export interface RunSheetRow {
  phase: TimedPhase;
  /** 1-based, for rotate rows. */
  rotation?: number;
  plannedMs: number;
  /** Actual times from the session log; null when it has not happened. */
  startedAt: number | null;
  endedAt: number | null;
  /** How long it ran (a running row: so far). */
  actualMs: number | null;
  /** skipped: never ran although a later row did (the facilitator jumped ahead). */
  status: 'done' | 'running' | 'upcoming' | 'skipped';
  projectedStartAt: number;
  projectedEndAt: number;
}

export interface RunSheet {
  rows: RunSheetRow[];
  /** The sum of the plan, for "planned 45 min". */
  plannedMs: number;
  /** When the last row will end if everything left runs to plan (its actual end when all is done). */
  projectedEndAt: number;
}

interface Slot {
  phase: TimedPhase;
  rotation?: number;
  records: PhaseRecord[];
}

function slots(exercise: Exercise, log: readonly PhaseRecord[]): Slot[] {
  const mine = log.filter((record) => record.exerciseId === exercise.id);
  const of = (phase: TimedPhase, rotation?: number) =>
    mine.filter((r) => r.phase === phase && (rotation === undefined || r.rotation === rotation));
  // Rotations actually run beyond the plan still get their rows; phases the plan leaves out get none.
  const rotations = Math.max(
    isLeftOutOfPlan(exercise.plan, 'rotate') ? 0 : exercise.plan.rotations,
    ...mine.map((r) => (r.phase === 'rotate' ? (r.rotation ?? 1) : 0)),
  );
  const result: Slot[] = [{ phase: 'post', records: of('post') }];
  if (!isLeftOutOfPlan(exercise.plan, 'group') || of('group').length > 0)
    result.push({ phase: 'group', records: of('group') });
  for (let rotation = 1; rotation <= rotations; rotation++)
    result.push({ phase: 'rotate', rotation, records: of('rotate', rotation) });
  return result;
}

/** Builds the run sheet of `exercise` from the session log, projecting what is left from `now` (server epoch ms). */
export function runSheet(exercise: Exercise, session: Session, now: number): RunSheet {
  const all = slots(exercise, session.log);
  const lastRan = all.reduce((last, slot, index) => (slot.records.length > 0 ? index : last), -1);
  let cursor = now;
  const rows = all.map((slot, index): RunSheetRow => {
    const plannedMs = plannedMinutes(exercise, slot.phase) * MINUTE_MS;
    const first = slot.records[0];
    const last = slot.records[slot.records.length - 1];
    const base =
      slot.rotation === undefined
        ? { phase: slot.phase, plannedMs }
        : { phase: slot.phase, rotation: slot.rotation, plannedMs };
    if (!first || !last) {
      const status = index < lastRan ? 'skipped' : 'upcoming';
      const start = status === 'skipped' ? cursor : Math.max(cursor, now);
      const end = status === 'skipped' ? start : start + plannedMs;
      cursor = end;
      return {
        ...base,
        startedAt: null,
        endedAt: null,
        actualMs: null,
        status,
        projectedStartAt: start,
        projectedEndAt: end,
      };
    }
    if (last.endedAt === null) {
      const end =
        session.pausedRemainingMs !== null ? now + session.pausedRemainingMs : Math.max(session.endsAt ?? now, now);
      cursor = end;
      return {
        ...base,
        startedAt: first.startedAt,
        endedAt: null,
        actualMs: now - first.startedAt,
        status: 'running',
        projectedStartAt: first.startedAt,
        projectedEndAt: end,
      };
    }
    cursor = last.endedAt;
    return {
      ...base,
      startedAt: first.startedAt,
      endedAt: last.endedAt,
      actualMs: last.endedAt - first.startedAt,
      status: 'done',
      projectedStartAt: first.startedAt,
      projectedEndAt: last.endedAt,
    };
  });
  return {
    rows,
    plannedMs: rows.reduce((sum, row) => sum + row.plannedMs, 0),
    projectedEndAt: rows.length > 0 ? cursor : now,
  };
}
