// One station of the scope document: its text, the room's groups and notes, observer and imported input apart, hand-offs.
import { groupBy } from '../collections/groupBy.ts';
import type { Area } from '../model/Area.ts';
import type { Group } from '../model/Group.ts';
import type { Handoff } from '../model/Handoff.ts';
import type { Note } from '../model/Note.ts';
import { compareNotes, compareText } from './compareText.ts';
import { comparePriority, isInScope, type IdeaDetails } from './ideaDetails.ts';
import { UNNAMED_GROUP_LABEL, type ScopeBlock, type ScopeNote, type ScopeSection } from './ScopeModel.ts';

/** Where a note belongs in the document. Imported wins over observer: a note with a source came from outside. */
export type NoteOrigin = 'room' | 'observer' | 'imported';

export function noteOrigin(note: Note): NoteOrigin {
  if (note.source !== undefined) return 'imported';
  return note.authorRole === 'observer' ? 'observer' : 'room';
}

export function groupLabel(group: Group): string {
  return group.label === '' ? UNNAMED_GROUP_LABEL : group.label;
}

/** Named groups by label then id; unnamed groups after them, by id. */
export function compareGroups(a: Group, b: Group): number {
  if ((a.label === '') !== (b.label === '')) return a.label === '' ? 1 : -1;
  return compareText(a.label, b.label) || compareText(a.id, b.id);
}

/**
 * Which ideas a station section lists: `all` (an exercise without decisions), `scope` (what was marked in scope,
 * highest priority first) or `other` (everything else, for the appendix "Other ideas raised").
 */
export type AreaView = 'all' | 'scope' | 'other';

export interface AreaInput {
  area: Area;
  number: string;
  notes: readonly Note[];
  groups: readonly Group[];
  handoffs: readonly Handoff[];
  details: IdeaDetails;
  view: AreaView;
  /** Section id prefix, so a station can appear in Scope and in the appendix with distinct anchors. */
  idPrefix?: string;
}

/** Observer and imported notes keep their group's label beside them; room notes sit under their group already. */
function toScopeNote(note: Note, groupsById: ReadonlyMap<string, Group>, details: IdeaDetails): ScopeNote {
  const scopeNote: ScopeNote = {
    id: note.id,
    text: note.text,
    authorRole: note.authorRole,
    createdAt: note.createdAt,
    comments: details.thread('note', note.id),
  };
  if (note.source !== undefined) scopeNote.source = note.source;
  const group = note.groupId === undefined || noteOrigin(note) === 'room' ? undefined : groupsById.get(note.groupId);
  if (group) scopeNote.groupLabel = groupLabel(group);
  if (note.votes !== undefined) scopeNote.votes = note.votes;
  const decision = details.noteDecision(note);
  if (decision) scopeNote.decision = decision;
  return scopeNote;
}

function describe(area: Area): string {
  if (area.reference && area.description) return `${area.reference}: ${area.description}`;
  return area.reference ?? area.description;
}

const byPriority = (a: ScopeNote, b: ScopeNote) => comparePriority(a.decision, b.decision);

/**
 * Builds the section of one area. The room's groups come first (groups without room notes are omitted), then the
 * room's ungrouped notes, then "Observer input", then one "Imported input: <source>" block per source, then the
 * teams' hand-off summaries. In the `scope` view, groups and notes sort by priority (stable, so ties keep that order).
 */
export function areaSection(input: AreaInput): ScopeSection {
  const { area, details, view } = input;
  const groupsById = new Map(input.groups.map((g) => [g.id, g]));
  const keep = (note: ScopeNote) => view === 'all' || (view === 'scope') === isInScope(note.decision);
  const all = [...input.notes].sort(compareNotes).map((n) => ({ note: n, scope: toScopeNote(n, groupsById, details) }));
  const shown = all.filter((x) => keep(x.scope));
  const room = shown.filter((x) => noteOrigin(x.note) === 'room');
  const blocks: ScopeBlock[] = [];
  const description = describe(area);
  if (description) blocks.push({ kind: 'paragraph', text: description });

  // Each list by one pass over the notes, not one filter per group or source (groups x notes on a large board).
  const byGroup = groupBy(
    room,
    (x) => x.note.groupId,
    (x) => x.scope,
  );
  const groupBlocks: Extract<ScopeBlock, { kind: 'notes' }>[] = [];
  for (const group of [...input.groups].sort(compareGroups)) {
    const inGroup = byGroup.get(group.id) ?? [];
    const decision = details.groupDecision(group);
    // A group's discussion goes with the group where its own decision puts it (in scope, or the appendix).
    const commentsHere = view === 'all' || (view === 'scope') === isInScope(decision);
    const comments = commentsHere ? details.thread('group', group.id) : [];
    if (inGroup.length === 0) continue;
    groupBlocks.push({
      kind: 'notes',
      notesKind: 'group',
      // "Group: " keeps a group someone named "Observer input" apart from the marked subsections.
      label: `Group: ${groupLabel(group)}`,
      groupId: group.id,
      ...(decision ? { decision } : {}),
      comments,
      notes: view === 'scope' ? [...inGroup].sort(byPriority) : inGroup,
    });
  }
  if (view === 'scope')
    groupBlocks.sort((a, b) => comparePriority(a.decision ?? a.notes[0]?.decision, b.decision ?? b.notes[0]?.decision));
  blocks.push(...groupBlocks);

  const sortNotes = (notes: ScopeNote[]) => (view === 'scope' ? [...notes].sort(byPriority) : notes);
  const ungrouped = byGroup.get(undefined) ?? [];
  if (ungrouped.length > 0) {
    blocks.push({
      kind: 'notes',
      notesKind: 'ungrouped',
      label: 'Ungrouped notes',
      comments: [],
      notes: sortNotes(ungrouped),
    });
  }
  const observer = shown.filter((x) => noteOrigin(x.note) === 'observer').map((x) => x.scope);
  if (observer.length > 0) {
    blocks.push({
      kind: 'notes',
      notesKind: 'observer',
      label: 'Observer input',
      comments: [],
      notes: sortNotes(observer),
    });
  }
  const bySource = groupBy(
    shown,
    (x) => x.note.source,
    (x) => x.scope,
  );
  const sources = [...bySource.keys()].filter((source) => source !== undefined).sort(compareText);
  for (const source of sources) {
    const notes = bySource.get(source) ?? [];
    blocks.push({
      kind: 'notes',
      notesKind: 'imported',
      label: `Imported input: ${source}`,
      source,
      comments: [],
      notes: sortNotes(notes),
    });
  }
  if (view !== 'other' && input.handoffs.length > 0) {
    blocks.push({
      kind: 'handoffs',
      label: 'Hand-off summaries',
      handoffs: input.handoffs.map((h) => ({
        rotation: h.rotation,
        authorName: h.authorName,
        time: details.clock.minute(h.createdAt),
        text: h.text,
      })),
    });
  }
  if (input.notes.length === 0) blocks.push({ kind: 'paragraph', text: 'No notes were posted at this station.' });
  else if (shown.length === 0 && view === 'scope') {
    blocks.push({
      kind: 'paragraph',
      text: 'Nothing at this station was marked in scope; its ideas are listed under \u201cOther ideas raised\u201d.',
    });
  }
  return {
    id: `${input.idPrefix ?? 'area-'}${area.id}`,
    number: input.number,
    title: area.title,
    isPlaceholder: false,
    blocks,
    subsections: [],
  };
}

/** True when the section lists at least one note (the appendix leaves out stations with nothing left over). */
export function listsNotes(section: ScopeSection): boolean {
  return section.blocks.some((b) => b.kind === 'notes' && b.notes.length > 0);
}
