// A record changed in several fields by one update is parsed once, as the update leaves it, with the same refusals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkChanges } from '@shared/rules/permissions.ts';
import { RECORD_SPECS } from '@shared/rules/recordSpecs.ts';
import { alice, facilitator, newNote, remove, set, unset, view } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

describe('record checks per update', () => {
  it('parses a moved note once for its two fields', () => {
    const parse = vi.spyOn(RECORD_SPECS.notes, 'parse');
    const result = checkChanges(
      [set('notes', 'n-alice', 'x', 30), set('notes', 'n-alice', 'y', 40)],
      alice,
      view('post'),
    );
    expect(result.ok).toBe(true);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]![0]).toMatchObject({ id: 'n-alice', x: 30, y: 40, text: 'idea n-alice' });
  });

  it('parses each changed record once, whatever the number of records', () => {
    const parse = vi.spyOn(RECORD_SPECS.notes, 'parse');
    const changes = [
      set('notes', 'n-alice', 'x', 1),
      set('notes', 'n-bob', 'x', 2),
      set('notes', 'n-alice', 'y', 3),
      set('notes', 'n-bob', 'y', 4),
    ];
    expect(checkChanges(changes, facilitator, view('group')).ok).toBe(true);
    expect(parse.mock.calls.map(([record]) => [record.id, record.x, record.y])).toEqual([
      ['n-alice', 1, 3],
      ['n-bob', 2, 4],
    ]);
  });

  it('refuses a field made invalid among valid ones, naming it as before', () => {
    const tooLong = 'x'.repeat(100_000);
    const result = checkChanges(
      [set('notes', 'n-alice', 'x', 5), set('notes', 'n-alice', 'text', tooLong), set('notes', 'n-alice', 'y', 6)],
      alice,
      view('post'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^That note is not valid: /);
  });

  it('names a removed field the note needs, after other valid changes to it', () => {
    const result = checkChanges(
      [set('notes', 'n-alice', 'x', 5), unset('notes', 'n-alice', 'text')],
      facilitator,
      view('group'),
    );
    expect(result).toEqual({ ok: false, reason: "The note's text cannot be removed: every note needs one." });
  });

  it('checks a note created and then changed in the same update as it ends', () => {
    const parse = vi.spyOn(RECORD_SPECS.notes, 'parse');
    const accepted = checkChanges([newNote('n1', alice), set('notes', 'n1', 'x', 7)], alice, view('post'));
    expect(accepted.ok).toBe(true);
    expect(parse.mock.calls.at(-1)![0]).toMatchObject({ id: 'n1', x: 7 });
    const refused = checkChanges([newNote('n2', alice), unset('notes', 'n2', 'areaId')], alice, view('post'));
    expect(refused).toEqual({ ok: false, reason: "The note's station cannot be removed: every note needs one." });
  });

  it('does not parse a note the same update deletes (it is gone once the update applies)', () => {
    const parse = vi.spyOn(RECORD_SPECS.notes, 'parse');
    const result = checkChanges([set('notes', 'n-alice', 'x', 5), remove('notes', 'n-alice')], alice, view('post'));
    expect(result.ok).toBe(true);
    expect(parse).not.toHaveBeenCalled();
  });
});
