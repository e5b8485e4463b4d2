// The session state: written by the server alone (phase, clock, teams, options), read by everyone.
import { isPhase, type Phase } from './Phase.ts';
import { parsePhaseSnapshot, type PhaseSnapshot } from '../phases/phaseSnapshot.ts';
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
  /** Participant ids who said "I'm done" in the current phase and rotation (reset whenever either changes). */
  done: string[];
  /** When set, the server's clock ends a phase on its own after a short "need more time?" poll. */
  autoAdvance: boolean;
  /** The open "need more time?" poll, or null. */
  moreTimePoll: MoreTimePoll | null;
  /** How the last poll of this phase ended, for the facilitator; null when there was none. */
  lastPoll: PollOutcome | null;
  /** The phase the board was in when it was closed (null unless closed). */
  closedFromPhase: Phase | null;
  /** Private posting: during the post phase, notes are kept by the server apart from the board until the group phase. */
  privatePosting: boolean;
  /** Private notes waiting to be revealed, per station (areaId -> count); never their text. */
  privateCounts: Record<string, number>;
  /** Dot voting: the facilitator may run the vote phase. */
  votingEnabled: boolean;
  /** Dots each participant may place in a vote (on one note or spread). */
  votesPerPerson: number;
  /** True once the facilitator revealed this vote's totals (they are then on the notes). */
  votesRevealed: boolean;
  /** How many people have placed at least one dot in the current vote; the only vote figure shown before reveal. */
  votersCount: number;
  /** The session just before the last change of phase, for "Undo last phase change" and "Reopen". */
  beforeLastChange: PhaseSnapshot | null;
}

/** A short poll opened when time runs out with autoAdvance on: who needs more time. */
export interface MoreTimePoll {
  /** Server epoch ms when the poll closes. */
  endsAt: number;
  /** Participant ids who answered yes / no. */
  yes: string[];
  no: string[];
}

export interface PollOutcome {
  /** The phase deadline the poll was about. */
  deadline: number;
  yes: number;
  no: number;
  /** True when most answers asked for more time, so the phase was kept for the facilitator to decide. */
  keptPhase: boolean;
  decidedAt: number;
}

/** Dots per person unless the facilitator chooses otherwise. */
export const DEFAULT_VOTES_PER_PERSON = 3;
/** The most dots one person may be given. */
export const VOTES_PER_PERSON_MAX = 20;

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
  done: [],
  autoAdvance: false,
  moreTimePoll: null,
  lastPoll: null,
  closedFromPhase: null,
  privatePosting: false,
  privateCounts: {},
  votingEnabled: false,
  votesPerPerson: DEFAULT_VOTES_PER_PERSON,
  votesRevealed: false,
  votersCount: 0,
  beforeLastChange: null,
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

function parseIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.map(cleanId).filter((id): id is string => id !== undefined))];
}

function parsePoll(raw: unknown): MoreTimePoll | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const endsAt = cleanTime(r.endsAt);
  if (endsAt === undefined) return null;
  return { endsAt, yes: parseIds(r.yes), no: parseIds(r.no) };
}

function parsePollOutcome(raw: unknown): PollOutcome | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const deadline = cleanTime(r.deadline);
  const decidedAt = cleanTime(r.decidedAt);
  if (deadline === undefined || decidedAt === undefined) return null;
  return { deadline, yes: cleanTime(r.yes) ?? 0, no: cleanTime(r.no) ?? 0, keptPhase: r.keptPhase === true, decidedAt };
}

function parseCounts(raw: unknown): Record<string, number> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const id = cleanId(key);
    const count = cleanTime(value);
    if (id && count !== undefined && count > 0) counts[id] = count;
  }
  return counts;
}

function parseVotesPerPerson(raw: unknown): number {
  const value = cleanTime(raw);
  return value !== undefined && value >= 1 && value <= VOTES_PER_PERSON_MAX ? value : DEFAULT_VOTES_PER_PERSON;
}

/** True while private posting seals new notes: the option is on and the room is posting. */
export function isPostingPrivate(session: Pick<Session, 'privatePosting' | 'phase'>): boolean {
  return session.privatePosting && session.phase === 'post';
}

/** True while votes are sealed: the vote phase runs and its totals are not revealed yet. */
export function isVoteOpen(session: Pick<Session, 'phase' | 'votesRevealed'>): boolean {
  return session.phase === 'vote' && !session.votesRevealed;
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
    done: parseIds(raw.done),
    autoAdvance: raw.autoAdvance === true,
    moreTimePoll: parsePoll(raw.moreTimePoll),
    lastPoll: parsePollOutcome(raw.lastPoll),
    closedFromPhase: isPhase(raw.closedFromPhase) ? raw.closedFromPhase : null,
    privatePosting: raw.privatePosting === true,
    privateCounts: parseCounts(raw.privateCounts),
    votingEnabled: raw.votingEnabled === true,
    votesPerPerson: parseVotesPerPerson(raw.votesPerPerson),
    votesRevealed: raw.votesRevealed === true,
    beforeLastChange: parsePhaseSnapshot(raw.beforeLastChange),
    votersCount: cleanTime(raw.votersCount) ?? 0,
  };
}
