// Convergence of grouping: three docs behind a seeded network with random delivery order, delays and disconnects.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { boardMaps, recordToObject } from '@shared/doc/boardDoc.ts';
import { createGroup, deleteGroup, moveNote, renameGroup, setNoteGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { applyDrop } from '@shared/ideas/applyDrop.ts';
import { groupNotes } from '@shared/ideas/groupNotes.ts';
import { mergeGroups } from '@shared/ideas/mergeGroups.ts';
import { boardWithNotes, STATION_1 } from './fixtures.ts';

const NET = 'remote';

/** Peers exchanging updates through per-recipient queues; delivery picks a random message of a random queue. */
class SeededNetwork {
  readonly docs: Y.Doc[];
  private readonly queues: Uint8Array[][];
  private readonly online: boolean[];

  constructor(
    private readonly gen: prng.PRNG,
    count: number,
  ) {
    const base = Y.encodeStateAsUpdate(boardWithNotes(1000));
    this.docs = Array.from({ length: count }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      Y.applyUpdate(doc, base, NET);
      return doc;
    });
    this.queues = this.docs.map(() => []);
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NET || !this.online[from]) return;
        this.docs.forEach((_, to) => {
          if (to !== from && this.online[to]) this.queues[to]!.push(update);
        });
      });
    });
  }

  /** Delivers one queued message, chosen at random (so out of order), to a random peer; false when all are empty. */
  deliverOne(): boolean {
    const waiting = this.queues.map((q, i) => (q.length > 0 ? i : -1)).filter((i) => i >= 0);
    if (waiting.length === 0) return false;
    const to = prng.oneOf(this.gen, waiting);
    const queue = this.queues[to]!;
    const [update] = queue.splice(prng.int32(this.gen, 0, queue.length - 1), 1);
    Y.applyUpdate(this.docs[to]!, update!, NET);
    return true;
  }

  disconnect(peer: number): void {
    this.online[peer] = false;
    this.queues[peer] = [];
  }

  /** Back online: exchanges what each side misses with every online peer (as y-websocket's sync step does). */
  reconnect(peer: number): void {
    if (this.online[peer]) return;
    this.online[peer] = true;
    const doc = this.docs[peer]!;
    this.docs.forEach((other, i) => {
      if (i === peer || !this.online[i]) return;
      this.queues[peer]!.push(Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
      this.queues[i]!.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    });
  }

  settle(): void {
    this.docs.forEach((_, i) => this.reconnect(i));
    while (this.deliverOne());
  }
}

type Action = (doc: Y.Doc, gen: prng.PRNG) => void;

const NOTES = ['n1', 'n2', 'n3', 'n4'];
const groupIds = (doc: Y.Doc) => [...boardMaps(doc).groups.keys()].sort();
const pickGroup = (doc: Y.Doc, gen: prng.PRNG) => {
  const ids = groupIds(doc);
  return ids.length > 0 ? prng.oneOf(gen, ids) : undefined;
};

const ACTIONS: Action[] = [
  (doc, gen) =>
    void groupNotes(
      doc,
      [prng.oneOf(gen, NOTES), prng.oneOf(gen, NOTES)].filter((v, i, a) => a.indexOf(v) === i),
    ),
  (doc, gen) => void createGroup(doc, { areaId: STATION_1, noteIds: ['n1', 'n2'], label: prng.word(gen, 1, 8) }),
  (doc, gen) => {
    const id = pickGroup(doc, gen);
    if (id) renameGroup(doc, id, prng.word(gen, 0, 12));
  },
  (doc, gen) => {
    const from = pickGroup(doc, gen);
    const into = pickGroup(doc, gen);
    if (from && into) mergeGroups(doc, from, into);
  },
  (doc, gen) => void setNoteGroup(doc, prng.oneOf(gen, NOTES), prng.bool(gen) ? (pickGroup(doc, gen) ?? null) : null),
  (doc, gen) => {
    const id = pickGroup(doc, gen);
    if (id && prng.int32(gen, 0, 3) === 0) deleteGroup(doc, id);
  },
  (doc, gen) => {
    const target = prng.oneOf(gen, NOTES);
    const note = prng.oneOf(gen, NOTES);
    if (note === target) return;
    const targetGroup = boardMaps(doc).notes.get(target)?.get('groupId');
    applyDrop(doc, {
      noteId: note,
      to: { x: prng.int32(gen, 0, 300), y: prng.int32(gen, 240, 700), areaId: STATION_1 },
      intent: {
        kind: 'joinNote',
        targetId: target,
        targetGroupId: typeof targetGroup === 'string' ? targetGroup : undefined,
      },
    });
  },
  (doc, gen) =>
    void moveNote(doc, prng.oneOf(gen, NOTES), { x: prng.int32(gen, 0, 300), y: prng.int32(gen, 240, 700) }),
];

function snapshot(doc: Y.Doc) {
  const { notes, groups, skipped } = readBoard(doc);
  return { notes, groups, skipped };
}

/** Every note's stored groupId (not the reader's repaired one) names a group of its station. */
function danglingGroupIds(doc: Y.Doc): string[] {
  const maps = boardMaps(doc);
  const dangling: string[] = [];
  maps.notes.forEach((note, id) => {
    const groupId = recordToObject(note).groupId;
    if (groupId === undefined) return;
    const group = typeof groupId === 'string' ? maps.groups.get(groupId) : undefined;
    if (!group || group.get('areaId') !== note.get('areaId')) dangling.push(id);
  });
  return dangling;
}

function withSeed(seed: number, run: () => void): void {
  try {
    run();
  } catch (error) {
    // Print the seed so the failing run can be replayed exactly.
    console.error(`convergence failed with seed ${seed}`);
    throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
  }
}

function expectConverged(net: SeededNetwork): void {
  const [first, ...rest] = net.docs.map(snapshot);
  expect(first!.skipped).toEqual([]);
  for (const other of rest) expect(other).toEqual(first);
  const groups = new Set(first!.groups.map((g) => g.id));
  for (const note of first!.notes) if (note.groupId !== undefined) expect(groups.has(note.groupId)).toBe(true);
}

describe('grouping converges', () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'two clients racing to group the same notes and relabel (seed %i)',
    (seed) => {
      withSeed(seed, () => {
        const gen = prng.create(seed);
        const net = new SeededNetwork(gen, 3);
        const [a, b, c] = net.docs as [Y.Doc, Y.Doc, Y.Doc];
        if (prng.bool(gen)) net.disconnect(1);
        const ga = createGroup(a, { areaId: STATION_1, noteIds: ['n1', 'n2'] });
        const gb = createGroup(b, { areaId: STATION_1, noteIds: ['n1', 'n2', 'n3'] });
        if (!ga.ok || !gb.ok) throw new Error('setup');
        for (let i = 0; i < 6; i += 1) {
          for (let k = prng.int32(gen, 0, 4); k > 0; k -= 1) net.deliverOne();
          const doc = prng.oneOf(gen, [a, b, c]);
          renameGroup(doc, prng.bool(gen) ? ga.value.id : gb.value.id, `label ${seed}-${i}`);
          if (prng.int32(gen, 0, 3) === 0) net.reconnect(1);
        }
        net.settle();
        expectConverged(net);
        // Without deletions, the stored records are valid too, not only their repaired reading.
        for (const doc of net.docs) expect(danglingGroupIds(doc)).toEqual([]);
        expect(
          snapshot(a)
            .notes.filter((n) => n.groupId !== undefined)
            .map((n) => n.id),
        ).toEqual(expect.arrayContaining(['n1', 'n2']));
      });
    },
  );

  it.each(Array.from({ length: 60 }, (_, i) => i + 100))(
    'random grouping, merging and deleting by three clients (seed %i)',
    (seed) => {
      withSeed(seed, () => {
        const gen = prng.create(seed);
        const net = new SeededNetwork(gen, 3);
        for (let step = 0; step < 40; step += 1) {
          const peer = prng.int32(gen, 0, 2);
          prng.oneOf(gen, ACTIONS)(net.docs[peer]!, gen);
          for (let k = prng.int32(gen, 0, 3); k > 0; k -= 1) net.deliverOne();
          const roll = prng.int32(gen, 0, 9);
          if (roll === 0) net.disconnect(prng.int32(gen, 0, 2));
          else if (roll === 1) net.reconnect(prng.int32(gen, 0, 2));
        }
        net.settle();
        expectConverged(net);
      });
    },
  );
});
