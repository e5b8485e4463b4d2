// One station of the scope document: its text, the room's groups and notes, then observer and imported input apart.
import type { Area } from '../model/Area.ts';
import type { Group } from '../model/Group.ts';
import type { Note } from '../model/Note.ts';
import { compareNotes, compareText } from './compareText.ts';
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

/** Observer and imported notes keep their group's label beside them; room notes sit under their group already. */
function toScopeNote(note: Note, groupsById: ReadonlyMap<string, Group>): ScopeNote {
  const scopeNote: ScopeNote = { id: note.id, text: note.text, authorRole: note.authorRole, createdAt: note.createdAt };
  if (note.source !== undefined) scopeNote.source = note.source;
  const group = note.groupId === undefined || noteOrigin(note) === 'room' ? undefined : groupsById.get(note.groupId);
  if (group) scopeNote.groupLabel = groupLabel(group);
  return scopeNote;
}

function describe(area: Area): string {
  if (area.reference && area.description) return `${area.reference}: ${area.description}`;
  return area.reference ?? area.description;
}

/**
 * Builds the section of one area. The room's groups come first (groups without room notes are omitted), then the
 * room's ungrouped notes, then "Observer input", then one "Imported input: <source>" block per source.
 */
export function areaSection(area: Area, number: string, notes: readonly Note[], groups: readonly Group[]): ScopeSection {
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  const sorted = [...notes].sort(compareNotes);
  const room = sorted.filter((n) => noteOrigin(n) === 'room');
  const blocks: ScopeBlock[] = [];
  const description = describe(area);
  if (description) blocks.push({ kind: 'paragraph', text: description });

  for (const group of [...groups].sort(compareGroups)) {
    const inGroup = room.filter((n) => n.groupId === group.id);
    if (inGroup.length === 0) continue;
    blocks.push({
      kind: 'notes',
      notesKind: 'group',
      // "Group: " keeps a group someone named "Observer input" apart from the marked subsections.
      label: `Group: ${groupLabel(group)}`,
      groupId: group.id,
      notes: inGroup.map((n) => toScopeNote(n, groupsById)),
    });
  }
  const ungrouped = room.filter((n) => n.groupId === undefined);
  if (ungrouped.length > 0) {
    blocks.push({ kind: 'notes', notesKind: 'ungrouped', label: 'Ungrouped notes', notes: ungrouped.map((n) => toScopeNote(n, groupsById)) });
  }
  const observer = sorted.filter((n) => noteOrigin(n) === 'observer');
  if (observer.length > 0) {
    blocks.push({
      kind: 'notes',
      notesKind: 'observer',
      label: 'Observer input',
      notes: observer.map((n) => toScopeNote(n, groupsById)),
    });
  }
  const sources = [...new Set(sorted.flatMap((n) => (n.source === undefined ? [] : [n.source])))].sort(compareText);
  for (const source of sources) {
    blocks.push({
      kind: 'notes',
      notesKind: 'imported',
      label: `Imported input: ${source}`,
      source,
      notes: sorted.filter((n) => n.source === source).map((n) => toScopeNote(n, groupsById)),
    });
  }
  if (notes.length === 0) blocks.push({ kind: 'paragraph', text: 'No notes were posted at this station.' });
  return { id: `area-${area.id}`, number, title: area.title, isPlaceholder: false, blocks, subsections: [] };
}
