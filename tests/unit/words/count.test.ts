import { describe, expect, it } from 'vitest';
import { countOf, pluralOf } from '@shared/words/count.ts';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'note')).toBe('1 note');
    expect(countOf(0, 'note')).toBe('0 notes');
    expect(countOf(2, 'note')).toBe('2 notes');
  });

  it('knows the irregular plurals the board uses, and takes an explicit one', () => {
    expect(pluralOf('person')).toBe('people');
    expect(countOf(3, 'reply')).toBe('3 replies');
    expect(countOf(2, 'private note', 'private notes')).toBe('2 private notes');
  });
});
