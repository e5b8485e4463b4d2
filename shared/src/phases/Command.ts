// The commands of the HTTP commands endpoint: their shapes, and a parser that says plainly what is wrong.
import { parsePlan, type PhasePlan } from '../model/Exercise.ts';
import type { TimedPhase } from '../model/Phase.ts';
import { isTimedPhase, VOTE_PHASE } from '../model/Phase.ts';
import { VOTES_PER_PERSON_MAX } from '../model/Session.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanId } from '../model/validate.ts';

export type Command =
  | { type: 'startPhase'; phase: TimedPhase | typeof VOTE_PHASE; exerciseId?: string; minutes?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; minutes: number }
  | { type: 'nextPhase' }
  | { type: 'rotate' }
  | { type: 'setExercise'; exerciseId: string }
  | { type: 'close' }
  | { type: 'reopen' }
  /** With `block`, the device they joined from is refused on this board from now on. */
  | { type: 'removeParticipant'; participantId: string; block?: boolean }
  | { type: 'renewJoinCode' }
  /** A new observer link; observers who joined with the old one are removed and disconnected. */
  | { type: 'renewObserverCode' }
  | { type: 'setObserversMayPost'; allowed: boolean }
  | { type: 'setParticipantsMayExport'; allowed: boolean }
  | { type: 'setPlan'; exerciseId: string; plan: PhasePlan }
  | { type: 'assignTeams'; teams?: string[][] }
  | { type: 'setAutoAdvance'; enabled: boolean }
  | { type: 'markDone'; done: boolean }
  | { type: 'answerMoreTime'; needMoreTime: boolean }
  | { type: 'setPrivatePosting'; enabled: boolean }
  | { type: 'setVoting'; enabled: boolean; votesPerPerson?: number }
  | { type: 'revealVotes' }
  /** Back to the session before the last change of phase, for 2 minutes after it. */
  | { type: 'undoPhaseChange' };

export type CommandType = Command['type'];

/** The commands a participant or observer may send; every other command is the facilitator's (the server answers 403). */
export const PARTICIPANT_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['markDone', 'answerMoreTime']);

/** Minutes a phase may run or be extended by: more than 0, at most this. */
export const MINUTES_MAX = 600;
/** Upper bound on teams in one assignment, far above any room's stations. */
export const TEAMS_MAX = 100;

const SIMPLE: ReadonlySet<string> = new Set([
  'pause',
  'resume',
  'nextPhase',
  'rotate',
  'close',
  'reopen',
  'renewJoinCode',
  'renewObserverCode',
  'revealVotes',
  'undoPhaseChange',
]);

function minutes(value: unknown, what: string): Result<number> {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MINUTES_MAX
    ? ok(value)
    : fail(`${what} must be a number of minutes above 0 and at most ${MINUTES_MAX}.`);
}

function id(value: unknown, what: string): Result<string> {
  const clean = cleanId(value);
  return clean ? ok(clean) : fail(`${what} must be an id (text without spaces).`);
}

function flag(value: unknown, what: string): Result<boolean> {
  return typeof value === 'boolean' ? ok(value) : fail(`${what} must be true or false.`);
}

function teams(value: unknown): Result<string[][] | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (!Array.isArray(value) || value.length > TEAMS_MAX)
    return fail(`"teams" must be a list of at most ${TEAMS_MAX} teams.`);
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const team of value) {
    if (!Array.isArray(team)) return fail('Each team must be a list of participant ids.');
    const members: string[] = [];
    for (const member of team) {
      const clean = cleanId(member);
      if (!clean) return fail('Each team must be a list of participant ids.');
      if (seen.has(clean)) return fail(`Participant ${clean} is in more than one team.`);
      seen.add(clean);
      members.push(clean);
    }
    result.push(members);
  }
  return ok(result);
}

/** Wraps a field's check so the command is built only from clean values. */
function field<T, C extends Command>(check: Result<T>, build: (value: T) => C): Result<Command> {
  return check.ok ? ok(build(check.value)) : fail(check.reason);
}

/** Reads one command from a request body; unknown fields are ignored, missing or malformed ones are refused. */
export function parseCommand(raw: unknown): Result<Command> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('A command must be a JSON object with a "type".');
  const r = raw as Record<string, unknown>;
  const type = r.type;
  if (typeof type !== 'string') return fail('A command needs a "type".');
  if (SIMPLE.has(type)) return ok({ type } as Command);
  switch (type) {
    case 'startPhase': {
      if (!isTimedPhase(r.phase) && r.phase !== VOTE_PHASE)
        return fail('"phase" must be "post", "group" or "rotate" (or "vote" when dot voting is on).');
      const command: Extract<Command, { type: 'startPhase' }> = { type, phase: r.phase };
      if (r.exerciseId !== undefined) {
        const exerciseId = id(r.exerciseId, '"exerciseId"');
        if (!exerciseId.ok) return fail(exerciseId.reason);
        command.exerciseId = exerciseId.value;
      }
      if (r.minutes !== undefined) {
        const m = minutes(r.minutes, '"minutes"');
        if (!m.ok) return fail(m.reason);
        command.minutes = m.value;
      }
      return ok(command);
    }
    case 'extend':
      return field(minutes(r.minutes, '"minutes"'), (value) => ({ type, minutes: value }));
    case 'setExercise':
      return field(id(r.exerciseId, '"exerciseId"'), (value) => ({ type, exerciseId: value }));
    case 'removeParticipant': {
      const participantId = id(r.participantId, '"participantId"');
      if (!participantId.ok) return fail(participantId.reason);
      if (r.block === undefined) return ok({ type, participantId: participantId.value });
      return field(flag(r.block, '"block"'), (block) => ({ type, participantId: participantId.value, block }));
    }
    case 'setObserversMayPost':
    case 'setParticipantsMayExport':
      return field(flag(r.allowed, '"allowed"'), (value) => ({ type, allowed: value }));
    case 'setAutoAdvance':
      return field(flag(r.enabled, '"enabled"'), (value) => ({ type, enabled: value }));
    case 'setPrivatePosting':
      return field(flag(r.enabled, '"enabled"'), (value) => ({ type, enabled: value }));
    case 'setVoting': {
      const enabled = flag(r.enabled, '"enabled"');
      if (!enabled.ok) return fail(enabled.reason);
      if (r.votesPerPerson === undefined) return ok({ type, enabled: enabled.value });
      const votes = r.votesPerPerson;
      if (typeof votes !== 'number' || !Number.isInteger(votes) || votes < 1 || votes > VOTES_PER_PERSON_MAX) {
        return fail(`"votesPerPerson" must be a whole number from 1 to ${VOTES_PER_PERSON_MAX}.`);
      }
      return ok({ type, enabled: enabled.value, votesPerPerson: votes });
    }
    case 'markDone':
      return field(flag(r.done, '"done"'), (value) => ({ type, done: value }));
    case 'answerMoreTime':
      return field(flag(r.needMoreTime, '"needMoreTime"'), (value) => ({ type, needMoreTime: value }));
    case 'setPlan': {
      const exerciseId = id(r.exerciseId, '"exerciseId"');
      if (!exerciseId.ok) return fail(exerciseId.reason);
      const plan = parsePlan(r.plan);
      if (!plan) {
        return fail(
          '"plan" needs postMinutes, groupMinutes and rotateMinutes (above 0, at most 600) and rotations (0 to 20); ' +
            'its optional "phases" lists "post" and any of "group" and "rotate".',
        );
      }
      return ok({ type, exerciseId: exerciseId.value, plan });
    }
    case 'assignTeams':
      return field(teams(r.teams), (value) => (value ? { type, teams: value } : { type }));
    default:
      return fail(`Unknown command "${type.slice(0, 40)}".`);
  }
}
