// What a drop means: onto a note, onto a frame, out of a frame, or a plain move. Table-driven, pure geometry.
import { describe, expect, it } from 'vitest';
import { dropIntent, type DropIntent } from '@shared/ideas/dropIntent.ts';
import { groupFrames } from '@shared/ideas/groupFrames.ts';
import { geometry } from './fixtures.ts';

const notes = [
  { id: 'a', areaId: 's1', x: 0, y: 300 },
  { id: 'b', areaId: 's1', x: 0, y: 600, groupId: 'g' },
  { id: 'c', areaId: 's1', x: 153, y: 600, groupId: 'g' },
  { id: 'd', areaId: 's1', x: 0, y: 900 },
  { id: 'e', areaId: 's2', x: 400, y: 300 },
  { id: 'solo', areaId: 's1', x: 0, y: 1200, groupId: 'h' },
];
const frames = groupFrames(['g', 'h'], notes, geometry).map((f) => ({ ...f, areaId: 's1' }));
const note = (id: string) => notes.find((n) => n.id === id)!;

const table: [string, string, { x: number; y: number }, DropIntent][] = [
  ['onto an ungrouped note', 'd', { x: 10, y: 310 }, { kind: 'joinNote', targetId: 'a', targetGroupId: undefined }],
  ['onto a grouped note', 'a', { x: 150, y: 610 }, { kind: 'joinNote', targetId: 'c', targetGroupId: 'g' }],
  ['onto the label strip of a frame', 'a', { x: 20, y: 600 - 6 - 24 - 50 }, { kind: 'joinGroup', groupId: 'g' }],
  ['onto a note of its own group', 'b', { x: 150, y: 600 }, { kind: 'move' }],
  ['within its own frame', 'b', { x: 80, y: 620 }, { kind: 'move' }],
  ['out of its frame', 'b', { x: 0, y: 1000 }, { kind: 'leaveGroup' }],
  ['to empty space', 'a', { x: 0, y: 1500 }, { kind: 'move' }],
  ['onto a note of another station', 'a', { x: 400, y: 300 }, { kind: 'move' }],
  ['the only note of a group keeps it', 'solo', { x: 0, y: 1500 }, { kind: 'move' }],
];

describe('dropIntent', () => {
  it.each(table)('%s', (_name, id, at, expected) => {
    expect(dropIntent({ note: note(id), at, notes, frames, geometry })).toEqual(expected);
  });
});
