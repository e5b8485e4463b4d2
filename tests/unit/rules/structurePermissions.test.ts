// Table-driven tests of groups, board structure (meta, exercises, stations) and the server-only maps.
import { describe, expect, it } from 'vitest';
import type { Phase } from '@shared/model/Phase.ts';
import type { Actor, Change } from '@shared/rules/Change.ts';
import { canWriteInPhase, checkChanges } from '@shared/rules/permissions.ts';
import { alice, bob, create, facilitator, olga, remove, set, unset, view } from './fixtures.ts';

type Row = [
  name: string,
  actor: Actor,
  phase: Phase,
  changes: Change[],
  expected: true | RegExp,
  observersMayPost?: boolean,
];

const meta = (key: string, value: unknown): Change => ({ kind: 'setValue', map: 'meta', key, value });
const unmeta = (key: string): Change => ({ kind: 'deleteValue', map: 'meta', key });
const plan = { postMinutes: 10, groupMinutes: 5, rotateMinutes: 15, rotations: 2 };
const newGroup = (id: string, areaId = 'a1', extra: Record<string, unknown> = {}) =>
  create('groups', id, { id, areaId, label: 'Ideas', ...extra });

const groups: Row[] = [
  ['participant creates a group in group', alice, 'group', [newGroup('g9')], true],
  ['participant creates a group in rotate', alice, 'rotate', [newGroup('g9')], true],
  [
    'participant creates a group in post',
    alice,
    'post',
    [newGroup('g9')],
    /group and rotate phases; the room is in the post phase/,
  ],
  ['participant creates a group in setup', alice, 'setup', [newGroup('g9')], /not started/],
  ['facilitator creates a group in closed', facilitator, 'closed', [newGroup('g9')], true],
  ['group in a missing station', alice, 'group', [newGroup('g9', 'a9')], /station does not exist/],
  [
    'group in a station created in the same batch (facilitator)',
    facilitator,
    'setup',
    [
      newGroup('g9', 'a9'),
      create('areas', 'a9', { id: 'a9', exerciseId: 'ex1', title: 'New', description: '', order: 3 }),
    ],
    true,
  ],
  ['group with unknown field', alice, 'group', [newGroup('g9', 'a1', { colour: 'blue' })], /no field called "colour"/],
  ['group label too long', alice, 'group', [newGroup('g9', 'a1', { label: 'l'.repeat(121) })], /not valid/],
  [
    'group id differs from key',
    alice,
    'group',
    [create('groups', 'g9', { id: 'g8', areaId: 'a1', label: '' })],
    /does not match/,
  ],
  ['group id taken', alice, 'group', [newGroup('g1')], /exists already/],
  ['relabel in group', bob, 'group', [set('groups', 'g1', 'label', 'Threats')], true],
  ['relabel in post', bob, 'post', [set('groups', 'g1', 'label', 'Threats')], /group and rotate phases/],
  ['relabel too long', bob, 'group', [set('groups', 'g1', 'label', 'l'.repeat(121))], /not valid/],
  ['move group', bob, 'rotate', [set('groups', 'g1', 'x', 40), set('groups', 'g1', 'y', 50)], true],
  ['group to another station', bob, 'group', [set('groups', 'g1', 'areaId', 'a2')], /cannot be changed/],
  [
    'facilitator moves group to another station',
    facilitator,
    'group',
    [set('groups', 'g1', 'areaId', 'a2')],
    /cannot be changed/,
  ],
  ['group id changed', bob, 'group', [set('groups', 'g1', 'id', 'g7')], /cannot be changed/],
  [
    'delete group with its notes ungrouped',
    bob,
    'group',
    [unset('notes', 'n-alice', 'groupId'), remove('groups', 'g1')],
    true,
  ],
  ['delete group in post', bob, 'post', [remove('groups', 'g1')], /group and rotate phases/],
  [
    'observer creates a group even when posting',
    olga,
    'group',
    [newGroup('g9')],
    /Observers cannot make or change groups/,
    true,
  ],
  ['observer relabels a group', olga, 'group', [set('groups', 'g1', 'label', 'x')], /Observers can only read/],
  ['participant in closed', alice, 'closed', [set('groups', 'g1', 'label', 'x')], /board is closed/],
];

const structure: Row[] = [
  ['facilitator renames the board', facilitator, 'post', [meta('title', 'SSR2 ToR, day 2')], true],
  ['facilitator renames the board when closed', facilitator, 'closed', [meta('title', 'Final')], true],
  ['blank title', facilitator, 'post', [meta('title', '  ')], /board title must be/],
  ['title over 200', facilitator, 'post', [meta('title', 't'.repeat(201))], /board title must be/],
  ['removing the title', facilitator, 'post', [unmeta('title')], /cannot be removed/],
  ['ground rules', facilitator, 'setup', [meta('groundRules', ['One idea per note.', 'Be kind.'])], true],
  ['ground rules not strings', facilitator, 'setup', [meta('groundRules', ['ok', 3])], /list of at most/],
  ['ground rules not a list', facilitator, 'setup', [meta('groundRules', 'be nice')], /list of at most/],
  ['removing ground rules', facilitator, 'setup', [unmeta('groundRules')], true],
  ['min team size', facilitator, 'setup', [meta('minTeamSize', 2)], true],
  ['min team size zero', facilitator, 'setup', [meta('minTeamSize', 0)], /whole number/],
  ['notes coloured by author', facilitator, 'group', [meta('noteColours', 'author')], true],
  ['notes coloured by mood', facilitator, 'group', [meta('noteColours', 'mood')], /by station or by author/],
  ['removing the note colouring', facilitator, 'group', [unmeta('noteColours')], true],
  ['participant recolours the notes', alice, 'group', [meta('noteColours', 'author')], /Only the facilitator/],
  ['format version', facilitator, 'setup', [meta('formatVersion', 2)], /fixed when the board is made/],
  ['template id', facilitator, 'setup', [meta('templateId', 'x')], /fixed/],
  ['unknown meta key', facilitator, 'setup', [meta('theme', 'dark')], /no setting called "theme"/],
  ['participant renames the board', alice, 'post', [meta('title', 'Mine')], /Only the facilitator/],
  ['observer renames the board', olga, 'post', [meta('title', 'Mine')], /Observers can only read/],
  [
    'facilitator adds an exercise',
    facilitator,
    'setup',
    [create('exercises', 'ex3', { id: 'ex3', title: 'Exercise 3', question: 'Why?', order: 2, plan })],
    true,
  ],
  [
    'exercise without title',
    facilitator,
    'setup',
    [create('exercises', 'ex3', { id: 'ex3', title: '', question: 'Why?', order: 2, plan })],
    /not valid: exercise has no title/,
  ],
  [
    'exercise with a bad plan',
    facilitator,
    'setup',
    [create('exercises', 'ex3', { id: 'ex3', title: 'Three', plan: { postMinutes: -1 } })],
    /plan needs minutes/,
  ],
  ['exercise plan edited', facilitator, 'setup', [set('exercises', 'ex1', 'plan', { ...plan, rotations: 3 })], true],
  [
    'exercise plan broken',
    facilitator,
    'setup',
    [set('exercises', 'ex1', 'plan', { ...plan, rotations: 99 })],
    /plan needs/,
  ],
  ['exercise id changed', facilitator, 'setup', [set('exercises', 'ex1', 'id', 'exX')], /cannot be changed/],
  ['exercise deleted', facilitator, 'closed', [remove('exercises', 'ex2')], true],
  ['exercise with unknown field', facilitator, 'setup', [set('exercises', 'ex1', 'colour', 'red')], /no field called/],
  ['participant edits an exercise', alice, 'post', [set('exercises', 'ex1', 'title', 'Mine')], /Only the facilitator/],
  [
    'facilitator adds a station',
    facilitator,
    'setup',
    [create('areas', 'a3', { id: 'a3', exerciseId: 'ex1', title: 'Station 3', description: 'More', order: 2 })],
    true,
  ],
  [
    'station of a missing exercise',
    facilitator,
    'group',
    [create('areas', 'a3', { id: 'a3', exerciseId: 'ex9', title: 'Station 3', description: '', order: 2 })],
    /exercise does not exist/,
  ],
  [
    'station moved to a missing exercise',
    facilitator,
    'setup',
    [set('areas', 'a1', 'exerciseId', 'ex9')],
    /exercise does not exist/,
  ],
  ['station moved to another exercise', facilitator, 'setup', [set('areas', 'a1', 'exerciseId', 'ex2')], true],
  ['station renamed', facilitator, 'rotate', [set('areas', 'a1', 'title', 'Renamed')], true],
  ['station title removed', facilitator, 'rotate', [unset('areas', 'a1', 'title')], /cannot be removed/],
  ['station id changed', facilitator, 'rotate', [set('areas', 'a1', 'id', 'a7')], /cannot be changed/],
  ['station deleted', facilitator, 'setup', [remove('areas', 'a2')], true],
  [
    'participant adds a station',
    alice,
    'post',
    [create('areas', 'a3', { id: 'a3', exerciseId: 'ex1', title: 'S3', description: '', order: 2 })],
    /Only the facilitator/,
  ],
  ['participant deletes a station', bob, 'group', [remove('areas', 'a1')], /Only the facilitator/],
];

const serverOnly: Row[] = [
  ...([facilitator, alice, olga] as const).flatMap((actor): Row[] => [
    [
      `${actor.role} writes the session`,
      actor,
      'post',
      [{ kind: 'setValue', map: 'session', key: 'phase', value: 'closed' }],
      /Only the server changes the session/,
      true,
    ],
    [
      `${actor.role} clears the session clock`,
      actor,
      'post',
      [{ kind: 'deleteValue', map: 'session', key: 'endsAt' }],
      /Only the server/,
      true,
    ],
    [
      `${actor.role} edits a participant`,
      actor,
      'post',
      [set('participants', 'p-alice', 'role', 'facilitator')],
      /list of people/,
      true,
    ],
    [
      `${actor.role} adds a participant`,
      actor,
      'post',
      [create('participants', 'p-x', { id: 'p-x', name: 'X', role: 'facilitator', joinedAt: 1 })],
      /list of people/,
      true,
    ],
    [
      `${actor.role} sends something unsupported`,
      actor,
      'post',
      [{ kind: 'unsupported', reason: 'a Y.Text at root "x"' }],
      /cannot hold that change \(a Y\.Text/,
      true,
    ],
  ]),
];

describe.each([
  ['groups', groups],
  ['board structure', structure],
  ['server-only maps and unsupported changes', serverOnly],
])('%s', (_title, rows) => {
  it.each(rows)('%s', (_name, actor, phase, changes, expected, observersMayPost) => {
    const result = checkChanges(changes, actor, view(phase, observersMayPost ?? false));
    if (expected === true) expect(result).toEqual({ ok: true, value: undefined });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    }
  });
});

describe('canWriteInPhase', () => {
  it.each([
    ['facilitator', 'closed', false, true],
    ['facilitator', 'setup', false, true],
    ['participant', 'setup', false, false],
    ['participant', 'post', false, true],
    ['participant', 'closed', true, false],
    ['observer', 'post', false, false],
    ['observer', 'rotate', true, true],
    ['observer', 'closed', true, false],
  ] as const)('%s in %s (observers may post: %s) -> %s', (role, phase, observersMayPost, expected) => {
    expect(canWriteInPhase(role, phase, observersMayPost)).toBe(expected);
  });
});
