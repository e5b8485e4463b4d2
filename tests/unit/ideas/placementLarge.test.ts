// Placement of a large station: past 400 rows every note still gets a slot of its own (they used to pile up on one).
import { describe, expect, it } from 'vitest';
import { overlaps, type NoteGeometry, type Rect } from '@shared/ideas/geometry.ts';
import { placeNotes, type PlacementNote } from '@shared/ideas/placement.ts';

const G: NoteGeometry = { stickyWidth: 139, stickyHeight: 112, stickyGap: 14, framePadding: 6, frameHeader: 24 };
const REGIONS = new Map<string, Rect>([['a1', { x: 14, y: 240, width: 292, height: 0 }]]);

describe('placeNotes on a large station', () => {
  it('gives each of 1,500 notes (some grouped, some dropped) a place that covers no other note', () => {
    const notes: PlacementNote[] = Array.from({ length: 1500 }, (_, i) => ({
      id: `n${i}`,
      areaId: 'a1',
      ...(i % 9 === 0 ? { groupId: `g${i % 4}` } : {}),
      ...(i % 13 === 0 ? { x: 14 + (i % 2) * 153, y: 240 + (i % 60) * 126 } : {}),
    }));
    const positions = placeNotes(REGIONS, notes, G);
    expect(positions.size).toBe(1500);
    const rects = [...positions.values()].map((p) => ({ ...p, width: G.stickyWidth, height: G.stickyHeight }));
    const covered = rects.filter((a, i) => rects.some((b, j) => i !== j && overlaps(a, b)));
    expect(covered).toEqual([]);
  });

  it('fills an ungrouped station row by row, two notes a row, with no limit on its length', () => {
    const notes: PlacementNote[] = Array.from({ length: 1000 }, (_, i) => ({ id: `n${i}`, areaId: 'a1' }));
    const positions = placeNotes(REGIONS, notes, G);
    expect(positions.get('n999')).toEqual({ x: 14 + 153, y: 240 + 499 * 126 });
  });

  it('places 3,000 notes over five stations in 50 groups (some dropped) with no note covering another, the same way twice', () => {
    const regions = new Map<string, Rect>(
      Array.from({ length: 5 }, (_, i) => [`a${i}`, { x: 14 + i * 1000, y: 240, width: 900, height: 0 }]),
    );
    const notes: PlacementNote[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `n${i}`,
      areaId: `a${i % 5}`,
      ...(i % 3 === 0 ? { groupId: `g${(i * 7) % 50}` } : {}),
      ...(i % 17 === 0 ? { x: 14 + (i % 5) * 1000 + (i % 4) * 153, y: 240 + (i % 80) * 126 } : {}),
    }));
    const positions = placeNotes(regions, notes, G);
    expect(positions.size).toBe(3000);
    const rects = [...positions.entries()].map(([id, p]) => ({
      id,
      ...p,
      width: G.stickyWidth,
      height: G.stickyHeight,
    }));
    // Sort by x then sweep, so the check stays quadratic only within a column of overlapping candidates.
    rects.sort((a, b) => a.x - b.x);
    const covered: string[] = [];
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length && rects[j]!.x < rects[i]!.x + G.stickyWidth; j++) {
        if (overlaps(rects[i]!, rects[j]!)) covered.push(`${rects[i]!.id}/${rects[j]!.id}`);
      }
    }
    expect(covered).toEqual([]);
    expect([...placeNotes(regions, notes, G)]).toEqual([...positions]);
  });
});
