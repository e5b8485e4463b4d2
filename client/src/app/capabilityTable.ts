// "May I do this now?" for the browser, as a table of the guard's own answers: the rules (shared/src/rules) are
// about 5 KiB of a phone's first load, and their answer depends on nothing but the role, the session's four switches
// and whether the record is one's own (participant ids are the server's nanoids), so every answer is computed once (`npm run schemas` writes
// capabilityVerdicts.ts) and tests/unit/model/capabilityTable.test.ts checks the whole table against the rules.
import type { Action, CapabilityActor, CapabilitySession, Verdict } from '@shared/rules/capabilities.ts';
import { PHASES } from '@shared/model/Phase.ts';
import { ROLES } from '@shared/model/Role.ts';

/** The table: the distinct refusals, and one character per (role and session, action): '.' allowed, else a refusal. */
export interface CapabilityVerdicts {
  reasons: string[];
  table: string;
}

type Capability = (actor: CapabilityActor, session: CapabilitySession, action: Action) => Verdict;

/** Each action the table answers; for actions on someone's record, whether it is one's own decides. */
const ACTIONS = [
  'post',
  'editNote:own',
  'editNote:other',
  'deleteNote:own',
  'deleteNote:other',
  'moveNote:own',
  'moveNote:other',
  'group',
  'comment',
  'deleteComment:own',
  'deleteComment:other',
  'handOff',
  'vote',
  'export',
  'undo:none',
  'undo:',
  'undo:notes',
  'undo:groups',
  'undo:notes,groups',
] as const;
type ActionKey = (typeof ACTIONS)[number];

/** Every kind of action there is: a new kind fails the typecheck here, and the unit test until ACTIONS has it. */
export const ACTION_KINDS: Record<Action['kind'], true> = {
  post: true,
  editNote: true,
  deleteNote: true,
  moveNote: true,
  group: true,
  comment: true,
  deleteComment: true,
  handOff: true,
  vote: true,
  export: true,
  undo: true,
};

const OTHER_AUTHOR = 'capability-table-other-author';

function actionKey(action: Action, actor: CapabilityActor): ActionKey {
  if ('authorId' in action) {
    return `${action.kind}:${action.authorId === actor.participantId ? 'own' : 'other'}` as ActionKey;
  }
  if (action.kind !== 'undo') return action.kind;
  const { effects } = action;
  if (!effects) return 'undo:none';
  return `undo:${[effects.deletedNotes && 'notes', effects.changedGroups && 'groups'].filter(Boolean).join(',')}` as ActionKey;
}

function sampleAction(key: ActionKey, actor: CapabilityActor): Action {
  const [kind, detail = ''] = key.split(':') as [Action['kind'], string?];
  if (kind === 'undo') {
    const effects = { deletedNotes: detail.includes('notes'), changedGroups: detail.includes('groups') };
    return { kind, effects: detail === 'none' ? undefined : effects };
  }
  if (detail === 'own' || detail === 'other') {
    const authorId = detail === 'own' ? actor.participantId : OTHER_AUTHOR;
    return { kind, authorId } as Action;
  }
  return { kind } as Action;
}

const SWITCHES = ['observersMayPost', 'votesRevealed', 'participantsMayExport'] as const;

/** The row of a role and a session: role, phase, then the three switches as bits. */
function rowOf(role: CapabilityActor['role'], session: CapabilitySession): number {
  const bits = SWITCHES.reduce((sum, name, i) => sum + (session[name] ? 1 << i : 0), 0);
  return (ROLES.indexOf(role) * PHASES.length + PHASES.indexOf(session.phase)) * 2 ** SWITCHES.length + bits;
}

/** Every role and session the table covers, in row order (for building it and for the test). */
export function everySituation(participantId: string): { actor: CapabilityActor; session: CapabilitySession }[] {
  return ROLES.flatMap((role) =>
    PHASES.flatMap((phase) =>
      Array.from({ length: 2 ** SWITCHES.length }, (_, bits) => ({
        actor: { participantId, role },
        session: {
          phase,
          observersMayPost: (bits & 1) !== 0,
          votesRevealed: (bits & 2) !== 0,
          participantsMayExport: (bits & 4) !== 0,
        },
      })),
    ),
  );
}

/** Every action the table answers, as `actor` would ask it. */
export function everyAction(actor: CapabilityActor): Action[] {
  return ACTIONS.map((key) => sampleAction(key, actor));
}

/** Asks `capability` (the rules) every question the table holds. */
export function buildVerdicts(capability: Capability): CapabilityVerdicts {
  const reasons: string[] = [];
  let table = '';
  for (const { actor, session } of everySituation('capability-table-actor')) {
    for (const action of everyAction(actor)) {
      const verdict = capability(actor, session, action);
      if (verdict.allowed) {
        table += '.';
        continue;
      }
      if (!reasons.includes(verdict.reason)) reasons.push(verdict.reason);
      table += String.fromCharCode(48 + reasons.indexOf(verdict.reason));
    }
  }
  return { reasons, table };
}

const ALLOWED: Verdict = { allowed: true };

/** The rules' answer to `action`, read from the table. */
export function lookUpCapability(
  verdicts: CapabilityVerdicts,
  actor: CapabilityActor,
  session: CapabilitySession,
  action: Action,
): Verdict {
  const cell = verdicts.table[rowOf(actor.role, session) * ACTIONS.length + ACTIONS.indexOf(actionKey(action, actor))];
  if (cell === '.') return ALLOWED;
  const reason = cell === undefined ? undefined : verdicts.reasons[cell.charCodeAt(0) - 48];
  // Only a session the table does not cover gets here (the reader only yields known phases and booleans).
  return { allowed: false, reason: reason ?? 'This is not possible now.' };
}
