// Table-driven tests of capabilities: what each role may do in each phase, and why not, in the guard's own words.
import { describe, expect, it } from 'vitest';
import { PHASES, type Phase } from '@shared/model/Phase.ts';
import { capability, type Action, type CapabilityActor } from '@shared/rules/capabilities.ts';

const fran: CapabilityActor = { participantId: 'p-fran', role: 'facilitator' };
const ana: CapabilityActor = { participantId: 'p-ana', role: 'participant' };
const olga: CapabilityActor = { participantId: 'p-olga', role: 'observer' };

function session(
  phase: Phase,
  extra: { observersMayPost?: boolean; votesRevealed?: boolean; participantsMayExport?: boolean } = {},
) {
  return { phase, observersMayPost: false, votesRevealed: false, participantsMayExport: false, ...extra };
}

/** For each action, the phases in which a participant may do it (on their own records where it matters). */
const PARTICIPANT: [string, Action, Phase[]][] = [
  ['post', { kind: 'post' }, ['post', 'rotate']],
  ['edit own note', { kind: 'editNote', authorId: 'p-ana' }, ['post', 'group', 'rotate']],
  ['delete own note', { kind: 'deleteNote', authorId: 'p-ana' }, ['post', 'group', 'rotate']],
  ['move own note', { kind: 'moveNote', authorId: 'p-ana' }, ['post', 'group', 'rotate']],
  ["edit someone else's note", { kind: 'editNote', authorId: 'p-bo' }, []],
  ["delete someone else's note", { kind: 'deleteNote', authorId: 'p-bo' }, []],
  ["move someone else's note", { kind: 'moveNote', authorId: 'p-bo' }, ['group', 'rotate']],
  ['group', { kind: 'group' }, ['group', 'rotate']],
  ['comment', { kind: 'comment' }, ['group', 'rotate']],
  ['delete own comment', { kind: 'deleteComment', authorId: 'p-ana' }, ['post', 'group', 'rotate']],
  ["delete someone else's comment", { kind: 'deleteComment', authorId: 'p-bo' }, []],
  ['hand off', { kind: 'handOff' }, ['group', 'rotate']],
  ['vote', { kind: 'vote' }, ['vote']],
  ['export', { kind: 'export' }, []],
  [
    'undo a post',
    { kind: 'undo', effects: { deletedNotes: false, changedGroups: false } },
    ['post', 'group', 'rotate'],
  ],
  ['undo a deletion', { kind: 'undo', effects: { deletedNotes: true, changedGroups: false } }, ['post', 'rotate']],
  ['undo a grouping', { kind: 'undo', effects: { deletedNotes: false, changedGroups: true } }, ['group', 'rotate']],
  ['undo with nothing to undo', { kind: 'undo', effects: undefined }, []],
];

/** Observers who may post: they post, comment and touch their own notes, never groups, hand-offs or votes. */
const OBSERVER_POSTING: [string, Action, Phase[]][] = [
  ['post', { kind: 'post' }, ['post', 'rotate']],
  ['edit own note', { kind: 'editNote', authorId: 'p-olga' }, ['post', 'group', 'rotate']],
  ["move someone else's note", { kind: 'moveNote', authorId: 'p-ana' }, []],
  ['group', { kind: 'group' }, []],
  ['comment', { kind: 'comment' }, ['group', 'rotate']],
  ['hand off', { kind: 'handOff' }, []],
  ['vote', { kind: 'vote' }, []],
];

describe('capability', () => {
  describe.each(PARTICIPANT)('a participant: %s', (_name, action, phases) => {
    it.each([...PHASES])('in %s', (phase) => {
      const verdict = capability(ana, session(phase), action);
      expect(verdict.allowed).toBe(phases.includes(phase));
      if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(10);
    });
  });

  describe.each(OBSERVER_POSTING)('an observer allowed to post: %s', (_name, action, phases) => {
    it.each([...PHASES])('in %s', (phase) => {
      expect(capability(olga, session(phase, { observersMayPost: true }), action).allowed).toBe(phases.includes(phase));
    });
  });

  it.each([...PHASES])('a read-only observer may do nothing in %s, and is told so', (phase) => {
    for (const action of [
      { kind: 'post' },
      { kind: 'comment' },
      { kind: 'editNote', authorId: 'p-olga' },
    ] as Action[]) {
      expect(capability(olga, session(phase), action)).toEqual({
        allowed: false,
        reason: 'Observers can only read this board.',
      });
    }
  });

  it.each([...PHASES])('the facilitator may do everything but vote in %s', (phase) => {
    for (const [, action] of PARTICIPANT) {
      const expected = action.kind === 'vote' ? false : !(action.kind === 'undo' && action.effects === undefined);
      expect(capability(fran, session(phase), action).allowed).toBe(expected);
    }
  });

  it("gives the guard's reasons, in words for the person", () => {
    expect(capability(ana, session('group'), { kind: 'post' })).toEqual({
      allowed: false,
      reason: 'Posting is closed: the room is in the group phase.',
    });
    expect(capability(ana, session('post'), { kind: 'editNote', authorId: 'p-bo' })).toEqual({
      allowed: false,
      reason: 'You can only edit your own notes.',
    });
    expect(capability(ana, session('setup'), { kind: 'group' })).toEqual({
      allowed: false,
      reason: 'The session has not started yet: wait for the facilitator to open posting.',
    });
    expect(
      capability(ana, session('closed'), { kind: 'undo', effects: { deletedNotes: false, changedGroups: false } }),
    ).toEqual({ allowed: false, reason: 'The board is read-only for you now.' });
  });

  it('opens voting only until the votes are revealed, and export when the facilitator allows it', () => {
    expect(capability(ana, session('vote', { votesRevealed: true }), { kind: 'vote' }).allowed).toBe(false);
    expect(capability(ana, session('post', { participantsMayExport: true }), { kind: 'export' }).allowed).toBe(true);
    expect(capability(olga, session('post', { participantsMayExport: true }), { kind: 'export' }).allowed).toBe(true);
  });
});
