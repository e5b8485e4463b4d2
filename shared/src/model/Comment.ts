// A discussion comment: a short remark on one note or group, optionally a reply to another comment (a thread).
import { NAME_MAX } from './limits.ts';
import { isRole, type Role } from './Role.ts';
import { fail, ok, type Result } from './Result.ts';
import { cleanId, cleanText, cleanTime } from './validate.ts';

/** A comment is a short remark: trimmed text of 1 to this many characters (code points). */
export const COMMENT_TEXT_MAX = 500;

export const COMMENT_TARGET_TYPES = ['note', 'group'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

export interface Comment {
  id: string;
  /** The station of the note or group commented on. */
  areaId: string;
  targetType: CommentTargetType;
  /** The id of the note or group (in `notes` or `groups`). */
  targetId: string;
  /** Set on a reply: the comment it answers (same target). */
  parentId?: string;
  text: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  createdAt: number;
}

/** Keys a comment record may carry; anything else is refused by the server. */
export const COMMENT_KEYS = [
  'id', 'areaId', 'targetType', 'targetId', 'parentId', 'text', 'authorId', 'authorName', 'authorRole', 'createdAt',
] as const;

export function isCommentTargetType(value: unknown): value is CommentTargetType {
  return typeof value === 'string' && (COMMENT_TARGET_TYPES as readonly string[]).includes(value);
}

/** Validates a raw comment record (as read from the doc). Text must be stored trimmed. */
export function parseComment(raw: Record<string, unknown>): Result<Comment> {
  const id = cleanId(raw.id);
  if (!id) return fail('comment id is missing or malformed');
  const areaId = cleanId(raw.areaId);
  if (!areaId) return fail('comment has no station');
  if (!isCommentTargetType(raw.targetType)) return fail('comment target type must be "note" or "group"');
  const targetId = cleanId(raw.targetId);
  if (!targetId) return fail('comment has no target');
  const text = cleanText(raw.text, COMMENT_TEXT_MAX);
  if (text === undefined || text !== raw.text) return fail(`comment text must be 1 to ${COMMENT_TEXT_MAX} characters, trimmed`);
  const authorId = cleanId(raw.authorId);
  if (!authorId) return fail('comment has no author');
  const authorName = cleanText(raw.authorName, NAME_MAX);
  if (authorName === undefined) return fail('comment has no author name');
  if (!isRole(raw.authorRole)) return fail('comment author role is unknown');
  const createdAt = cleanTime(raw.createdAt);
  if (createdAt === undefined) return fail('comment has no creation time');
  const comment: Comment = {
    id, areaId, targetType: raw.targetType, targetId, text, authorId, authorName, authorRole: raw.authorRole, createdAt,
  };
  if (raw.parentId !== undefined && raw.parentId !== null) {
    const parentId = cleanId(raw.parentId);
    if (!parentId) return fail('comment parent id is malformed');
    if (parentId === id) return fail('a comment cannot answer itself');
    comment.parentId = parentId;
  }
  return ok(comment);
}
