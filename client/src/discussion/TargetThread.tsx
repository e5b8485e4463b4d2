// The discussion of one note or group: its thread, replies, deleting your own, and a form for a new comment.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addComment, deleteComment } from '@shared/doc/commentOps.ts';
import type { Author } from '@shared/doc/ops.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import { COMMENT_TEXT_MAX, type Comment, type CommentTargetType } from '@shared/model/Comment.ts';
import { useCapabilities } from '../board/boardHooks.ts';
import { CharactersLeft } from '../ui/CharactersLeft.tsx';
import { CommentThread } from './CommentThread.tsx';
import { buildThread } from './discussionView.ts';

export interface TargetThreadProps {
  doc: Y.Doc;
  board: Pick<Board, 'comments'>;
  targetType: CommentTargetType;
  targetId: string;
  author: Author;
  /** Server epoch ms now, for the comments' times. */
  now: () => number;
  /** What the comment box is called ("Comment", "Comment on this note"). */
  label?: string;
}

export function TargetThread({ doc, board, targetType, targetId, author, now, label = 'Comment' }: TargetThreadProps) {
  const commentId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = useCapabilities();
  const mayComment = can.may({ kind: 'comment' });
  const thread = useMemo(
    () => buildThread(board.comments, targetType, targetId),
    [board.comments, targetType, targetId],
  );

  const write = (input: { text: string; parentId?: string }): string | null => {
    const result = addComment(doc, { targetType, targetId, author, createdAt: now(), ...input });
    return result.ok ? null : result.reason;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const reason = write({ text });
    setError(reason);
    if (reason === null) setText('');
  };
  const onDelete = (comment: Comment) => {
    const result = deleteComment(doc, comment.id);
    setError(result.ok ? null : result.reason);
  };
  const left = COMMENT_TEXT_MAX - [...text.trim()].length;

  return (
    <>
      {thread.length === 0 && <p className="hint">No comments yet.</p>}
      <CommentThread
        nodes={thread}
        canReply={mayComment}
        canDelete={(comment) => can.may({ kind: 'deleteComment', authorId: comment.authorId })}
        onReply={(parent, reply) => write({ text: reply, parentId: parent.id })}
        onDelete={onDelete}
      />
      {mayComment ? (
        <form onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={commentId}>{label}</label>
            <textarea
              id={commentId}
              value={text}
              rows={2}
              dir="auto"
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <div className="post-row">
            <CharactersLeft left={left} />
            <button type="submit" disabled={text.trim() === '' || left < 0}>
              Add comment
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">
          {author.role === 'observer'
            ? 'Observers read the discussion.'
            : 'Comments can be added in the group and rotate phases.'}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
