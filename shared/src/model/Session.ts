// The session state: written by the server alone (phase, clock, teams, options), read by everyone.
import { withMeta, z } from './zod.ts';
import { PHASES } from './Phase.ts';
import { parsePhaseSnapshot } from '../phases/phaseSnapshot.ts';
import { ID_MAX } from './limits.ts';
import { itemsOf, leniently } from './lenient.ts';

const time = z.number().check(z.int(), z.gte(0));
/** A non-empty id without whitespace (nanoids, exercise and station ids). */
const id = z.string().check(z.minLength(1), z.maxLength(ID_MAX), z.regex(/^\S+$/));

export const SESSION_EVENT_KINDS = ['pause', 'resume', 'extend', 'setup', 'close', 'reopen'] as const;
export type SessionEventKind = (typeof SESSION_EVENT_KINDS)[number];

/** A clock or board event the session record lists beside the phases: pauses, extensions, setup and closing. */
const SessionEventSchema = z.object({
  kind: z.enum(SESSION_EVENT_KINDS),
  at: time,
  exerciseId: z.nullable(id),
  /** The phase the event happened in (for setup/close/reopen: the phase it left). */
  phase: z.enum(PHASES),
  rotation: z.optional(z.number().check(z.int(), z.positive())),
  /** extend: the minutes added. */
  minutes: z.optional(z.number().check(z.positive())),
});
export type SessionEvent = z.output<typeof SessionEventSchema>;

/** Dots per person unless the facilitator chooses otherwise. */
export const DEFAULT_VOTES_PER_PERSON = 3;
/** The most dots one person may be given. */
export const VOTES_PER_PERSON_MAX = 20;

/** One phase as it actually ran, for the run sheet and the export's session record. */
const PhaseRecordSchema = z.object({
  exerciseId: id,
  phase: z.enum(PHASES),
  startedAt: time,
  endedAt: z.nullable(time),
  plannedMs: z.nullable(time),
  /** 1-based rotation number for the rotate phase. */
  rotation: z.optional(z.number().check(z.positive())),
});
export type PhaseRecord = z.output<typeof PhaseRecordSchema>;

/** The session as it was just before the last change of phase: what "Undo last phase change" and "Reopen" restore. */
const PhaseSnapshotSchema = z.object({
  /** Server epoch ms of the change this snapshot was taken before. */
  at: time,
  exerciseId: z.nullable(z.string()),
  phase: z.enum(PHASES),
  rotation: time,
  stationOffset: time,
  teams: z.array(z.array(z.string())),
  /** Time that was left on the clock (running or paused); null when no clock ran. */
  remainingMs: z.nullable(time),
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
const SessionFields = z.object({
  exerciseId: z.nullable(id),
  phase: z.enum(PHASES),
  /** Server epoch ms when the running phase ends; null when no clock runs (setup, closed, paused). */
  endsAt: z.nullable(time),
  /** While paused: the time that was left. */
  pausedRemainingMs: z.nullable(time),
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
  moreTimePoll: z.nullable(MoreTimePollSchema),
  /** How the last poll of this phase ended, for the facilitator; null when there was none. */
  lastPoll: z.nullable(PollOutcomeSchema),
  /** The phase the board was in when it was closed (null unless closed). */
  closedFromPhase: z.nullable(z.enum(PHASES)),
  /** Private posting: during the post phase, notes are kept by the server apart from the board until the group phase. */
  privatePosting: z.boolean(),
  /** Private notes waiting to be revealed, per station (areaId -> count); never their text. */
  privateCounts: z.record(z.string(), time),
  /** Dot voting: the facilitator may run the vote phase. */
  votingEnabled: z.boolean(),
  /** Dots each participant may place in a vote (on one note or spread). */
  votesPerPerson: z.number().check(z.int(), z.gte(1), z.lte(VOTES_PER_PERSON_MAX)),
  /** True once the facilitator revealed this vote's totals (they are then on the notes). */
  votesRevealed: z.boolean(),
  /** How many people have placed at least one dot in the current vote; the only vote figure shown before reveal. */
  votersCount: time,
  /** The session just before the last change of phase, for "Undo last phase change" and "Reopen". */
  beforeLastChange: z.nullable(PhaseSnapshotSchema),
  /** Server epoch ms of the last "Renew join code" (never the code): the projector reloads its QR code on a change. */
  joinCodeRenewedAt: z.nullable(time),
});

export const SessionSchema = withMeta(z.partial(SessionFields), {
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

/** Ids, each once, in first-seen order; anything else is dropped. */
const ids = z.pipe(
  itemsOf(id),
  z.transform((list: string[]) => [...new Set(list)]),
);

/** Private note counts per station: only station ids with a positive whole count are kept. */
const counts = z.pipe(
  z.optional(z.unknown()),
  z.transform((raw): Record<string, number> => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(
      Object.entries(raw).filter(
        ([key, value]) => id.safeParse(key).success && time.safeParse(value).success && value > 0,
      ),
    );
  }),
);

/** The session's reader, derived from its schema: each field takes its EMPTY_SESSION default when refused. */
const SessionReader = leniently(SessionFields, EMPTY_SESSION, {
  // Within lists, one bad entry is dropped rather than the whole list.
  teams: z.catch(z.array(itemsOf(z.string())), []),
  log: itemsOf(leniently(PhaseRecordSchema, { endedAt: null, plannedMs: null, rotation: undefined })),
  events: itemsOf(leniently(SessionEventSchema, { exerciseId: null, rotation: undefined, minutes: undefined })),
  done: ids,
  moreTimePoll: z.catch(z.nullable(leniently(MoreTimePollSchema, {}, { yes: ids, no: ids })), null),
  lastPoll: z.catch(z.nullable(leniently(PollOutcomeSchema, { yes: 0, no: 0, keptPhase: false })), null),
  privateCounts: counts,
  beforeLastChange: z.pipe(z.optional(z.unknown()), z.transform(parsePhaseSnapshot)),
});

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
  return SessionReader.parse(raw);
}
