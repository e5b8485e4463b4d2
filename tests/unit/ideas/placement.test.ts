// Placement: no note covers another or sits inside a group it is not in, whatever was dropped where; same input, same board.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameAround } from '@shared/ideas/groupFrames.ts';
import { overlaps, type NoteGeometry, type Point, type Rect } from '@shared/ideas/geometry.ts';
import { placeNotes, type PlacementNote } from '@shared/ideas/placement.ts';

const G: NoteGeometry = { stickyWidth: 139, stickyHeight: 112, stickyGap: 14, framePadding: 6, frameHeader: 24 };
const REGIONS = new Map<string, Rect>([
  ['a1', { x: 14, y: 240, width: 292, height: 0 }],
  ['a2', { x: 358, y: 240, width: 292, height: 0 }],
]);
const SEED = 20261201;

const rect = (p: Point): Rect => ({ x: p.x, y: p.y, width: G.stickyWidth, height: G.stickyHeight });

function problems(notes: readonly PlacementNote[], positions: Map<string, Point>, isCheckingFrames = true): string[] {
  const found: string[] = [];
  const ids = [...positions.keys()];
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1))
      if (overlaps(rect(positions.get(a)!), rect(positions.get(b)!))) found.push(`${a} covers ${b}`);
  }
  if (!isCheckingFrames) return found;
  const groups = new Set(notes.flatMap((n) => (n.groupId === undefined ? [] : [n.groupId])));
  for (const groupId of groups) {
    const members = notes.filter((n) => n.groupId === groupId).map((n) => positions.get(n.id)!);
    const frame = frameAround(members, G)!;
    for (const n of notes)
      if (n.groupId !== groupId && overlaps(frame, rect(positions.get(n.id)!))) found.push(`${n.id} inside ${groupId}`);
  }
  return found;
}

const noteArb = fc.record({
  areaId: fc.constantFrom('a1', 'a2'),
  group: fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: undefined }),
  dropped: fc.option(fc.record({ x: fc.integer({ min: 0, max: 700 }), y: fc.integer({ min: 200, max: 1200 }) }), {
    nil: undefined,
  }),
});

describe('placeNotes', () => {
  it('flows new notes into the first free slots, two per row', () => {
    const notes = ['n1', 'n2', 'n3'].map((id) => ({ id, areaId: 'a1' }));
    expect([...placeNotes(REGIONS, notes, G).values()]).toEqual([
      { x: 14, y: 240 },
      { x: 167, y: 240 },
      { x: 14, y: 366 },
    ]);
  });

  it('keeps a dropped note where it was dropped when that is free, and moves a new note off it', () => {
    const notes: PlacementNote[] = [
      { id: 'new', areaId: 'a1' },
      { id: 'dropped', areaId: 'a1', x: 14, y: 240 },
    ];
    const positions = placeNotes(REGIONS, notes, G);
    expect(positions.get('dropped')).toEqual({ x: 14, y: 240 });
    expect(positions.get('new')).toEqual({ x: 167, y: 240 });
  });

  it('nudges a note dropped onto another to the nearest free place', () => {
    const notes: PlacementNote[] = [
      { id: 'first', areaId: 'a1', x: 14, y: 240 },
      { id: 'onto', areaId: 'a1', x: 30, y: 250 },
    ];
    const positions = placeNotes(REGIONS, notes, G);
    expect(positions.get('first')).toEqual({ x: 14, y: 240 });
    expect(problems(notes, positions)).toEqual([]);
    expect(positions.get('onto')!.y).toBeLessThan(400);
  });

  it('puts a note moved into a group beside that group', () => {
    const notes: PlacementNote[] = [
      { id: 'member', areaId: 'a1', groupId: 'g1', x: 14, y: 500 },
      { id: 'joiner', areaId: 'a1', groupId: 'g1' },
    ];
    expect(placeNotes(REGIONS, notes, G).get('joiner')).toEqual({ x: 167, y: 500 });
  });

  type Raw = { areaId: string; group: string | undefined; dropped: Point | undefined };
  const toNotes = (raw: Raw[], mayDropGrouped: boolean): PlacementNote[] =>
    raw.map((r, i) => ({
      id: `n${i}`,
      areaId: r.areaId,
      groupId: r.group && `${r.areaId}-${r.group}`,
      ...(r.group && !mayDropGrouped ? {} : r.dropped),
    }));

  it(`never lets a note cover another, whatever was dropped where (fast-check seed ${SEED})`, () => {
    console.log(`placement property seed ${SEED}`);
    fc.assert(
      fc.property(fc.array(noteArb, { maxLength: 24 }), (raw) => {
        const notes = toNotes(raw, true);
        const positions = placeNotes(REGIONS, notes, G);
        expect(problems(notes, positions, false)).toEqual([]);
        expect(placeNotes(REGIONS, notes, G)).toEqual(positions);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  // Grouped notes are dropped only inside their frame (a drop outside leaves the group), so they come here unplaced.
  it(`keeps every group's frame clear of other notes (fast-check seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(noteArb, { maxLength: 24 }), (raw) => {
        const notes = toNotes(raw, false);
        expect(problems(notes, placeNotes(REGIONS, notes, G))).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
