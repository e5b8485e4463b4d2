// Pairs of alike notes for suggestions: within and across stations, skipping notes already grouped together.
import { describe, expect, it } from 'vitest';
import { findSimilarNotes, type ComparableNote } from '@shared/similarity/findSimilarNotes.ts';

const notes: ComparableNote[] = [
  { id: 'n1', areaId: 'a1', text: 'How is the DNSSEC key rollover rehearsed?' },
  { id: 'n2', areaId: 'a1', text: 'Is the DNSSEC key rollover ever rehearsed or tested?' },
  { id: 'n3', areaId: 'a2', text: 'How is the DNSSEC key rollover rehearsed?' },
  { id: 'n4', areaId: 'a2', text: 'Budget for outside experts' },
  { id: 'n5', areaId: 'a1', text: 'Root server security', groupId: 'g1' },
  { id: 'n6', areaId: 'a1', text: 'Security of the root servers', groupId: 'g1' },
];

describe('findSimilarNotes', () => {
  it('finds duplicates first, then same-station pairs, and never notes already grouped together', () => {
    const pairs = findSimilarNotes(notes);
    expect(pairs.map((p) => [p.a, p.b, p.kind, p.isSameStation])).toEqual([
      ['n1', 'n3', 'duplicate', false],
      ['n1', 'n2', 'similar', true],
      ['n2', 'n3', 'similar', false],
    ]);
  });

  it('is deterministic and honours the limit', () => {
    expect(findSimilarNotes(notes, { limit: 1 })).toEqual(findSimilarNotes(notes).slice(0, 1));
    expect(findSimilarNotes(notes)).toEqual(findSimilarNotes(notes));
  });

  it('suggests notes in different groups of a station', () => {
    const split = notes.map((n) => (n.id === 'n6' ? { ...n, groupId: 'g2' } : n));
    expect(findSimilarNotes(split).some((p) => p.a === 'n5' && p.b === 'n6' && p.kind === 'duplicate')).toBe(true);
  });

  it('reuses profiles passed in across calls', () => {
    const profiles = new Map();
    findSimilarNotes(notes, { profiles });
    expect(profiles.size).toBe(new Set(notes.map((n) => n.text)).size);
  });
});
