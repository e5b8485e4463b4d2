// The session state: written by the server alone (phase, clock, teams, options), read by everyone.
import { isPhase, type Phase } from './Phase.ts';
import { cleanId, cleanTime } from './validate.ts';

/** One phase as it actually ran, for the run sheet and the export's session record. */
export interface PhaseRecord {
  exerciseId: string;
  phase: Phase;
  /** 1-based rotation number for the rotate phase. */
  rotation?: number;
  startedAt: number;
  endedAt: number | null;
  plannedMs: number | null;
}

export interface Session {
  exerciseId: string | null;
  phase: Phase;
  /** Server epoch ms when the running phase ends; null when no clock runs (setup, closed, paused). */
  endsAt: number | null;
  /** While paused: the time that was left. */
  pausedRemainingMs: number | null;
  /** 0 before rotating; then 1..rotations. */
  rotation: number;
  /** Team i holds these participant ids; team i is at station (i + stationOffset) mod stations. */
  teams: string[][];
  stationOffset: number;
  observersMayPost: boolean;
  participantsMayExport: boolean;
  log: PhaseRecord[];
}

export const EMPTY_SESSION: Session = {
  exerciseId: null,
  phase: 'setup',
  endsAt: null,
  pausedRemainingMs: null,
  rotation: 0,
  teams: [],
  stationOffset: 0,
  observersMayPost: false,
  participantsMayExport: false,
  log: [],
};

function parseLog(raw: unknown): PhaseRecord[] {
  if (!Array.isArray(raw)) return [];
  const log: PhaseRecord[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const r = entry as Record<string, unknown>;
    const exerciseId = cleanId(r.exerciseId);
    const startedAt = cleanTime(r.startedAt);
    if (!exerciseId || !isPhase(r.phase) || startedAt === undefined) continue;
    const record: PhaseRecord = {
      exerciseId,
      phase: r.phase,
      startedAt,
      endedAt: cleanTime(r.endedAt) ?? null,
      plannedMs: cleanTime(r.plannedMs) ?? null,
    };
    if (typeof r.rotation === 'number' && r.rotation > 0) record.rotation = r.rotation;
    log.push(record);
  }
  return log;
}

function parseTeams(raw: unknown): string[][] {
  if (!Array.isArray(raw)) return [];
  return raw.map((team) => (Array.isArray(team) ? team.filter((id): id is string => typeof id === 'string') : []));
}

/** Reads the session map leniently: anything missing or malformed takes its default. */
export function parseSession(raw: Record<string, unknown>): Session {
  return {
    exerciseId: cleanId(raw.exerciseId) ?? null,
    phase: isPhase(raw.phase) ? raw.phase : 'setup',
    endsAt: cleanTime(raw.endsAt) ?? null,
    pausedRemainingMs: cleanTime(raw.pausedRemainingMs) ?? null,
    rotation: cleanTime(raw.rotation) ?? 0,
    teams: parseTeams(raw.teams),
    stationOffset: cleanTime(raw.stationOffset) ?? 0,
    observersMayPost: raw.observersMayPost === true,
    participantsMayExport: raw.participantsMayExport === true,
    log: parseLog(raw.log),
  };
}
