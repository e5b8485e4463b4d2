// Note fills: by station (its place in the exercise) or by author (stable per person), the same on every screen.
import { describe, expect, it } from 'vitest';
import type { Note } from '@shared/model/Note.ts';
import { NOTE_FILLS, noteFill } from '../../../client/src/canvas/noteColours.ts';
import { noteName } from '../../../client/src/list/noteName.ts';

const note = (id: string, areaId: string, authorId: string): Note => ({
  id,
  areaId,
  authorId,
  authorName: authorId,
  authorRole: 'participant',
  text: `idea ${id}`,
  createdAt: 1,
});
const stations = new Map([
  ['s1', 0],
  ['s2', 1],
]);

describe('noteFill', () => {
  it('colours by station: notes of one station share a colour, neighbouring stations differ', () => {
    expect(noteFill(note('a', 's1', 'ana'), 'station', stations)).toBe(NOTE_FILLS[0]);
    expect(noteFill(note('b', 's1', 'bo'), 'station', stations)).toBe(NOTE_FILLS[0]);
    expect(noteFill(note('c', 's2', 'ana'), 'station', stations)).toBe(NOTE_FILLS[1]);
  });

  it("colours by author: one person's notes share a colour wherever they are, from the id alone", () => {
    const fills = ['p-ana', 'p-bo', 'p-chen', 'p-dara'].map((id) => noteFill(note('x', 's1', id), 'author', stations));
    expect(noteFill(note('y', 's2', 'p-ana'), 'author', stations)).toBe(fills[0]);
    expect(new Set(fills).size).toBeGreaterThan(1);
    for (const fill of fills) expect(NOTE_FILLS).toContain(fill);
  });
});

describe('noteName', () => {
  it('quotes the start of the text on one line, shortened', () => {
    expect(noteName({ text: 'Root  zone\nKSK rollover' })).toBe('note: Root zone KSK rollover');
    const long = 'How is L-root operated across its many anycast instances, and who decides?';
    expect(noteName({ text: long })).toBe(`note: ${long.slice(0, 39)}…`);
  });
});
