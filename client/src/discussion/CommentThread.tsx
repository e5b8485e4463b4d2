// One discussion thread: comments with author and time, replies indented under what they answer, reply and delete.
import { useId, useState, type FormEvent } from 'react';
import type { Comment } from '@shared/model/Comment.ts';
import { COMMENT_TEXT_MAX } from '@shared/model/Comment.ts';
import { clockTime, type ThreadNode } from './discussionView.ts';

export interface CommentThreadProps {
  nodes: readonly ThreadNode[];
  canReply: boolean;
  canDelete: (comment: Comment) => boolean;
  /** Returns null on success, else the reason in plain words. */
  onReply: (parent: Comment, text: string) => string | null;
  onDelete: (comment: Comment) => void;
}

export function CommentThread(props: CommentThreadProps) {
  if (props.nodes.length === 0) return null;
  return (
    <ul className="comment-thread">
      {props.nodes.map((node) => (
        <CommentItem key={node.comment.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function CommentItem({ node, ...props }: CommentThreadProps & { node: ThreadNode }) {
  const { comment } = node;
  const [isReplying, setReplying] = useState(false);
  const role = comment.authorRole === 'participant' ? '' : ` (${comment.authorRole})`;
  return (
    <li className="comment" data-comment-id={comment.id}>
      <p className="comment-meta">
        <span className="comment-author" dir="auto">
          {comment.authorName}
          {role}
        </span>
        {' · '}
        <time dateTime={new Date(comment.createdAt).toISOString()}>{clockTime(comment.createdAt)}</time>
      </p>
      <p className="comment-text" dir="auto">
        {comment.text}
      </p>
      <div className="comment-actions">
        {props.canReply && !isReplying && (
          <button
            type="button"
            className="quiet-button"
            onClick={() => setReplying(true)}
            aria-label={`Reply to ${comment.authorName}`}
          >
            Reply
          </button>
        )}
        {props.canDelete(comment) && (
          <button
            type="button"
            className="quiet-button danger"
            onClick={() => props.onDelete(comment)}
            aria-label={`Delete comment by ${comment.authorName}`}
          >
            Delete
          </button>
        )}
      </div>
      {isReplying && (
        <ReplyForm
          onCancel={() => setReplying(false)}
          onSubmit={(text) => {
            const reason = props.onReply(comment, text);
            if (reason === null) setReplying(false);
            return reason;
          }}
        />
      )}
      <CommentThread {...props} nodes={node.replies} />
    </li>
  );
}

function ReplyForm({ onSubmit, onCancel }: { onSubmit: (text: string) => string | null; onCancel: () => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(onSubmit(text));
  };
  return (
    <form className="reply-form" onSubmit={submit}>
      <label htmlFor={id}>Reply</label>
      <textarea
        id={id}
        value={text}
        rows={2}
        dir="auto"
        maxLength={COMMENT_TEXT_MAX * 2}
        autoFocus
        onChange={(event) => setText(event.target.value)}
      />
      <div className="button-row">
        <button type="submit" disabled={text.trim() === ''}>
          Add reply
        </button>
        <button type="button" className="quiet-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
