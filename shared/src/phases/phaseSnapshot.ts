// The session as it was just before the last change of phase: what "Undo last phase change" and "Reopen" restore.
import { isPhase } from '../model/Phase.ts';
import type { PhaseSnapshot } from '../model/Session.ts';

export type { PhaseSnapshot };
import { cleanId, cleanTime } from '../model/validate.ts';

/** How long after a change of phase the facilitator may still undo it. */
export const PHASE_UNDO_WINDOW_MS = 2 * 60_000;

/** Reads a snapshot from the session map; anything malformed reads as none. */
export function parsePhaseSnapshot(raw: unknown): PhaseSnapshot | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const at = cleanTime(r.at);
  if (at === undefined || !isPhase(r.phase)) return null;
  const teams = Array.isArray(r.teams)
    ? r.teams.map((team) => (Array.isArray(team) ? team.flatMap((id) => cleanId(id) ?? []) : []))
    : [];
  return {
    at,
    exerciseId: cleanId(r.exerciseId) ?? null,
    phase: r.phase,
    rotation: cleanTime(r.rotation) ?? 0,
    stationOffset: cleanTime(r.stationOffset) ?? 0,
    teams,
    remainingMs: cleanTime(r.remainingMs) ?? null,
    wasPaused: r.wasPaused === true,
  };
}
