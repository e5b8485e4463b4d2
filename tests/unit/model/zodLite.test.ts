// The browser's checker (shared/src/model/zodLite.ts) against real zod: every reader and reply schema, loaded once
// with each, on the same generated records (valid, mutated at any depth, hostile), must give the same value or the
// same refusal (first reason for the readers; every issue's path and words for templates and replies).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as realArea from '@shared/model/Area.ts';
import * as realComment from '@shared/model/Comment.ts';
import * as realDecision from '@shared/model/Decision.ts';
import * as realExercise from '@shared/model/Exercise.ts';
import * as realGroup from '@shared/model/Group.ts';
import * as realHandoff from '@shared/model/Handoff.ts';
import * as realMeta from '@shared/model/Meta.ts';
import * as realNote from '@shared/model/Note.ts';
import * as realParticipant from '@shared/model/Participant.ts';
import * as realSession from '@shared/model/Session.ts';
import * as realReplies from '@shared/api/replies.ts';
import * as realTemplates from '@shared/templates/templateSchema.ts';
import * as realTemplateInfo from '@shared/templates/templateInfoSchema.ts';
import { listTemplates } from '@shared/templates/templates.ts';
import { templateInfoOf } from '@shared/templates/templateInfo.ts';

const MODULES = {
  Area: '../../../shared/src/model/Area.ts',
  Comment: '../../../shared/src/model/Comment.ts',
  Decision: '../../../shared/src/model/Decision.ts',
  Exercise: '../../../shared/src/model/Exercise.ts',
  Group: '../../../shared/src/model/Group.ts',
  Handoff: '../../../shared/src/model/Handoff.ts',
  Meta: '../../../shared/src/model/Meta.ts',
  Note: '../../../shared/src/model/Note.ts',
  Participant: '../../../shared/src/model/Participant.ts',
  Session: '../../../shared/src/model/Session.ts',
  Replies: '../../../shared/src/api/replies.ts',
  Templates: '../../../shared/src/templates/templateSchema.ts',
  TemplateInfo: '../../../shared/src/templates/templateInfoSchema.ts',
  Zod: '../../../shared/src/model/zod.ts',
} as const;

/** The same modules again, built on the browser's checker instead of zod. */
async function loadWithLite() {
  vi.resetModules();
  vi.doMock('../../../shared/src/model/zod.ts', () => import('../../../shared/src/model/zodLite.ts'));
  const loaded: Record<string, any> = {};
  for (const [name, path] of Object.entries(MODULES)) loaded[name] = await import(path);
  vi.doUnmock('../../../shared/src/model/zod.ts');
  return loaded;
}
const lite = await loadWithLite();

/** A small seeded generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const LONG = (n: number, c = 'x') => c.repeat(n);
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1,
  1.5,
  4,
  21,
  600,
  601,
  -1_000_001,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 53),
  1e21,
  '',
  ' ',
  'x',
  ' x ',
  'a b',
  '1',
  LONG(64),
  LONG(65),
  LONG(120),
  LONG(121),
  LONG(200),
  LONG(201),
  LONG(280),
  LONG(281),
  LONG(60),
  LONG(61),
  LONG(280, '😀'),
  LONG(281, '😀'),
  LONG(2001),
  '\uD800',
  true,
  false,
  [],
  [1],
  ['x', 2, 'y'],
  ['post'],
  ['rotate', 'post', 'post'],
  ['group'],
  {},
  { a: 1 },
  new Date(0),
  '#1f77b4',
  '#1f77b',
  'Europe/Copenhagen',
  'Mars/Base',
  'UTC',
  'draft',
  'final',
  'nope',
  '0.1',
  '1.0-rc',
  'v 1',
  'facilitator',
  'participant',
  'observer',
  'note',
  'group',
  'merged',
  'inScope',
  'high',
  'station',
  'author',
  'post',
  'vote',
  'closed',
  'pause',
  '2017-03-30',
  '2017-02-30',
  'n1',
  'n2',
  'a1',
  'note-n1',
  'c1',
  'scopeboard-template',
];
const ODD_KEYS = ['extra', '__proto__', 'constructor', 'toString', '0'];

type Json = unknown;
/** Every place in a value where a mutation can land: [container, key]. */
function places(value: Json, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([value, i]), places(item, out)));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const key of Object.keys(value)) out.push([value as Record<string, unknown>, key]);
    for (const item of Object.values(value)) places(item, out);
  }
  return out;
}

function clone(value: Json): Json {
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    // defineProperty, so that a "__proto__" key is an own key as it is in parsed JSON.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(copy, k, { value: clone(v), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return value;
}

/** A copy of `base` with one to three mutations anywhere in it. */
function mutate(base: Json, rng: ReturnType<typeof random>, donors: readonly Json[]): Json {
  const root = { root: clone(base) };
  const count = 1 + Math.floor(rng.next() * 3);
  for (let i = 0; i < count; i++) {
    const spots = places(root.root);
    const spot = spots.length ? rng.pick(spots) : undefined;
    const roll = rng.next();
    if (!spot || roll < 0.05) {
      root.root = clone(rng.pick([...ODD_VALUES, ...donors]));
      continue;
    }
    const [container, key] = spot;
    const value = clone(rng.next() < 0.8 ? rng.pick(ODD_VALUES) : rng.pick(donors));
    if (roll < 0.2) {
      if (Array.isArray(container)) container.splice(Number(key), 1);
      else delete container[key as string];
    } else if (roll < 0.3 && !Array.isArray(container)) {
      Object.defineProperty(container, rng.pick(ODD_KEYS), {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (roll < 0.35 && Array.isArray(container)) {
      container.push(value);
    } else if (Array.isArray(container)) {
      container[Number(key)] = value;
    } else {
      Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root.root;
}

const area = {
  id: 'a1',
  exerciseId: 'e1',
  title: 'Area',
  description: 'About it',
  order: 1,
  reference: 'Bylaws 4.6(c)',
  colour: '#1f77b4',
  isLeftOut: true,
};
const note = {
  id: 'n1',
  areaId: 'a1',
  text: 'Idea',
  authorId: 'p1',
  authorName: 'Pia',
  authorRole: 'participant',
  createdAt: 5,
  groupId: 'g1',
  x: 10,
  y: -20.5,
  source: 'Consultation',
  votes: 2,
};
const comment = {
  id: 'c2',
  areaId: 'a1',
  targetType: 'note',
  targetId: 'n1',
  parentId: 'c1',
  text: 'Agreed',
  authorId: 'p1',
  authorName: 'Pia',
  authorRole: 'participant',
  createdAt: 7,
};
const decision = {
  id: 'note-n1',
  targetType: 'note',
  targetId: 'n1',
  areaId: 'a1',
  status: 'merged',
  mergedInto: 'n2',
  priority: 'high',
  decidedBy: 'Fay',
  decidedAt: 9,
};
const plan = { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2, phases: ['rotate', 'post'] };
const exercise = { id: 'e1', title: 'Exercise', question: 'What?', order: 0, plan };
const group = { id: 'g1', areaId: 'a1', label: 'Group', x: 1, y: 2, createdAt: 3, labelUpdatedAt: 4 };
const handoff = {
  id: 'h1',
  areaId: 'a1',
  exerciseId: 'e1',
  rotation: 1,
  text: 'We did this',
  authorId: 'p1',
  authorName: 'Pia',
  createdAt: 8,
};
const templates = listTemplates();
const templateInfo = templateInfoOf(templates[0]!);
const meta = {
  formatVersion: 1,
  title: 'Board',
  templateId: 'ssr2-copenhagen',
  createdAt: 1,
  groundRules: ['Be brief', 3],
  minTeamSize: 4,
  timeZone: 'Europe/Copenhagen',
  documentStatus: 'review',
  documentVersion: '0.1',
  documentOwner: 'Fay',
  templateInfo,
  noteColours: 'author',
};
const participant = { id: 'p1', name: 'Pia', role: 'participant', joinedAt: 3, isRemoved: true };
const session = {
  exerciseId: 'e1',
  phase: 'rotate',
  endsAt: 100,
  pausedRemainingMs: null,
  rotation: 1,
  teams: [['p1', 'p2'], ['p3']],
  stationOffset: 1,
  observersMayPost: true,
  participantsMayExport: false,
  log: [{ exerciseId: 'e1', phase: 'post', startedAt: 1, endedAt: 2, plannedMs: 900000, rotation: 1 }],
  events: [{ kind: 'extend', at: 5, exerciseId: 'e1', phase: 'post', rotation: 1, minutes: 2 }],
  done: ['p1', 'p1', 'p2'],
  autoAdvance: true,
  moreTimePoll: { endsAt: 9, yes: ['p1'], no: [] },
  lastPoll: { deadline: 1, yes: 1, no: 2, keptPhase: true, decidedAt: 3 },
  closedFromPhase: null,
  privatePosting: true,
  privateCounts: { a1: 2, a2: 0, 'a 3': 1 },
  votingEnabled: true,
  votesPerPerson: 3,
  votesRevealed: false,
  votersCount: 2,
  beforeLastChange: {
    at: 1,
    exerciseId: 'e1',
    phase: 'post',
    rotation: 0,
    stationOffset: 0,
    teams: [['p1']],
    remainingMs: 5,
    wasPaused: false,
  },
  joinCodeRenewedAt: 4,
};

/** Runs `read` with real zod and with the checker on `cases` generated records and compares every answer. */
function compareOn(
  name: string,
  bases: readonly Json[],
  read: (m: 'real' | 'lite', input: any) => unknown,
  cases = 1500,
) {
  it(`${name}: same value or refusal on ${cases} generated records`, () => {
    const rng = random(name.length * 7919);
    const inputs: Json[] = [...bases, ...ODD_VALUES];
    for (let i = 0; i < cases; i++) inputs.push(mutate(rng.pick(bases), rng, bases));
    let refused = 0;
    for (const input of inputs) {
      const expected = read('real', input);
      const actual = read('lite', input);
      if (JSON.stringify(expected).includes('"ok":false') || JSON.stringify(expected).includes('"success":false'))
        refused++;
      expect(actual, JSON.stringify(input)).toStrictEqual(expected);
    }
    // The generated records must exercise both sides: some accepted, many refused.
    expect(refused).toBeGreaterThan(inputs.length / 10);
    expect(refused).toBeLessThan(inputs.length);
  });
}

/** safeParse's answer, reduced to what callers read: the data, or each issue's code, path and words. */
const answer = (result: any) =>
  result.success
    ? { success: true, data: result.data }
    : {
        success: false,
        issues: result.error.issues.map((i: any) => ({ code: i.code, path: i.path, message: i.message })),
      };

const real: Record<string, any> = {
  Area: realArea,
  Comment: realComment,
  Decision: realDecision,
  Exercise: realExercise,
  Group: realGroup,
  Handoff: realHandoff,
  Meta: realMeta,
  Note: realNote,
  Participant: realParticipant,
  Session: realSession,
  Replies: realReplies,
  Templates: realTemplates,
  TemplateInfo: realTemplateInfo,
};
const pick = (m: 'real' | 'lite', name: string) => (m === 'real' ? real[name] : lite[name]);
/** parse() may throw: the throw is part of the answer. */
const attempt = (fn: () => unknown) => {
  try {
    return { value: fn() };
  } catch (error) {
    return { threw: (error as Error).message.length > 0 };
  }
};

/** The `z.` members shared's schema modules call (types and the JSON Schema generator aside). */
function zodMembersUsed(): Set<string> {
  const root = path.resolve(import.meta.dirname, '../../../shared/src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    if (!/from '(\.\.?\/)+(model\/)?zod\.ts'/.test(text)) continue;
    for (const [, member] of text.matchAll(/\bz\.([A-Za-z_]+)/g)) used.add(member!);
  }
  // Types, and what only the server and scripts run (JSON Schema, zod's configuration).
  for (const member of [
    'ZodMiniType',
    'ZodMiniObject',
    'output',
    'input',
    'infer',
    'core',
    'toJSONSchema',
    'config',
    'globalRegistry',
  ])
    used.delete(member);
  return used;
}

describe('the browser checker reads every record as zod does', () => {
  it('has every zod function the schemas call', () => {
    const used = zodMembersUsed();
    expect(used.size).toBeGreaterThan(20);
    for (const member of used) expect(lite.Zod.z, `zodLite.ts lacks z.${member}`).toHaveProperty(member);
  });
  it('is a different implementation (the mock took)', () => {
    expect(lite.Note.NoteSchema).not.toBe(realNote.NoteSchema);
    expect(typeof lite.Note.NoteSchema._zod).toBe('undefined');
  });
  compareOn('note', [note], (m, x) => pick(m, 'Note').parseNote(x));
  compareOn('area', [area], (m, x) => pick(m, 'Area').parseArea(x));
  compareOn('comment', [comment, { ...comment, parentId: 'c2' }], (m, x) => pick(m, 'Comment').parseComment(x));
  compareOn('decision', [decision, { ...decision, status: 'parked', mergedInto: undefined }], (m, x) =>
    pick(m, 'Decision').parseDecision(x),
  );
  compareOn('exercise', [exercise], (m, x) => pick(m, 'Exercise').parseExercise(x));
  compareOn('plan', [plan], (m, x) => pick(m, 'Exercise').parsePlan(x) ?? { ok: false });
  compareOn('group', [group], (m, x) => pick(m, 'Group').parseGroup(x));
  compareOn('hand-off', [handoff], (m, x) => pick(m, 'Handoff').parseHandoff(x));
  compareOn('meta', [meta], (m, x) => pick(m, 'Meta').parseMeta(x), 3000);
  compareOn('participant', [participant], (m, x) => pick(m, 'Participant').parseParticipant(x));
  compareOn('template info', [templateInfo], (m, x) => answer(pick(m, 'TemplateInfo').templateInfoSchema.safeParse(x)));
  compareOn('templates', templates, (m, x) => pick(m, 'Templates').parseTemplate(x), 3000);

  it('session: same lenient reading on generated session maps', () => {
    const rng = random(17);
    for (let i = 0; i < 3000; i++) {
      const input = i === 0 ? session : mutate(session, rng, [session]);
      if (typeof input !== 'object' || input === null) continue;
      const read = (m: 'real' | 'lite') => attempt(() => pick(m, 'Session').parseSession(input));
      expect(read('lite'), JSON.stringify(input)).toStrictEqual(read('real'));
    }
  });

  it('meta helpers: team size and ground rules read the same', () => {
    for (const value of [...ODD_VALUES, ['a', 1, 'b'], ['x', ['y']]]) {
      const read = (m: 'real' | 'lite') => ({
        size: attempt(() => pick(m, 'Meta').readMinTeamSize(value)),
        rules: attempt(() => pick(m, 'Meta').parseGroundRules(value)),
      });
      expect(read('lite'), String(value)).toStrictEqual(read('real'));
    }
  });

  const replies = {
    ErrorReply: { error: { code: 'gone', message: 'Gone' } },
    CreatedBoardReply: {
      boardId: 'b',
      facilitatorToken: 't',
      joinCode: 'j',
      observerCode: 'o',
      links: { facilitator: 'f', participant: 'p', observer: 'o' },
    },
    JoinedReply: { participantId: 'p', token: 't', role: 'observer' },
    MeReply: { participantId: 'p', name: 'Pia', role: 'facilitator', boardId: 'b', title: 'T', isArchived: false },
    LinksReply: { links: { participant: 'p', observer: 'o' } },
    CommandReply: { session: { phase: 'post' }, notice: 'n', joinCode: 'j' },
    PrivateNotesReply: { notes: [{ id: 'n', areaId: 'a', text: 't', createdAt: 1 }] },
    MyVotesReply: { votes: { n1: 2 }, votesPerPerson: 3, remaining: 1, isOpen: true },
    TimeReply: { now: 5 },
  };
  for (const [name, base] of Object.entries(replies)) {
    compareOn(`reply ${name}`, [base], (m, x) => answer(pick(m, 'Replies')[name].safeParse(x)), 400);
  }
});
