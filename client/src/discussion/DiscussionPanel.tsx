// The "Discussion" panel: pick a note or group, read its thread, add a comment, reply, delete your own.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addComment, deleteComment } from '@shared/doc/commentOps.ts';
import type { Author } from '@shared/doc/ops.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Area } from '@shared/model/Area.ts';
import { COMMENT_TEXT_MAX, type Comment } from '@shared/model/Comment.ts';
import { CharactersLeft } from '../ui/CharactersLeft.tsx';
import { CommentThread } from './CommentThread.tsx';
import { useCapabilities } from '../board/boardHooks.ts';
import { buildThread, discussionTargets } from './discussionView.ts';

export interface DiscussionPanelProps {
  doc: Y.Doc;
  board: Board;
  stations: readonly Area[];
  author: Author;
  /** Server epoch ms now, for the comments' times. */
  now: () => number;
  /** The station to list first (the viewer's team's). */
  preferredAreaId?: string;
}

export function DiscussionPanel({ doc, board, stations, author, now, preferredAreaId }: DiscussionPanelProps) {
  const selectId = useId();
  const commentId = useId();
  const [selected, setSelected] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = useCapabilities();
  const mayComment = can.may({ kind: 'comment' });

  const ordered = useMemo(() => {
    const preferred = stations.filter((s) => s.id === preferredAreaId);
    return [...preferred, ...stations.filter((s) => s.id !== preferredAreaId)];
  }, [stations, preferredAreaId]);
  const options = useMemo(() => discussionTargets(board, ordered), [board, ordered]);
  const target = options.flatMap((o) => o.targets).find((t) => t.key === selected);
  const thread = useMemo(
    () => (target ? buildThread(board.comments, target.targetType, target.targetId) : []),
    [board.comments, target],
  );

  const write = (input: { text: string; parentId?: string }): string | null => {
    if (!target) return 'Pick a note or group first.';
    const result = addComment(doc, {
      targetType: target.targetType,
      targetId: target.targetId,
      author,
      createdAt: now(),
      ...input,
    });
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
    <section className="panel discussion-panel" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      <div className="field">
        <label htmlFor={selectId}>Discuss</label>
        <select
          id={selectId}
          value={selected}
          onChange={(event) => {
            setSelected(event.target.value);
            setError(null);
          }}
        >
          <option value="">Choose a note or group…</option>
          {options.map(
            ({ area, targets }) =>
              targets.length > 0 && (
                <optgroup key={area.id} label={`${stations.indexOf(area) + 1}. ${area.title}`}>
                  {targets.map((t) => (
                    <option key={t.key} value={t.key}>
                      {t.label}
                    </option>
                  ))}
                </optgroup>
              ),
          )}
        </select>
      </div>
      {target && (
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
                <label htmlFor={commentId}>Comment</label>
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
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
