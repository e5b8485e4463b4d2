// A discussion comment: a short remark on one note or group, optionally a reply to another comment (a thread).
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { countField, idField, roleField, textSchema } from './fields.ts';
import { NAME_MAX } from './limits.ts';

/** A comment is a short remark: trimmed text of 1 to this many characters (code points). */
export const COMMENT_TEXT_MAX = 500;

const COMMENT_TARGET_TYPES = ['note', 'group'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

export const CommentSchema = withMeta(
  z
    .object({
      id: idField('comment id is missing or malformed'),
      /** The station of the note or group commented on. */
      areaId: idField('comment has no station'),
      targetType: z.enum(COMMENT_TARGET_TYPES, { error: 'comment target type must be "note" or "group"' }),
      /** The id of the note or group (in `notes` or `groups`). */
      targetId: idField('comment has no target'),
      /** Set on a reply: the comment it answers (same target). */
      parentId: z.nullish(idField('comment parent id is malformed')),
      text: textSchema(COMMENT_TEXT_MAX, `comment text must be 1 to ${COMMENT_TEXT_MAX} characters, trimmed`, {
        stored: true,
      }),
      authorId: idField('comment has no author'),
      authorName: textSchema(NAME_MAX, 'comment has no author name'),
      authorRole: roleField('comment author role is unknown'),
      createdAt: countField('comment has no creation time'),
    })
    .check(z.refine((comment) => comment.parentId !== comment.id, { error: 'a comment cannot answer itself' })),
  { title: 'Comment', description: 'A short remark on one note or group, or a reply to another comment.' },
);

/** Only the text of a comment may change (its author's or the facilitator's right). */
export const CommentRecord = defineRecord({ noun: 'comment', schema: CommentSchema, mutable: ['text'] });

export type Comment = RecordOf<typeof CommentSchema>;
export const parseComment = CommentRecord.parse;
