// The CSV's rows: every note in document order, each followed by its comments; then each group's comments.
import type { Board } from '../doc/readBoard.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from '../model/Decision.ts';
import { groupLabel, noteOrigin } from './areaSection.ts';
import type { IdeaDetails } from './ideaDetails.ts';
import type { NoteRow } from './ScopeModel.ts';

export function noteRows(board: Board, details: IdeaDetails, showAuthors: boolean): NoteRow[] {
  const exercises = new Map(board.exercises.map((e) => [e.id, e]));
  const groups = new Map(board.groups.map((g) => [g.id, g]));
  const rows: NoteRow[] = [];
  // Comments by target, once: filtering every comment for every note was notes x comments on a large board.
  const commentsOf = new Map<string, Board['comments']>();
  for (const c of board.comments) {
    const key = `${c.targetType}:${c.targetId}`;
    const list = commentsOf.get(key);
    if (list) list.push(c);
    else commentsOf.set(key, [c]);
  }
  // board.areas is sorted by order within the board; exercises come first so rows follow the document.
  const areas = [...board.areas].sort(
    (a, b) => (exercises.get(a.exerciseId)?.order ?? 0) - (exercises.get(b.exerciseId)?.order ?? 0),
  );
  for (const area of areas) {
    const station = {
      exercise: exercises.get(area.exerciseId)?.title ?? area.exerciseId,
      stationNumber: board.areas.filter((a) => a.exerciseId === area.exerciseId).indexOf(area) + 1,
      stationReference: area.reference ?? '',
      station: area.title,
    };
    const commentRows = (type: 'note' | 'group', targetId: string, group: string) =>
      (commentsOf.get(`${type}:${targetId}`) ?? []).map((c): NoteRow => ({
        kind: 'comment',
        id: c.id,
        ...station,
        group,
        text: c.text,
        authorName: showAuthors ? c.authorName : '',
        authorRole: c.authorRole,
        source: '',
        createdAt: c.createdAt,
        decision: '',
        priority: '',
        aboutId: targetId,
        parentId: c.parentId ?? '',
      }));
    const { notes, groups: areaGroups } = details.station(area.id);
    for (const note of notes) {
      const group = note.groupId === undefined ? undefined : groups.get(note.groupId);
      const decision = details.noteDecision(note);
      const imported = noteOrigin(note) === 'imported';
      const groupName = group ? groupLabel(group) : '';
      rows.push({
        kind: 'note',
        id: note.id,
        ...station,
        group: groupName,
        text: note.text,
        // Imported input was typed in by whoever imported it; its source, not that person, is where it came from.
        authorName: showAuthors && !imported ? note.authorName : '',
        authorRole: imported ? '' : note.authorRole,
        source: note.source ?? '',
        createdAt: note.createdAt,
        ...(note.votes === undefined ? {} : { votes: note.votes }),
        comments: details.commentCount('note', note.id),
        decision: decision ? STATUS_LABELS[decision.status] : '',
        priority: decision?.priority ? PRIORITY_LABELS[decision.priority] : '',
        aboutId: '',
        parentId: '',
      });
      rows.push(...commentRows('note', note.id, groupName));
    }
    for (const group of areaGroups) rows.push(...commentRows('group', group.id, groupLabel(group)));
  }
  return rows;
}
