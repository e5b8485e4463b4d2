// What the document shows beside each note and group: its decision, its votes and its discussion thread.
import { byArea, groupBy } from '../collections/groupBy.ts';
import type { Board } from '../doc/readBoard.ts';
import {
  decisionId,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type Decision,
  type DecisionTargetType,
  type Priority,
} from '../model/Decision.ts';
import type { Group } from '../model/Group.ts';
import type { Handoff } from '../model/Handoff.ts';
import type { Note } from '../model/Note.ts';
import type { BoardClock } from './BoardClock.ts';
import { compareNotes } from './compareText.ts';
import { UNNAMED_GROUP_LABEL, type ScopeComment, type ScopeDecision } from './ScopeModel.ts';

/** One station's records, in board order; its notes by creation time, then id. */
export interface StationRecords {
  notes: readonly Note[];
  groups: readonly Group[];
  handoffs: readonly Handoff[];
}

export interface IdeaDetails {
  clock: BoardClock;
  /** The station's notes, groups and hand-offs, sorted once per document instead of filtered from the board per section. */
  station(areaId: string): StationRecords;
  /** Exercises with at least one decision: only those split their ideas into Scope and "Other ideas raised". */
  decidedExercises: ReadonlySet<string>;
  thread(targetType: DecisionTargetType, targetId: string): ScopeComment[];
  /** The note's own decision, else its group's (marked `fromGroup`). */
  noteDecision(note: Note): ScopeDecision | undefined;
  groupDecision(group: Group): ScopeDecision | undefined;
  commentCount(targetType: DecisionTargetType, targetId: string): number;
}

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** High before medium before low before none: the order in-scope ideas are listed in. */
export function comparePriority(a: ScopeDecision | undefined, b: ScopeDecision | undefined): number {
  return (
    (a?.priority === undefined ? 3 : PRIORITY_RANK[a.priority]) -
    (b?.priority === undefined ? 3 : PRIORITY_RANK[b.priority])
  );
}

export function isInScope(decision: ScopeDecision | undefined): boolean {
  return decision?.status === 'inScope';
}

export function buildIdeaDetails(board: Board, clock: BoardClock): IdeaDetails {
  // Only merged decisions look their target up: most boards never build the 20,000-entry map.
  let notesById: Map<string, Note> | undefined;
  const noteById = (id: string) => (notesById ??= new Map(board.notes.map((n) => [n.id, n]))).get(id);
  const groupsById = new Map(board.groups.map((g) => [g.id, g]));
  const areaExercise = new Map(board.areas.map((a) => [a.id, a.exerciseId]));
  const decisions = new Map(board.decisions.map((d) => [d.id, d]));
  const decidedExercises = new Set(board.decisions.flatMap((d) => areaExercise.get(d.areaId) ?? []));
  // board.comments is sorted by creation time, so each list is too.
  const byTarget = groupBy(board.comments, (comment) => `${comment.targetType}:${comment.targetId}`);

  const notesByArea = byArea(board.notes);
  for (const notes of notesByArea.values()) notes.sort(compareNotes);
  const groupsByArea = byArea(board.groups);
  const handoffsByArea = byArea(board.handoffs);
  const station = (areaId: string): StationRecords => ({
    notes: notesByArea.get(areaId) ?? [],
    groups: groupsByArea.get(areaId) ?? [],
    handoffs: handoffsByArea.get(areaId) ?? [],
  });

  const toScope = (decision: Decision, fromGroup: boolean): ScopeDecision => {
    const target =
      decision.mergedInto === undefined
        ? undefined
        : decision.targetType === 'note'
          ? noteById(decision.mergedInto)?.text
          : groupsById.get(decision.mergedInto)?.label || UNNAMED_GROUP_LABEL;
    const words = [STATUS_LABELS[decision.status]];
    if (decision.status === 'merged')
      words[0] = `Merged into \u201c${target ?? 'an idea no longer on the board'}\u201d`;
    if (decision.priority) words.push(`priority ${PRIORITY_LABELS[decision.priority].toLowerCase()}`);
    const scope: ScopeDecision = {
      status: decision.status,
      label: `${words.join(', ')}${fromGroup ? ' (with its group)' : ''}`,
    };
    if (decision.priority) scope.priority = decision.priority;
    if (target !== undefined) scope.mergedInto = target;
    if (fromGroup) scope.fromGroup = true;
    return scope;
  };
  const decisionOf = (type: DecisionTargetType, id: string) =>
    decisions.size === 0 ? undefined : decisions.get(decisionId(type, id));

  const thread = (targetType: DecisionTargetType, targetId: string): ScopeComment[] => {
    const comments = byTarget.get(`${targetType}:${targetId}`);
    // Most notes have no discussion: no walk, no closure.
    if (!comments) return [];
    const out: ScopeComment[] = [];
    const visit = (parentId: string | undefined, depth: number) => {
      for (const c of comments.filter((x) => x.parentId === parentId)) {
        out.push({ id: c.id, authorName: c.authorName, time: clock.minute(c.createdAt), text: c.text, depth });
        visit(c.id, depth + 1);
      }
    };
    visit(undefined, 0);
    return out;
  };

  return {
    clock,
    station,
    decidedExercises,
    thread,
    commentCount: (type, id) => byTarget.get(`${type}:${id}`)?.length ?? 0,
    groupDecision: (group) => {
      const own = decisionOf('group', group.id);
      return own ? toScope(own, false) : undefined;
    },
    noteDecision: (note) => {
      const own = decisionOf('note', note.id);
      if (own) return toScope(own, false);
      const group = note.groupId === undefined ? undefined : decisionOf('group', note.groupId);
      return group ? toScope(group, true) : undefined;
    },
  };
}
