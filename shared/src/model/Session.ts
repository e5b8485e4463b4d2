// The session state: written by the server alone (phase, clock, teams, options), read by everyone.
import { z } from 'zod';
import { isPhase, PHASES } from './Phase.ts';
import { parsePhaseSnapshot } from '../phases/phaseSnapshot.ts';
import { cleanId, cleanTime } from './validate.ts';

const time = z.number().int().min(0);

export const SESSION_EVENT_KINDS = ['pause', 'resume', 'extend', 'setup', 'close', 'reopen'] as const;
export type SessionEventKind = (typeof SESSION_EVENT_KINDS)[number];

/** A clock or board event the session record lists beside the phases: pauses, extensions, setup and closing. */
const SessionEventSchema = z.object({
  kind: z.enum(SESSION_EVENT_KINDS),
  at: time,
  exerciseId: z.string().nullable(),
  /** The phase the event happened in (for setup/close/reopen: the phase it left). */
  phase: z.enum(PHASES),
  rotation: z.number().int().positive().optional(),
  /** extend: the minutes added. */
  minutes: z.number().positive().optional(),
});
export type SessionEvent = z.output<typeof SessionEventSchema>;

/** Dots per person unless the facilitator chooses otherwise. */
export const DEFAULT_VOTES_PER_PERSON = 3;
/** The most dots one person may be given. */
export const VOTES_PER_PERSON_MAX = 20;

/** One phase as it actually ran, for the run sheet and the export's session record. */
const PhaseRecordSchema = z.object({
  exerciseId: z.string(),
  phase: z.enum(PHASES),
  /** 1-based rotation number for the rotate phase. */
  rotation: z.number().positive().optional(),
  startedAt: time,
  endedAt: time.nullable(),
  plannedMs: time.nullable(),
});
export type PhaseRecord = z.output<typeof PhaseRecordSchema>;

/** The session as it was just before the last change of phase: what "Undo last phase change" and "Reopen" restore. */
const PhaseSnapshotSchema = z.object({
  /** Server epoch ms of the change this snapshot was taken before. */
  at: time,
  exerciseId: z.string().nullable(),
  phase: z.enum(PHASES),
  rotation: time,
  stationOffset: time,
  teams: z.array(z.array(z.string())),
  /** Time that was left on the clock (running or paused); null when no clock ran. */
  remainingMs: time.nullable(),
  /** The clock was paused. */
  wasPaused: z.boolean(),
});
export type PhaseSnapshot = z.output<typeof PhaseSnapshotSchema>;

/** A short poll opened when time runs out with autoAdvance on: who needs more time. */
const MoreTimePollSchema = z.object({
  /** Server epoch ms when the poll closes. */
  endsAt: time,
  /** Participant ids who answered yes / no. */
  yes: z.array(z.string()),
  no: z.array(z.string()),
});
export type MoreTimePoll = z.output<typeof MoreTimePollSchema>;

const PollOutcomeSchema = z.object({
  /** The phase deadline the poll was about. */
  deadline: time,
  yes: time,
  no: time,
  /** True when most answers asked for more time, so the phase was kept for the facilitator to decide. */
  keptPhase: z.boolean(),
  decidedAt: time,
});
export type PollOutcome = z.output<typeof PollOutcomeSchema>;

/**
 * The session map as the server writes it. Readers are lenient (parseSession below): a missing or malformed key
 * takes its default, so the schema documents the format and types it, and a unit test keeps the two in step.
 */
export const SessionSchema = z
  .object({
    exerciseId: z.string().nullable(),
    phase: z.enum(PHASES),
    /** Server epoch ms when the running phase ends; null when no clock runs (setup, closed, paused). */
    endsAt: time.nullable(),
    /** While paused: the time that was left. */
    pausedRemainingMs: time.nullable(),
    /** 0 before rotating; then 1..rotations. */
    rotation: time,
    /** Team i holds these participant ids; team i is at station (i + stationOffset) mod stations. */
    teams: z.array(z.array(z.string())),
    stationOffset: time,
    observersMayPost: z.boolean(),
    participantsMayExport: z.boolean(),
    log: z.array(PhaseRecordSchema),
    /** Pauses, resumes, extensions, setup and closing, in the order the server wrote them (extension). */
    events: z.array(SessionEventSchema),
    /** Participant ids who said "I'm done" in the current phase and rotation (reset whenever either changes). */
    done: z.array(z.string()),
    /** When set, the server's clock ends a phase on its own after a short "need more time?" poll. */
    autoAdvance: z.boolean(),
    /** The open "need more time?" poll, or null. */
    moreTimePoll: MoreTimePollSchema.nullable(),
    /** How the last poll of this phase ended, for the facilitator; null when there was none. */
    lastPoll: PollOutcomeSchema.nullable(),
    /** The phase the board was in when it was closed (null unless closed). */
    closedFromPhase: z.enum(PHASES).nullable(),
    /** Private posting: during the post phase, notes are kept by the server apart from the board until the group phase. */
    privatePosting: z.boolean(),
    /** Private notes waiting to be revealed, per station (areaId -> count); never their text. */
    privateCounts: z.record(z.string(), time),
    /** Dot voting: the facilitator may run the vote phase. */
    votingEnabled: z.boolean(),
    /** Dots each participant may place in a vote (on one note or spread). */
    votesPerPerson: z.number().int().min(1).max(VOTES_PER_PERSON_MAX),
    /** True once the facilitator revealed this vote's totals (they are then on the notes). */
    votesRevealed: z.boolean(),
    /** How many people have placed at least one dot in the current vote; the only vote figure shown before reveal. */
    votersCount: time,
    /** The session just before the last change of phase, for "Undo last phase change" and "Reopen". */
    beforeLastChange: PhaseSnapshotSchema.nullable(),
    /** Server epoch ms of the last "Renew join code" (never the code): the projector reloads its QR code on a change. */
    joinCodeRenewedAt: time.nullable(),
  })
  .partial()
  .meta({
    title: 'Session',
    description: 'Written by the server alone: phase, clock, teams and options. Missing keys read as their defaults.',
  });

export type Session = Required<z.output<typeof SessionSchema>>;

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
  events: [],
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
  joinCodeRenewedAt: null,
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

function parseEvents(raw: unknown): SessionEvent[] {
  if (!Array.isArray(raw)) return [];
  const events: SessionEvent[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'object' || entry === null) continue;
    const r = entry as Record<string, unknown>;
    const at = cleanTime(r.at);
    const kind = SESSION_EVENT_KINDS.find((k) => k === r.kind);
    if (!kind || at === undefined || !isPhase(r.phase)) continue;
    const event: SessionEvent = { kind, at, exerciseId: cleanId(r.exerciseId) ?? null, phase: r.phase };
    if (typeof r.rotation === 'number' && Number.isInteger(r.rotation) && r.rotation > 0) event.rotation = r.rotation;
    if (typeof r.minutes === 'number' && Number.isFinite(r.minutes) && r.minutes > 0) event.minutes = r.minutes;
    events.push(event);
  }
  return events;
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
    events: parseEvents(raw.events),
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
    joinCodeRenewedAt: cleanTime(raw.joinCodeRenewedAt) ?? null,
  };
}
