// Writes for the rotate-phase discussion: comments on notes and groups, and station hand-off summaries.
import type * as Y from 'yjs';
import { nanoid } from 'nanoid';
import { parseComment, type Comment, type CommentTargetType } from '../model/Comment.ts';
import { parseHandoff, type Handoff } from '../model/Handoff.ts';
import { fail, ok, type Result } from '../model/Result.ts';
import { boardMaps, toRecordMap, type Origin } from './boardDoc.ts';
import type { Author } from './ops.ts';

export interface AddCommentInput {
  targetType: CommentTargetType;
  targetId: string;
  text: string;
  author: Author;
  createdAt: number;
  /** The comment this one answers; it must be about the same note or group. */
  parentId?: string;
  id?: string;
}

/** Adds a comment (or a reply) to a note or group; its station is the target's. Text is trimmed, 1..500 characters. */
export function addComment(doc: Y.Doc, input: AddCommentInput, origin: Origin = 'local'): Result<Comment> {
  const maps = boardMaps(doc);
  const target = (input.targetType === 'note' ? maps.notes : maps.groups).get(input.targetId);
  if (!target) return fail(`that ${input.targetType} no longer exists`);
  if (input.parentId !== undefined) {
    const parent = maps.comments.get(input.parentId);
    if (!parent) return fail('the comment you are answering no longer exists');
    if (parent.get('targetId') !== input.targetId || parent.get('targetType') !== input.targetType) {
      return fail('a reply must be about the same note or group');
    }
  }
  const parsed = parseComment({
    id: input.id ?? nanoid(),
    areaId: target.get('areaId'),
    targetType: input.targetType,
    targetId: input.targetId,
    parentId: input.parentId,
    text: typeof input.text === 'string' ? input.text.trim() : input.text,
    authorId: input.author.id,
    authorName: input.author.name,
    authorRole: input.author.role,
    createdAt: input.createdAt,
  });
  if (!parsed.ok) return parsed;
  if (maps.comments.has(parsed.value.id)) return fail('a comment with that id exists already');
  doc.transact(() => maps.comments.set(parsed.value.id, toRecordMap({ ...parsed.value })), origin);
  return parsed;
}

/** Deletes one comment (its author's right, or the facilitator's; the server checks who). Replies stay, top-level. */
export function deleteComment(doc: Y.Doc, commentId: string, origin: Origin = 'local'): Result<void> {
  const comments = boardMaps(doc).comments;
  if (!comments.has(commentId)) return fail('that comment no longer exists');
  doc.transact(() => comments.delete(commentId), origin);
  return ok(undefined);
}

export interface AddHandoffInput {
  areaId: string;
  exerciseId: string;
  /** The session's rotation now. */
  rotation: number;
  text: string;
  author: Pick<Author, 'id' | 'name'>;
  createdAt: number;
  id?: string;
}

/** Leaves a summary line at a station for the next team; trimmed, 1..280 characters. */
export function addHandoff(doc: Y.Doc, input: AddHandoffInput, origin: Origin = 'local'): Result<Handoff> {
  const maps = boardMaps(doc);
  const area = maps.areas.get(input.areaId);
  if (!area) return fail('that station does not exist on this board');
  if (area.get('exerciseId') !== input.exerciseId) return fail('that station belongs to another exercise');
  const parsed = parseHandoff({
    id: input.id ?? nanoid(),
    areaId: input.areaId,
    exerciseId: input.exerciseId,
    rotation: input.rotation,
    text: typeof input.text === 'string' ? input.text.trim() : input.text,
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.createdAt,
  });
  if (!parsed.ok) return parsed;
  if (maps.handoffs.has(parsed.value.id)) return fail('a hand-off with that id exists already');
  doc.transact(() => maps.handoffs.set(parsed.value.id, toRecordMap({ ...parsed.value })), origin);
  return parsed;
}
