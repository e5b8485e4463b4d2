// Text limits count code points (an emoji counts once), counted in place: the same count as spreading the string.
import { describe, expect, it } from 'vitest';
import { cleanText, fitsCodePoints, textLength } from '@shared/model/validate.ts';
import { parseNote } from '@shared/model/Note.ts';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';

const note = (text: string) => ({
  id: 'n1',
  areaId: 'a1',
  text,
  authorId: 'p1',
  authorName: 'Ana',
  authorRole: 'participant',
  createdAt: 5,
});

describe('textLength', () => {
  it('counts code points as [...text].length does, lone surrogates included', () => {
    const texts = [
      '',
      'a',
      'Idea',
      '😀',
      'a😀b',
      '😀😀😀',
      '\ud83d',
      '\ude00',
      'x\ud83d',
      '\ude00\ud83d',
      '\ud83d\ud83d\ude00',
      'é and e\u0301',
      '👩‍👩‍👧',
    ];
    for (const text of texts) expect(textLength(text), JSON.stringify(text)).toBe([...text].length);
  });

  it('fitsCodePoints answers as the count does, for short and long texts', () => {
    for (const text of ['abc', '😀😀', '😀😀😀', 'a😀😀', '\ud83d\ud83d\ud83d']) {
      for (const max of [0, 1, 2, 3, 4, 5, 6]) expect(fitsCodePoints(text, max)).toBe([...text].length <= max);
    }
  });
});

describe('text limits in code points', () => {
  it(`takes a note of ${NOTE_TEXT_MAX} emoji (twice as many UTF-16 units) and refuses one more`, () => {
    expect(parseNote(note('😀'.repeat(NOTE_TEXT_MAX))).ok).toBe(true);
    expect(parseNote(note('😀'.repeat(NOTE_TEXT_MAX + 1))).ok).toBe(false);
    expect(parseNote(note('a'.repeat(NOTE_TEXT_MAX + 1))).ok).toBe(false);
    expect(parseNote(note('')).ok).toBe(false);
  });

  it('cleanText trims, then counts code points', () => {
    expect(cleanText('  😀😀 ', 2)).toBe('😀😀');
    expect(cleanText('😀😀😀', 2)).toBeUndefined();
    expect(cleanText('   ', 2)).toBeUndefined();
  });
});
