// Tidy layout of a station: no overlapping notes or frames, groups kept together, deterministic.
import { describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import { overlaps, type NoteGeometry, type Rect } from '@shared/ideas/geometry.ts';
import { frameAround } from '@shared/ideas/groupFrames.ts';
import { tidyLayout, type TidyNote } from '@shared/ideas/tidyLayout.ts';

const geometry: NoteGeometry = { stickyWidth: 139, stickyHeight: 112, stickyGap: 14, framePadding: 6, frameHeader: 24 };
const area: Rect = { x: 0, y: 240, width: 320, height: 480 };

function randomNotes(seed: number): { notes: TidyNote[]; groupIds: string[] } {
  const gen = prng.create(seed);
  const groupIds = ['g1', 'g2', 'g3'].slice(0, prng.int32(gen, 0, 3));
  const count = prng.int32(gen, 0, 14);
  const notes = Array.from({ length: count }, (_, i) => {
    const groupId = groupIds.length > 0 && prng.bool(gen) ? prng.oneOf(gen, groupIds) : undefined;
    return { id: `n${i}`, x: prng.int32(gen, 0, 300), y: prng.int32(gen, 240, 900), ...(groupId ? { groupId } : {}) };
  });
  return { notes, groupIds };
}

const noteRect = (p: { x: number; y: number }): Rect => ({
  ...p,
  width: geometry.stickyWidth,
  height: geometry.stickyHeight,
});

describe('tidyLayout', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))(
    'seed %i: no two notes overlap, no frame overlaps a non-member',
    (seed) => {
      const { notes, groupIds } = randomNotes(seed);
      const { positions, bottom } = tidyLayout({ area, groupIds, notes, geometry });
      expect(positions.size).toBe(notes.length);
      const placed = notes.map((n) => ({ ...n, ...positions.get(n.id)! }));
      for (let i = 0; i < placed.length; i += 1) {
        for (let j = i + 1; j < placed.length; j += 1) {
          expect(
            overlaps(noteRect(placed[i]!), noteRect(placed[j]!)),
            `seed ${seed}: ${placed[i]!.id} / ${placed[j]!.id}`,
          ).toBe(false);
        }
      }
      const frames = groupIds.map((id) => ({
        id,
        rect: frameAround(
          placed.filter((n) => n.groupId === id),
          geometry,
        ),
      }));
      for (const { id, rect } of frames) {
        if (!rect) continue;
        for (const note of placed)
          if (note.groupId !== id)
            expect(overlaps(rect, noteRect(note)), `seed ${seed}: frame ${id} / ${note.id}`).toBe(false);
        for (const other of frames) if (other.id !== id && other.rect) expect(overlaps(rect, other.rect)).toBe(false);
        // Frames stay inside the station's width.
        expect(rect.x).toBeGreaterThanOrEqual(area.x);
        expect(rect.x + rect.width).toBeLessThanOrEqual(area.x + area.width);
      }
      for (const note of placed) expect(note.y + geometry.stickyHeight).toBeLessThanOrEqual(bottom);
    },
  );

  it('is deterministic whatever the input order', () => {
    const { notes, groupIds } = randomNotes(7);
    const a = tidyLayout({ area, groupIds, notes, geometry });
    const b = tidyLayout({ area, groupIds: [...groupIds].reverse(), notes: [...notes].reverse(), geometry });
    expect([...b.positions.entries()].sort()).toEqual([...a.positions.entries()].sort());
    expect(b.bottom).toBe(a.bottom);
  });

  it('puts groups first, in the order of their topmost note, with room for the label', () => {
    const notes: TidyNote[] = [
      { id: 'loose', x: 0, y: 250 },
      { id: 'b1', x: 0, y: 600, groupId: 'gb' },
      { id: 'a1', x: 0, y: 700, groupId: 'ga' },
      { id: 'b2', x: 150, y: 800, groupId: 'gb' },
    ];
    const { positions } = tidyLayout({ area, groupIds: ['ga', 'gb'], notes, geometry });
    const firstRow = area.y + geometry.framePadding + geometry.frameHeader;
    expect(positions.get('b1')).toEqual({ x: 6, y: firstRow });
    expect(positions.get('b2')).toEqual({ x: 6 + 139 + 14, y: firstRow });
    expect(positions.get('a1')!.y).toBeGreaterThan(firstRow + 112);
    expect(positions.get('loose')!.y).toBeGreaterThan(positions.get('a1')!.y);
  });
});
