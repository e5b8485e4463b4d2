// A Scopeboard JSON export as a board to import: every record through the same validators as typed input, all or nothing.
import type { Board } from '../doc/readBoard.ts';
import { parseArea } from '../model/Area.ts';
import { parseComment } from '../model/Comment.ts';
import { parseDecision } from '../model/Decision.ts';
import { parseExercise } from '../model/Exercise.ts';
import { parseGroup } from '../model/Group.ts';
import { parseHandoff } from '../model/Handoff.ts';
import { parseMeta, readMinTeamSize } from '../model/Meta.ts';
import { parseNote } from '../model/Note.ts';
import type { Result } from '../model/Result.ts';
import { EMPTY_SESSION, parseSession } from '../model/Session.ts';
import { GROUND_RULE_MAX, GROUND_RULES_MAX, MIN_TEAM_SIZE_MAX } from '../rules/structureRules.ts';
import { cleanText } from '../model/validate.ts';
import { parseEarlierSessions } from './earlierSessions.ts';
import { migrateExport } from './migrateExport.ts';

export interface ImportIssue {
  /** Where in the request: "import.board.notes.3". */
  path: string;
  message: string;
}

export interface ImportLimits {
  maxNotes: number;
}

export type ImportResult = { ok: true; board: Board } | { ok: false; issues: ImportIssue[]; tooLarge: boolean };

const MAX_ISSUES = 20;

/**
 * Reads an export into a Board (records validated, ids unique, every reference resolved). Participants are not
 * carried; authorship stays as names on notes, comments and hand-offs. Any issue refuses the whole import.
 */
export function importBoard(raw: unknown, limits: ImportLimits): ImportResult {
  const migrated = migrateExport(raw);
  if (!migrated.ok) return { ok: false, issues: migrated.issues, tooLarge: false };
  const source = migrated.board;
  const issues: ImportIssue[] = [];
  const at = (path: string, message: string) =>
    void (issues.length < MAX_ISSUES && issues.push({ path: `import.board.${path}`, message }));

  const list = (name: string): unknown[] => {
    const value = source[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) return (at(name, 'must be a list'), []);
    return value;
  };
  if (list('notes').length > limits.maxNotes) {
    return {
      ok: false,
      tooLarge: true,
      issues: [
        {
          path: 'import.board.notes',
          message: `holds ${list('notes').length} notes; a board holds at most ${limits.maxNotes}`,
        },
      ],
    };
  }
  function records<T extends { id: string }>(name: string, parse: (r: Record<string, unknown>) => Result<T>): T[] {
    const seen = new Set<string>();
    const out: T[] = [];
    list(name).forEach((entry, index) => {
      const parsed = typeof entry === 'object' && entry !== null ? parse(entry as Record<string, unknown>) : undefined;
      if (!parsed) return at(`${name}.${index}`, 'must be a record (a JSON object)');
      if (!parsed.ok) return at(`${name}.${index}`, parsed.reason);
      if (seen.has(parsed.value.id)) return at(`${name}.${index}.id`, `the id "${parsed.value.id}" is used twice`);
      seen.add(parsed.value.id);
      out.push(parsed.value);
    });
    return out;
  }

  const meta = parseMeta(
    typeof source.meta === 'object' && source.meta !== null ? (source.meta as Record<string, unknown>) : {},
  );
  if (!meta.ok) at('meta', meta.reason);
  const groundRules = list('groundRules');
  if (groundRules.length > GROUND_RULES_MAX) at('groundRules', `must have at most ${GROUND_RULES_MAX} ground rules`);
  groundRules.forEach((rule, index) => {
    if (cleanText(rule, GROUND_RULE_MAX) !== rule)
      at(`groundRules.${index}`, `must be a ground rule of 1 to ${GROUND_RULE_MAX} characters`);
  });
  const minTeamSize = source.minTeamSize;
  if (
    minTeamSize !== undefined &&
    !(
      typeof minTeamSize === 'number' &&
      Number.isInteger(minTeamSize) &&
      minTeamSize >= 1 &&
      minTeamSize <= MIN_TEAM_SIZE_MAX
    )
  ) {
    at('minTeamSize', `must be a whole number from 1 to ${MIN_TEAM_SIZE_MAX}`);
  }

  const exercises = records('exercises', parseExercise);
  const exerciseIds = new Set(exercises.map((e) => e.id));
  const areas = records('areas', parseArea);
  areas.forEach((area, index) => {
    if (!exerciseIds.has(area.exerciseId))
      at(`areas.${index}.exerciseId`, `points at the exercise "${area.exerciseId}", which is not in the export`);
  });
  const areasById = new Map(areas.map((a) => [a.id, a]));
  const groups = records('groups', parseGroup);
  groups.forEach((group, index) => {
    if (!areasById.has(group.areaId))
      at(`groups.${index}.areaId`, `points at the station "${group.areaId}", which is not in the export`);
  });
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  const notes = records('notes', parseNote);
  notes.forEach((note, index) => {
    if (!areasById.has(note.areaId))
      at(`notes.${index}.areaId`, `points at the station "${note.areaId}", which is not in the export`);
    const group = note.groupId === undefined ? undefined : groupsById.get(note.groupId);
    if (note.groupId !== undefined && (!group || group.areaId !== note.areaId)) {
      at(`notes.${index}.groupId`, `points at the group "${note.groupId}", which is not at the note's station`);
    }
  });
  const noteIds = new Set(notes.map((n) => n.id));
  const comments = records('comments', parseComment);
  const commentIds = new Set(comments.map((c) => c.id));
  comments.forEach((comment, index) => {
    const exists = comment.targetType === 'note' ? noteIds.has(comment.targetId) : groupsById.has(comment.targetId);
    if (!exists)
      at(
        `comments.${index}.targetId`,
        `points at the ${comment.targetType} "${comment.targetId}", which is not in the export`,
      );
    if (comment.parentId !== undefined && !commentIds.has(comment.parentId))
      at(`comments.${index}.parentId`, 'answers a comment that is not in the export');
  });
  const handoffs = records('handoffs', parseHandoff);
  handoffs.forEach((handoff, index) => {
    if (areasById.get(handoff.areaId)?.exerciseId !== handoff.exerciseId)
      at(`handoffs.${index}.areaId`, 'points at a station that is not in its exercise');
  });
  const decisions = records('decisions', parseDecision);
  decisions.forEach((decision, index) => {
    const exists = decision.targetType === 'note' ? noteIds.has(decision.targetId) : groupsById.has(decision.targetId);
    if (!exists)
      at(
        `decisions.${index}.targetId`,
        `points at the ${decision.targetType} "${decision.targetId}", which is not in the export`,
      );
  });
  if (issues.length > 0) return { ok: false, issues, tooLarge: false };

  const rawSession =
    typeof source.session === 'object' && source.session !== null ? (source.session as Record<string, unknown>) : {};
  const session = { ...EMPTY_SESSION, ...parseSession(rawSession) };
  return {
    ok: true,
    board: {
      meta: meta.ok ? meta.value : null,
      groundRules: groundRules as string[],
      minTeamSize: readMinTeamSize(minTeamSize),
      earlierSessions: parseEarlierSessions(source.earlierSessions),
      exercises,
      areas,
      notes,
      groups,
      participants: [],
      comments,
      handoffs,
      decisions,
      session,
      skipped: [],
    },
  };
}
