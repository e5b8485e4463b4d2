// The hand-checked note path answers exactly what the schema answers, or leaves the record to the schema.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOTE_KEYS, NoteRecord, parseNote } from '@shared/model/Note.ts';
import { quickNote as quickNoteOf } from '@shared/model/quickNote.ts';

const quickNote = (raw: Record<string, unknown>) => quickNoteOf(raw, new Set(NOTE_KEYS));

const plain = {
  id: 'V1StGXR8_Z5jdHi6B-myT',
  areaId: 'area-1',
  text: 'Who audits the root zone change process?',
  authorId: 'p-9',
  authorName: 'Ana',
  authorRole: 'participant',
  createdAt: 1_489_570_000_000,
};

/** Values of every kind a hostile or damaged record may hold, valid ones among them. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', ' ', 'a b', ' lead', 'trail ', '\u00a0x', '\u2028', '🦊', '\ud800', 'area-1'),
  fc.constantFrom(0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, 1_000_000, 1_000_001, -1e6),
  fc.constantFrom('facilitator', 'participant', 'observer', 'Participant', 'p-9', 'g1'),
  fc.string({ maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.constant(['x']),
);

/** A note's field, replaced, removed, or left as it was; now and then a key the schema does not know. */
const damagedNote = fc
  .record({
    changes: fc.dictionary(
      fc.constantFrom(...NoteRecord.keys, 'extra', 'constructor'),
      fc.oneof(anyValue, fc.constant('(absent)')),
      { maxKeys: 4 },
    ),
    optional: fc.record(
      {
        groupId: fc.oneof(fc.constant(null), fc.constant('g1')),
        x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        y: fc.integer({ min: -1e6, max: 1e6 }),
        source: fc.constantFrom('', 'Public consultation, 12 March 2017'),
        votes: fc.nat(),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ changes, optional }) => {
    const raw: Record<string, unknown> = { ...plain, ...optional };
    for (const [key, value] of Object.entries(changes)) {
      if (value === '(absent)') delete raw[key];
      else raw[key] = value;
    }
    return raw;
  });

describe('quickNote', () => {
  it('answers what the schema answers, keys in the same order, whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(damagedNote, (raw) => {
        const quick = quickNote(raw);
        const schema = NoteRecord.parse(raw);
        if (quick === undefined) return;
        answered++;
        expect(schema).toEqual({ ok: true, value: quick });
        if (schema.ok) expect(Object.keys(quick)).toEqual(Object.keys(schema.value));
      }),
      { numRuns: 5_000 },
    );
    // The property says something only if the hand path takes a fair share of the records.
    expect(answered).toBeGreaterThan(500);
  });

  it('takes the plain notes a board is made of, with their optional fields', () => {
    expect(quickNote(plain)).toEqual(plain);
    const placed = { ...plain, groupId: 'g1', x: -12.5, y: 40, source: 'Public consultation', votes: 3 };
    expect(quickNote(placed)).toEqual(placed);
    // An ungrouped note may hold a null group and an empty source: neither reads as a field.
    expect(quickNote({ ...plain, groupId: null, source: '' })).toEqual(plain);
  });

  it('leaves to the schema what needs trimming, what is refused, and keys it does not know', () => {
    expect(quickNote({ ...plain, authorName: ' Ana ' })).toBeUndefined();
    expect(quickNote({ ...plain, text: '' })).toBeUndefined();
    expect(quickNote({ ...plain, x: Infinity })).toBeUndefined();
    expect(quickNote({ ...plain, colour: 'red' })).toBeUndefined();
    for (const notARecord of [null, undefined, 'note', 7, [plain]])
      expect(quickNote(notARecord as unknown as Record<string, unknown>)).toBeUndefined();
    // parseNote still answers all of them, in the schema's words.
    expect(parseNote({ ...plain, authorName: ' Ana ' })).toEqual({ ok: true, value: plain });
    expect(parseNote({ ...plain, text: '' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('note text'),
    });
    expect(parseNote({ ...plain, colour: 'red' })).toEqual({ ok: true, value: plain });
  });
});
