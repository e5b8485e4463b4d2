// Writes to a board's Y.Doc: each operation validates its input and runs in one transaction with an origin.
import * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { FORMAT_VERSION } from '../model/Meta.ts';
import { parseNote, type Note } from '../model/Note.ts';
import { parseGroup, type Group } from '../model/Group.ts';
import type { Role } from '../model/Role.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { cleanCoord, cleanText, cleanTime } from '../model/validate.ts';
import { GROUP_LABEL_MAX, NOTE_TEXT_MAX, TITLE_MAX } from '../model/limits.ts';
import type { Template } from '../templates/Template.ts';
import { boardMaps, toRecordMap, type Origin } from './boardDoc.ts';

export interface CreateBoardInput {
  title: string;
  createdAt: number;
}

/** Fills an empty doc from a template: meta, exercises and their areas. The session starts in setup. */
export function createBoard(doc: Y.Doc, template: Template, input: CreateBoardInput): Result<void> {
  const title = cleanText(input.title, TITLE_MAX);
  if (title === undefined) return fail(`title must be 1 to ${TITLE_MAX} characters`);
  const maps = boardMaps(doc);
  doc.transact(() => {
    maps.meta.set('formatVersion', FORMAT_VERSION);
    maps.meta.set('title', title);
    maps.meta.set('templateId', template.id);
    maps.meta.set('createdAt', input.createdAt);
    maps.meta.set('groundRules', [...template.groundRules]);
    maps.meta.set('minTeamSize', template.minTeamSize);
    template.exercises.forEach((exercise, exerciseIndex) => {
      maps.exercises.set(
        exercise.id,
        toRecordMap({
          id: exercise.id,
          title: exercise.title,
          question: exercise.question,
          order: exerciseIndex,
          plan: { ...exercise.plan },
        }),
      );
      exercise.areas.forEach((area, areaIndex) => {
        maps.areas.set(
          area.id,
          toRecordMap({
            id: area.id,
            exerciseId: exercise.id,
            title: area.title,
            description: area.description,
            order: areaIndex,
            reference: area.reference,
          }),
        );
      });
    });
    maps.session.set('phase', 'setup');
    maps.session.set('exerciseId', template.exercises[0]?.id ?? null);
  }, 'template' satisfies Origin);
  return ok(undefined);
}

export interface Author {
  id: string;
  name: string;
  role: Role;
}

export interface AddNoteInput {
  areaId: string;
  text: string;
  author: Author;
  createdAt: number;
  id?: string;
  x?: number;
  y?: number;
  source?: string;
}

/** Posts a note; the text is trimmed and must be one idea of 1..280 characters. */
export function addNote(doc: Y.Doc, input: AddNoteInput, origin: Origin = 'local'): Result<Note> {
  const maps = boardMaps(doc);
  if (!maps.areas.has(input.areaId)) return fail('that station does not exist on this board');
  const candidate = {
    id: input.id ?? nanoid(),
    areaId: input.areaId,
    text: typeof input.text === 'string' ? input.text.trim() : input.text,
    authorId: input.author.id,
    authorName: input.author.name,
    authorRole: input.author.role,
    createdAt: input.createdAt,
    x: input.x,
    y: input.y,
    source: input.source,
  };
  const parsed = parseNote(candidate);
  if (!parsed.ok) return parsed;
  if (maps.notes.has(parsed.value.id)) return fail('a note with that id exists already');
  doc.transact(() => maps.notes.set(parsed.value.id, toRecordMap({ ...parsed.value })), origin);
  return parsed;
}

/** Changes a note's text (its author's right; the server checks who). */
export function editNote(doc: Y.Doc, noteId: string, text: string, origin: Origin = 'local'): Result<void> {
  const note = boardMaps(doc).notes.get(noteId);
  if (!note) return fail('that note no longer exists');
  const clean = cleanText(text, NOTE_TEXT_MAX);
  if (clean === undefined) return fail(`a note must be 1 to ${NOTE_TEXT_MAX} characters`);
  if (note.get('text') !== clean) doc.transact(() => note.set('text', clean), origin);
  return ok(undefined);
}

/** Moves a note: a new position and, optionally, a new area. Written once, on drop. */
export function moveNote(
  doc: Y.Doc,
  noteId: string,
  to: { x: number; y: number; areaId?: string },
  origin: Origin = 'local',
): Result<void> {
  const maps = boardMaps(doc);
  const note = maps.notes.get(noteId);
  if (!note) return fail('that note no longer exists');
  const x = cleanCoord(to.x);
  const y = cleanCoord(to.y);
  if (x === undefined || y === undefined) return fail('that position is off the board');
  if (to.areaId !== undefined && !maps.areas.has(to.areaId)) return fail('that station does not exist');
  doc.transact(() => {
    note.set('x', Math.round(x));
    note.set('y', Math.round(y));
    if (to.areaId !== undefined && note.get('areaId') !== to.areaId) {
      note.set('areaId', to.areaId);
      // A group belongs to one area: leaving the area leaves the group.
      if (note.has('groupId')) note.delete('groupId');
    }
  }, origin);
  return ok(undefined);
}

export function deleteNote(doc: Y.Doc, noteId: string, origin: Origin = 'local'): Result<void> {
  const notes = boardMaps(doc).notes;
  if (!notes.has(noteId)) return fail('that note no longer exists');
  doc.transact(() => notes.delete(noteId), origin);
  return ok(undefined);
}

export interface CreateGroupInput {
  areaId: string;
  label?: string;
  noteIds: string[];
  id?: string;
  x?: number;
  y?: number;
  /** Epoch ms; stored as the group's createdAt so hand-offs can tell new groups (optional for older callers). */
  createdAt?: number;
}

/** Makes a group in one area and puts the given notes (of that area) in it. */
export function createGroup(doc: Y.Doc, input: CreateGroupInput, origin: Origin = 'local'): Result<Group> {
  const maps = boardMaps(doc);
  if (!maps.areas.has(input.areaId)) return fail('that station does not exist');
  const parsed = parseGroup({
    id: input.id ?? nanoid(),
    areaId: input.areaId,
    label: input.label ?? '',
    x: input.x,
    y: input.y,
    createdAt: input.createdAt,
  });
  if (!parsed.ok) return parsed;
  const notes = input.noteIds.map((id) => maps.notes.get(id));
  if (notes.some((note) => !note || note.get('areaId') !== input.areaId)) {
    return fail('only notes of the same station can be grouped');
  }
  doc.transact(() => {
    maps.groups.set(parsed.value.id, toRecordMap({ ...parsed.value }));
    for (const note of notes) note?.set('groupId', parsed.value.id);
  }, origin);
  return parsed;
}

/** Puts a note in a group of its area, or takes it out (groupId null). */
export function setNoteGroup(
  doc: Y.Doc,
  noteId: string,
  groupId: string | null,
  origin: Origin = 'local',
): Result<void> {
  const maps = boardMaps(doc);
  const note = maps.notes.get(noteId);
  if (!note) return fail('that note no longer exists');
  if (groupId === null) {
    if (note.has('groupId')) doc.transact(() => note.delete('groupId'), origin);
    return ok(undefined);
  }
  const group = maps.groups.get(groupId);
  if (!group) return fail('that group no longer exists');
  if (group.get('areaId') !== note.get('areaId')) return fail('a note joins only groups of its own station');
  if (note.get('groupId') !== groupId) doc.transact(() => note.set('groupId', groupId), origin);
  return ok(undefined);
}

/**
 * Renames a group. With `updatedAt` (epoch ms) it also stamps `labelUpdatedAt`, so the next team at the station
 * sees the group as renamed; callers without a clock may leave it out.
 */
export function renameGroup(
  doc: Y.Doc,
  groupId: string,
  label: string,
  origin: Origin = 'local',
  updatedAt?: number,
): Result<void> {
  const group = boardMaps(doc).groups.get(groupId);
  if (!group) return fail('that group no longer exists');
  const trimmed = label.trim();
  if ([...trimmed].length > GROUP_LABEL_MAX) return fail(`a group label is at most ${GROUP_LABEL_MAX} characters`);
  if (updatedAt !== undefined && cleanTime(updatedAt) === undefined) return fail('that rename time is not a time');
  if (group.get('label') !== trimmed) {
    doc.transact(() => {
      group.set('label', trimmed);
      if (updatedAt !== undefined) group.set('labelUpdatedAt', updatedAt);
    }, origin);
  }
  return ok(undefined);
}

/** Deletes a group; its notes stay, ungrouped. */
export function deleteGroup(doc: Y.Doc, groupId: string, origin: Origin = 'local'): Result<void> {
  const maps = boardMaps(doc);
  if (!maps.groups.has(groupId)) return fail('that group no longer exists');
  doc.transact(() => {
    maps.notes.forEach((note) => {
      if (note.get('groupId') === groupId) note.delete('groupId');
    });
    maps.groups.delete(groupId);
  }, origin);
  return ok(undefined);
}
