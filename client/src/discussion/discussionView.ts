// Pure reading of the discussion for screens: what can be discussed, threads as trees, words.
import type { Board } from '@shared/doc/readBoard.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Comment, CommentTargetType } from '@shared/model/Comment.ts';
import { countOf } from '@shared/words/count.ts';
import { shorten } from '../ui/shorten.ts';

/** Something a comment can be about, as a select option. */
export interface DiscussionTarget {
  /** "note:<id>" or "group:<id>": the option's value. */
  key: string;
  targetType: CommentTargetType;
  targetId: string;
  areaId: string;
  label: string;
}

export function targetKey(targetType: CommentTargetType, targetId: string): string {
  return `${targetType}:${targetId}`;
}

export function groupName(label: string): string {
  return label === '' ? 'Unnamed group' : label;
}

/** Groups then notes of each station, in station order: what the "Discuss" select offers. */
export function discussionTargets(
  board: Pick<Board, 'notes' | 'groups' | 'comments'>,
  stations: readonly Area[],
): { area: Area; targets: DiscussionTarget[] }[] {
  const counts = new Map<string, number>();
  for (const c of board.comments)
    counts.set(targetKey(c.targetType, c.targetId), (counts.get(targetKey(c.targetType, c.targetId)) ?? 0) + 1);
  const counted = (key: string, label: string) => {
    const n = counts.get(key) ?? 0;
    return n === 0 ? label : `${label} (${countOf(n, 'comment')})`;
  };
  return stations.map((area) => ({
    area,
    targets: [
      ...board.groups
        .filter((g) => g.areaId === area.id)
        .map((g) => {
          const key = targetKey('group', g.id);
          return {
            key,
            targetType: 'group' as const,
            targetId: g.id,
            areaId: area.id,
            label: counted(key, `Group: ${shorten(groupName(g.label))}`),
          };
        }),
      ...board.notes
        .filter((n) => n.areaId === area.id)
        .map((n) => {
          const key = targetKey('note', n.id);
          return {
            key,
            targetType: 'note' as const,
            targetId: n.id,
            areaId: area.id,
            label: counted(key, `Note: ${shorten(n.text)} (${n.authorName})`),
          };
        }),
    ],
  }));
}

export interface ThreadNode {
  comment: Comment;
  replies: ThreadNode[];
}

/** The comments about one target as a forest, oldest first at every level (readBoard sorts and repairs parents). */
export function buildThread(
  comments: readonly Comment[],
  targetType: CommentTargetType,
  targetId: string,
): ThreadNode[] {
  const mine = comments.filter((c) => c.targetType === targetType && c.targetId === targetId);
  const nodes = new Map(mine.map((comment) => [comment.id, { comment, replies: [] as ThreadNode[] }]));
  const roots: ThreadNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === undefined ? undefined : nodes.get(node.comment.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** "14:05", in the reader's locale. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
