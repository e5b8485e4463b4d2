// The room's hooks run in the order the app lists them: the first refusal wins, commits run one after the other.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '@shared/rules/Change.ts';
import { RoomHooks } from '../../../server/src/hooks/RoomHooks.ts';
import type { Commit, Refusal, RoomHook, UpdateAttempt } from '../../../server/src/hooks/RoomHook.ts';
import { boardSizeLimit } from '../../../server/src/hooks/boardSizeLimit.ts';
import { compactWhenLong } from '../../../server/src/hooks/compaction.ts';
import { guardCheck } from '../../../server/src/hooks/guardCheck.ts';
import { stampPresence } from '../../../server/src/hooks/presenceStamp.ts';
import { silentLogger } from '../../../server/src/log.ts';
import { CLOSE } from '../../../server/src/rooms/Peer.ts';

const actor: Actor = { participantId: 'p1', name: 'Ana', role: 'participant' };

function attempt(overrides: Partial<UpdateAttempt> = {}): UpdateAttempt {
  return { boardId: 'b1', doc: new Y.Doc(), update: new Uint8Array(10), actor, storedBytes: 0, ...overrides };
}

function commit(overrides: Partial<Commit> = {}): Commit {
  return {
    boardId: 'b1',
    updates: [],
    logLength: 1,
    lastSeq: 1,
    seconds: 0,
    requestCompaction: () => undefined,
    ...overrides,
  };
}

/** A hook that records each call in `calls` and refuses when told to. */
function recorder(name: string, calls: string[], refuse = false): RoomHook {
  return {
    name,
    beforeUpdate: () => {
      calls.push(`${name}.beforeUpdate`);
      return refuse ? { code: 4403, reason: `${name} said no`, label: name } : undefined;
    },
    onJudged: (_attempt, refusal) => void calls.push(`${name}.onJudged:${refusal?.label ?? 'accepted'}`),
    onCommit: async () => {
      calls.push(`${name}.onCommit:start`);
      await new Promise((resolve) => setImmediate(resolve));
      calls.push(`${name}.onCommit:end`);
    },
    afterLoad: ({ boardId }) => void calls.push(`${name}.afterLoad:${boardId}`),
  };
}

describe('RoomHooks', () => {
  it('runs before-update hooks in list order, then tells every hook the verdict', () => {
    const calls: string[] = [];
    const hooks = new RoomHooks([recorder('a', calls), recorder('b', calls), recorder('c', calls)]);
    expect(hooks.judge(attempt())).toBeUndefined();
    expect(calls).toEqual([
      'a.beforeUpdate',
      'b.beforeUpdate',
      'c.beforeUpdate',
      'a.onJudged:accepted',
      'b.onJudged:accepted',
      'c.onJudged:accepted',
    ]);
  });

  it('stops at the first refusal, and the hooks after it never judge', () => {
    const calls: string[] = [];
    const hooks = new RoomHooks([recorder('a', calls), recorder('b', calls, true), recorder('c', calls, true)]);
    expect(hooks.judge(attempt())?.label).toBe('b');
    expect(calls).toEqual(['a.beforeUpdate', 'b.beforeUpdate', 'a.onJudged:b', 'b.onJudged:b', 'c.onJudged:b']);
  });

  it('runs commit hooks one after the other, each finishing before the next starts', async () => {
    const calls: string[] = [];
    await new RoomHooks([recorder('a', calls), recorder('b', calls)]).committed(commit());
    expect(calls).toEqual(['a.onCommit:start', 'a.onCommit:end', 'b.onCommit:start', 'b.onCommit:end']);
  });

  it('rejects when a commit hook throws, and skips the hooks after it', async () => {
    const calls: string[] = [];
    const failing: RoomHook = {
      name: 'failing',
      onCommit: () => {
        throw new Error('disk full');
      },
    };
    await expect(new RoomHooks([failing, recorder('b', calls)]).committed(commit())).rejects.toThrow('disk full');
    expect(calls).toEqual([]);
  });

  it('keeps loading the board when an after-load hook throws', () => {
    const calls: string[] = [];
    const failing: RoomHook = {
      name: 'failing',
      afterLoad: () => {
        throw new Error('boom');
      },
    };
    expect(() => new RoomHooks([failing, recorder('b', calls)]).loaded('b7')).not.toThrow();
    expect(calls).toEqual(['b.afterLoad:b7']);
  });

  it('passes presence through the awareness hooks in order, each seeing the last one’s result', () => {
    const tag =
      (label: string): RoomHook['onAwareness'] =>
      ({ entries }) =>
        entries.map((entry) => ({
          ...entry,
          state: { ...entry.state, seen: `${String(entry.state?.seen ?? '')}${label}` },
        }));
    const hooks = new RoomHooks([
      { name: 'x', onAwareness: tag('x') },
      { name: 'y', onAwareness: tag('y') },
    ]);
    const [entry] = hooks.awareness({ boardId: 'b1', actor, entries: [{ clientId: 1, clock: 0, state: {} }] });
    expect(entry?.state).toEqual({ seen: 'xy' });
  });
});

describe('the core hooks', () => {
  it('refuses an update that would pass the board size limit, and only then', () => {
    const limit = boardSizeLimit(100);
    expect(limit.beforeUpdate!(attempt({ storedBytes: 90, update: new Uint8Array(10) }))).toBeUndefined();
    const refusal = limit.beforeUpdate!(attempt({ storedBytes: 91, update: new Uint8Array(10) }));
    expect(refusal).toMatchObject({ code: CLOSE.tooLarge, label: 'board_full' });
  });

  it('turns a guard refusal into 4403 with its reason, and a guard that throws into a refusal', () => {
    const refusing = guardCheck(() => ({ ok: false, reason: 'Not in this phase.' }), silentLogger);
    expect(refusing.beforeUpdate!(attempt())).toEqual<Refusal>({
      code: CLOSE.forbidden,
      reason: 'Not in this phase.',
      label: 'guard',
    });
    const throwing = guardCheck(() => {
      throw new Error('bad bytes');
    }, silentLogger);
    expect(throwing.beforeUpdate!(attempt())).toMatchObject({
      code: CLOSE.forbidden,
      reason: 'The change could not be read.',
    });
    expect(guardCheck(() => ({ ok: true, value: undefined }), silentLogger).beforeUpdate!(attempt())).toBeUndefined();
  });

  it('compacts once the log holds COMPACT_EVERY entries', async () => {
    let compactions = 0;
    const requestCompaction = () => void compactions++;
    const hook = compactWhenLong(3);
    await hook.onCommit!(commit({ logLength: 2, requestCompaction }));
    expect(compactions).toBe(0);
    await hook.onCommit!(commit({ logLength: 3, requestCompaction }));
    expect(compactions).toBe(1);
  });

  it('stamps the token’s identity over whatever the presence state claims', () => {
    const [entry] = stampPresence().onAwareness!({
      boardId: 'b1',
      actor,
      entries: [{ clientId: 1, clock: 0, state: { cursor: { x: 1 }, user: { name: 'Mallory', role: 'facilitator' } } }],
    });
    expect(entry?.state).toEqual({ cursor: { x: 1 }, user: { participantId: 'p1', name: 'Ana', role: 'participant' } });
  });
});
