// The facilitator's board structure: meta settings, exercises and stations (areas), and their consistency.
import { TITLE_MAX } from '../model/limits.ts';
import { isTimeZone, MIN_TEAM_SIZE_MAX, NOTE_COLOURINGS } from '../model/Meta.ts';
import {
  checkDocumentOwner,
  checkDocumentVersion,
  isDocumentStatus,
  STATUS_REFUSAL,
} from '../model/documentControl.ts';
import { parsePlan } from '../model/Exercise.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanText } from '../model/validate.ts';
import type { BatchView } from './batchView.ts';
import type { RecordChecks } from './recordChecks.ts';
import type { BoardView, Change } from './Change.ts';
import type { RecordChange } from './noteRules.ts';
import { checkCreated, checkFieldChange, RECORD_SPECS } from './recordSpecs.ts';

export const GROUND_RULES_MAX = 20;
export const GROUND_RULE_MAX = 500;
export { MIN_TEAM_SIZE_MAX };

/** Meta keys fixed when the board is made. */
const FIXED_META_KEYS: readonly string[] = [
  'formatVersion',
  'templateId',
  'createdAt',
  'earlierSessions',
  'templateInfo',
];

/** Optional settings a facilitator may remove (the board then uses its default). */
const OPTIONAL_META_KEYS: readonly string[] = [
  'groundRules',
  'minTeamSize',
  'timeZone',
  'documentStatus',
  'documentVersion',
  'documentOwner',
  'noteColours',
];

function checkMetaValue(key: string, value: unknown): Result<void> {
  switch (key) {
    case 'title':
      return cleanText(value, TITLE_MAX) === value
        ? ok(undefined)
        : fail(`The board title must be 1 to ${TITLE_MAX} characters, without surrounding spaces.`);
    case 'groundRules':
      return Array.isArray(value) &&
        value.length <= GROUND_RULES_MAX &&
        value.every((rule) => typeof rule === 'string' && cleanText(rule, GROUND_RULE_MAX) !== undefined)
        ? ok(undefined)
        : fail(`Ground rules must be a list of at most ${GROUND_RULES_MAX} short texts.`);
    case 'minTeamSize':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MIN_TEAM_SIZE_MAX
        ? ok(undefined)
        : fail(`The minimum team size must be a whole number from 1 to ${MIN_TEAM_SIZE_MAX}.`);
    case 'timeZone':
      return isTimeZone(value)
        ? ok(undefined)
        : fail('The time zone must be a name such as "Europe/Copenhagen" or "UTC".');
    case 'documentStatus':
      return isDocumentStatus(value) ? ok(undefined) : fail(STATUS_REFUSAL);
    case 'documentVersion':
    case 'documentOwner': {
      const checked = (key === 'documentVersion' ? checkDocumentVersion : checkDocumentOwner)(value);
      return checked.ok && checked.value === value
        ? ok(undefined)
        : checked.ok
          ? fail(`The ${key === 'documentVersion' ? 'version' : 'owner'} must not start or end with a space.`)
          : checked;
    }
    case 'noteColours':
      return (NOTE_COLOURINGS as readonly unknown[]).includes(value)
        ? ok(undefined)
        : fail('Notes can be coloured by station or by author.');
    default:
      return fail(`The board has no setting called "${key}".`);
  }
}

/** Checks a facilitator's change to `meta` (the caller refuses everyone else). */
export function checkMetaChange(change: Extract<Change, { kind: 'setValue' | 'deleteValue' }>): Result<void> {
  if (FIXED_META_KEYS.includes(change.key)) return fail(`The board's ${change.key} is fixed when the board is made.`);
  if (change.kind === 'setValue') return checkMetaValue(change.key, change.value);
  if (change.key === 'title') return fail('The board title cannot be removed.');
  // Optional settings may be removed; unknown ones are refused.
  return OPTIONAL_META_KEYS.includes(change.key)
    ? ok(undefined)
    : fail(`The board has no setting called "${change.key}".`);
}

/** Station fields whose change moves teams: which stations exist, in what order, visited or not. */
const STATION_LAYOUT_FIELDS: readonly string[] = ['exerciseId', 'order', 'isLeftOut'];

/** The running phase of the current exercise, in words, when `exerciseId` is that exercise; undefined otherwise. */
function runningPhaseOf(view: BoardView | undefined, exerciseId: unknown): string | undefined {
  if (!view || view.phase === 'setup' || view.phase === 'closed') return undefined;
  if (typeof exerciseId !== 'string' || exerciseId !== view.exerciseId) return undefined;
  return `The ${view.phase} phase of this exercise is running`;
}

/** Refusals that keep a running phase and the notes already posted intact. */
function checkSafeNow(
  change: RecordChange & { map: 'exercises' | 'areas' },
  batch: BatchView,
  view: BoardView | undefined,
): Result<void> {
  const current = batch.get(change.map, change.id);
  if (change.map === 'exercises') {
    const running = runningPhaseOf(view, change.id);
    if (running && change.kind === 'deleteRecord')
      return fail(`${running}: it cannot be deleted now. Close the session first.`);
    return ok(undefined);
  }
  if (change.kind === 'deleteRecord') {
    const notes = view?.noteIdsIn?.(change.id) ?? [];
    if (notes.some((id) => batch.get('notes', id)?.areaId === change.id)) {
      return fail(
        'That station holds notes, so it cannot be deleted. Leave it out instead: its notes stay on the board and in the export.',
      );
    }
  }
  const exerciseIds = [current?.exerciseId, change.kind === 'createRecord' ? change.fields.exerciseId : undefined];
  if (change.kind === 'setField' && change.field === 'exerciseId') exerciseIds.push(change.value);
  const layoutChange =
    change.kind === 'createRecord' || change.kind === 'deleteRecord' || STATION_LAYOUT_FIELDS.includes(change.field);
  const running = exerciseIds.map((id) => runningPhaseOf(view, id)).find((r) => r !== undefined);
  if (running && layoutChange) {
    return fail(
      `${running}: teams are at its stations, so stations cannot be added, removed, reordered or left out until the session is closed or moves to another exercise.`,
    );
  }
  return ok(undefined);
}

/** Checks a facilitator's change to an exercise or a station. */
export function checkStructureChange(
  change: RecordChange & { map: 'exercises' | 'areas' },
  batch: BatchView,
  records: RecordChecks,
  view?: BoardView,
): Result<void> {
  const safe = checkSafeNow(change, batch, view);
  if (!safe.ok) return safe;
  const noun = RECORD_SPECS[change.map].noun;
  if (change.kind === 'createRecord') {
    if (batch.get(change.map, change.id)) return fail(`A ${noun} with that id exists already.`);
    const valid = checkCreated(change.map, change.id, change.fields);
    if (!valid.ok) return valid;
    return change.map === 'exercises' && change.fields.plan !== undefined
      ? checkPlan(change.fields.plan)
      : ok(undefined);
  }
  if (change.kind === 'deleteRecord') return ok(undefined);
  const current = batch.get(change.map, change.id);
  if (!current) return ok(undefined);
  const valid = checkFieldChange(change.map, change, current, records);
  if (!valid.ok) return valid;
  // parseExercise falls back to the default plan for readers; a writer must send a real one.
  return change.map === 'exercises' && change.field === 'plan' && change.kind === 'setField'
    ? checkPlan(change.value)
    : ok(undefined);
}

function checkPlan(plan: unknown): Result<void> {
  return parsePlan(plan)
    ? ok(undefined)
    : fail(
        'An exercise plan needs minutes for post, group and rotate (more than 0, at most 600) and a number of rotations (0 to 20).',
      );
}

/** After a batch: every station created or moved in it belongs to an existing exercise. */
export function checkAreaPlacement(batch: BatchView): Result<void> {
  for (const id of batch.touched('areas', ['exerciseId'])) {
    const area = batch.get('areas', id);
    if (!area) continue;
    if (typeof area.exerciseId !== 'string' || !batch.get('exercises', area.exerciseId)) {
      return fail("That station's exercise does not exist on this board.");
    }
  }
  return ok(undefined);
}
