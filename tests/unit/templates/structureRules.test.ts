// Structure rules of setup editing: only the facilitator, stations with notes are left out not deleted, running phases kept whole.
import { describe, expect, it } from 'vitest';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, BoardView, Change } from '@shared/rules/Change.ts';
import { checkChanges } from '@shared/rules/permissions.ts';
import { alice, create, facilitator, remove, set, view } from '../rules/fixtures.ts';

/** The fixture board (notes n-alice, n-bob, n-olga at a1; a2 empty) with the session on ex1. */
function board(phase: Phase, exerciseId = 'ex1'): BoardView {
  const base = view(phase);
  return { ...base, exerciseId, noteIdsIn: (areaId) => (areaId === 'a1' ? ['n-alice', 'n-bob', 'n-olga'] : []) };
}
const station = (id: string, exerciseId = 'ex1') =>
  create('areas', id, { id, exerciseId, title: 'New', description: '', order: 5 });

type Row = [name: string, actor: Actor, phase: Phase, changes: Change[], expected: true | RegExp, exerciseId?: string];
const rows: Row[] = [
  ['facilitator adds a station in setup', facilitator, 'setup', [station('a9')], true],
  [
    'facilitator names a station with reference and colour',
    facilitator,
    'setup',
    [
      set('areas', 'a2', 'title', 'Bylaws'),
      set('areas', 'a2', 'reference', 'Bylaws 4.6(c)(ii)(A)'),
      set('areas', 'a2', 'colour', '#1f77b4'),
    ],
    true,
  ],
  [
    'a colour that is not #rrggbb',
    facilitator,
    'setup',
    [set('areas', 'a2', 'colour', 'blue')],
    /colour must be written like/,
  ],
  ['facilitator leaves out a station in setup', facilitator, 'setup', [set('areas', 'a1', 'isLeftOut', true)], true],
  ['isLeftOut not a boolean', facilitator, 'setup', [set('areas', 'a1', 'isLeftOut', 'yes')], /true or false/],
  ['participant adds a station', alice, 'post', [station('a9')], /Only the facilitator/],
  ['participant leaves out a station', alice, 'group', [set('areas', 'a1', 'isLeftOut', true)], /Only the facilitator/],
  [
    'deleting a station that holds notes',
    facilitator,
    'setup',
    [remove('areas', 'a1')],
    /holds notes.*Leave it out instead/,
  ],
  ['deleting an empty station', facilitator, 'setup', [remove('areas', 'a2')], true],
  [
    'deleting a station with its notes deleted in the same update',
    facilitator,
    'setup',
    [remove('notes', 'n-alice'), remove('notes', 'n-bob'), remove('notes', 'n-olga'), remove('areas', 'a1')],
    true,
  ],
  [
    'adding a station to the exercise whose post phase runs',
    facilitator,
    'post',
    [station('a9')],
    /post phase of this exercise is running: teams/,
  ],
  [
    'leaving out a station while rotating',
    facilitator,
    'rotate',
    [set('areas', 'a2', 'isLeftOut', true)],
    /rotate phase .* running/,
  ],
  [
    'reordering stations while grouping',
    facilitator,
    'group',
    [set('areas', 'a2', 'order', 0)],
    /group phase .* running/,
  ],
  ['deleting an empty station while voting', facilitator, 'vote', [remove('areas', 'a2')], /vote phase .* running/],
  ['renaming a station while rotating', facilitator, 'rotate', [set('areas', 'a2', 'title', 'Clearer name')], true],
  ['adding a station to another exercise while this one runs', facilitator, 'post', [station('a9', 'ex2')], true],
  ['adding a station once the session is closed', facilitator, 'closed', [station('a9')], true],
  ['deleting the running exercise', facilitator, 'post', [remove('exercises', 'ex1')], /cannot be deleted now/],
  [
    'rewording the running exercise question',
    facilitator,
    'post',
    [set('exercises', 'ex1', 'question', 'What now?')],
    true,
  ],
  [
    'changing the earlier sessions',
    facilitator,
    'setup',
    [{ kind: 'setValue', map: 'meta', key: 'earlierSessions', value: [] }],
    /fixed when the board is made/,
  ],
];

describe('structure rules', () => {
  it.each(rows)('%s', (_name, actor, phase, changes, expected, exerciseId) => {
    const result = checkChanges(changes, actor, board(phase, exerciseId));
    if (expected === true) expect(result).toEqual({ ok: true, value: undefined });
    else expect(result.ok ? 'accepted' : result.reason).toMatch(expected);
  });
});
