// The record schemas: derived key lists and fixed fields, lenient readings kept, and the published JSON Schema current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArea } from '@shared/model/Area.ts';
import { CommentRecord } from '@shared/model/Comment.ts';
import { DEFAULT_PLAN, parseExercise } from '@shared/model/Exercise.ts';
import { parseGroup } from '@shared/model/Group.ts';
import { DEFAULT_MIN_TEAM_SIZE, parseMeta } from '@shared/model/Meta.ts';
import { NOTE_KEYS, parseNote } from '@shared/model/Note.ts';
import { parseParticipant } from '@shared/model/Participant.ts';
import { EMPTY_SESSION, parseSession, SessionSchema } from '@shared/model/Session.ts';
import { RECORD_SPECS } from '@shared/rules/recordSpecs.ts';
import { BOARD_FORMAT_SCHEMA_FILE, boardFormatSchemaText } from '../../../scripts/schemas.ts';

const note = {
  id: 'n1',
  areaId: 'a1',
  text: 'Idea',
  authorId: 'p1',
  authorName: 'Ana',
  authorRole: 'participant',
  createdAt: 5,
};

describe('record kinds derive their key lists and fixed fields from one schema', () => {
  it("lists a note's keys in schema order, and the guard uses the same kind", () => {
    expect(NOTE_KEYS).toEqual([
      'id',
      'areaId',
      'text',
      'authorId',
      'authorName',
      'authorRole',
      'createdAt',
      'groupId',
      'x',
      'y',
      'source',
      'votes',
    ]);
    expect(RECORD_SPECS.notes.keys).toBe(NOTE_KEYS);
    expect(RECORD_SPECS.notes.immutable).toEqual(['id', 'authorId', 'authorName', 'authorRole', 'createdAt', 'source']);
  });

  it('fixes every comment field except its text', () => {
    expect(CommentRecord.immutable).toEqual(CommentRecord.keys.filter((key) => key !== 'text'));
    expect(RECORD_SPECS.areas.noun).toBe('station');
  });
});

describe('parsers keep their readings', () => {
  it('reads absent or null optional fields as absent and drops unknown keys', () => {
    expect(parseNote({ ...note, groupId: null, source: '  ', extra: 1 })).toEqual({ ok: true, value: note });
  });

  it('refuses with the first problem in words', () => {
    expect(parseNote({ ...note, areaId: '', text: '' })).toEqual({ ok: false, reason: 'note has no area' });
    expect(parseNote({ ...note, text: ' Idea ' })).toEqual({
      ok: false,
      reason: 'note text must be 1 to 280 characters, trimmed',
    });
    expect(parseGroup({ id: 'g', areaId: 'a', x: Infinity })).toEqual({
      ok: false,
      reason: 'group x is not a finite coordinate',
    });
  });

  it('fills defaults where a reader is lenient', () => {
    expect(parseGroup({ id: 'g', areaId: 'a', label: null })).toEqual({
      ok: true,
      value: { id: 'g', areaId: 'a', label: '' },
    });
    expect(parseArea({ id: 'a', exerciseId: 'e', title: ' T ', order: 'x', reference: 'r'.repeat(201) })).toEqual({
      ok: true,
      value: { id: 'a', exerciseId: 'e', title: 'T', description: '', order: 0 },
    });
    expect(parseExercise({ id: 'e', title: 'E', question: 7, plan: { postMinutes: 0 } })).toEqual({
      ok: true,
      value: { id: 'e', title: 'E', question: '', order: 0, plan: DEFAULT_PLAN },
    });
    expect(parseParticipant({ id: 'p', name: 'Ana', role: 'observer', isRemoved: false })).toEqual({
      ok: true,
      value: { id: 'p', name: 'Ana', role: 'observer', joinedAt: 0 },
    });
    expect(parseMeta({ formatVersion: 1, title: 'Board', groundRules: ['Be kind', 3] })).toEqual({
      ok: true,
      value: {
        formatVersion: 1,
        title: 'Board',
        templateId: 'custom',
        createdAt: 0,
        groundRules: ['Be kind'],
        minTeamSize: DEFAULT_MIN_TEAM_SIZE,
        noteColours: 'station',
      },
    });
  });

  it('reads the session with the keys its schema lists, and the defaults fit the schema', () => {
    expect(Object.keys(parseSession({})).sort()).toEqual(Object.keys(SessionSchema.shape).sort());
    expect(SessionSchema.safeParse(EMPTY_SESSION).success).toBe(true);
  });
});

describe('the published JSON Schema', () => {
  it('equals what `npm run schemas` generates', () => {
    expect(readFileSync(BOARD_FORMAT_SCHEMA_FILE, 'utf8'), 'run `npm run schemas` and commit the file').toBe(
      boardFormatSchemaText(),
    );
  });
});
