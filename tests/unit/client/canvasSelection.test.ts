// The canvas's multi-selection: which notes a lasso box takes, and moving or grouping the selection in one change.
import { describe, expect, it } from 'vitest';
import { readBoard } from '@shared/doc/readBoard.ts';
import { createLocalUndo } from '@shared/ideas/localUndo.ts';
import { layoutBoard, GEOMETRY } from '../../../client/src/canvas/layout.ts';
import { placeAfter, type NotePlacer } from '../../../client/src/canvas/notePlacer.ts';
import { groupSelection, moveSelection } from '../../../client/src/canvas/selectionActions.ts';
import { notesInBox } from '../../../client/src/canvas/useLasso.ts';
import { boardWithNotes, STATION_1, STATION_2 } from '../ideas/fixtures.ts';

const AT = 1_700_000_000_000;

function setUp() {
  const doc = boardWithNotes();
  const board = readBoard(doc);
  const areas = board.areas.filter((a) => a.exerciseId === board.areas.find((x) => x.id === STATION_1)!.exerciseId);
  const layout = layoutBoard(areas, board.notes);
  const placer: NotePlacer = (...changes) => placeAfter(areas, readBoard(doc).notes, ...changes);
  return { doc, areas, layout, placer };
}

describe('notesInBox', () => {
  it('takes the notes a box touches, whichever corner it was drawn from', () => {
    const { layout } = setUp();
    const n1 = layout.notes.find((p) => p.note.id === 'n1')!;
    const n2 = layout.notes.find((p) => p.note.id === 'n2')!;
    const box = { x: n1.x + 10, y: n1.y + 10, width: n2.x - n1.x, height: 5 };
    expect(notesInBox(layout.notes, box).sort()).toEqual(['n1', 'n2']);
    const backwards = { x: box.x + box.width, y: box.y + box.height, width: -box.width, height: -box.height };
    expect(notesInBox(layout.notes, backwards).sort()).toEqual(['n1', 'n2']);
    expect(notesInBox(layout.notes, { x: -500, y: -500, width: 10, height: 10 })).toEqual([]);
  });
});

describe('moveSelection', () => {
  it('moves every selected note by the same amount, kept inside its station', () => {
    const { doc, layout } = setUp();
    const before = new Map(layout.notes.map((p) => [p.note.id, p]));
    expect(moveSelection(doc, layout, new Set(['n1', 'n3']), { dx: 0, dy: 200 }, () => true).ok).toBe(true);
    const notes = new Map(readBoard(doc).notes.map((n) => [n.id, n]));
    expect(notes.get('n1')!.y).toBe(before.get('n1')!.y + 200);
    expect(notes.get('n3')!.y).toBe(before.get('n3')!.y + 200);
    expect(notes.get('n2')!.y).toBe(before.get('n2')!.y);
    // Far to the left: each note stops at its station's edge rather than leaving it.
    moveSelection(doc, layout, new Set(['n5']), { dx: -5000, dy: 0 }, () => true);
    const station2 = layout.stations.find((s) => s.area.id === STATION_2)!;
    expect(readBoard(doc).notes.find((n) => n.id === 'n5')!.x).toBe(station2.x);
  });

  it('moves only the notes this person may move, and refuses when there is none', () => {
    const { doc, layout } = setUp();
    const result = moveSelection(doc, layout, new Set(['n2']), { dx: 10, dy: 10 }, (n) => n.authorId === 'p-ana');
    expect(result.ok).toBe(false);
  });
});

describe('groupSelection', () => {
  it('groups the selected notes of one station in one change, which one undo step takes back', () => {
    const { doc, layout, placer } = setUp();
    // No capture window: only a single transaction makes a single step.
    const undo = createLocalUndo(doc, 0);
    const result = groupSelection(doc, layout, new Set(['n1', 'n2', 'n4']), undefined, placer, AT);
    expect(result.ok).toBe(true);
    const board = readBoard(doc);
    expect(board.groups).toHaveLength(1);
    expect(board.notes.filter((n) => n.groupId === board.groups[0]!.id).map((n) => n.id)).toEqual(['n1', 'n2', 'n4']);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readBoard(doc).groups).toEqual([]);
    expect(readBoard(doc).notes.every((n) => n.groupId === undefined)).toBe(true);
  });

  it('adds the selection to an existing group, and gives each note its own free place', () => {
    const { doc, layout, placer } = setUp();
    const first = groupSelection(doc, layout, new Set(['n1', 'n2']), undefined, placer, AT);
    if (!first.ok) throw new Error(first.reason);
    const next = layoutBoard(setUp().areas, readBoard(doc).notes);
    expect(groupSelection(doc, next, new Set(['n3', 'n4']), first.value, placer, AT).ok).toBe(true);
    const board = readBoard(doc);
    expect(board.notes.filter((n) => n.groupId === first.value)).toHaveLength(4);
    const placed = layoutBoard(setUp().areas, board.notes).notes.filter((p) => p.note.areaId === STATION_1);
    for (const a of placed)
      for (const b of placed)
        if (a !== b)
          expect(
            a.x < b.x + GEOMETRY.stickyWidth &&
              b.x < a.x + GEOMETRY.stickyWidth &&
              a.y < b.y + GEOMETRY.stickyHeight &&
              b.y < a.y + GEOMETRY.stickyHeight,
          ).toBe(false);
  });

  it('refuses notes of two stations, and a single note with nothing to join', () => {
    const { doc, layout, placer } = setUp();
    const mixed = groupSelection(doc, layout, new Set(['n1', 'n5']), undefined, placer, AT);
    expect(mixed).toEqual({ ok: false, reason: expect.stringMatching(/same station/) });
    const single = groupSelection(doc, layout, new Set(['n1']), undefined, placer, AT);
    expect(single).toEqual({ ok: false, reason: expect.stringMatching(/at least two/) });
    expect(readBoard(doc).groups).toEqual([]);
  });
});
