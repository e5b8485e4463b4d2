// The scope-document model: one tree of numbered sections that every export format renders.
import type { Board } from '../doc/readBoard.ts';
import type { Role } from '../model/Role.ts';

/** Text that marks a section the board does not fill, for the Review Team to draft. */
export const PLACEHOLDER_TEXT = 'To be drafted.';
/** Label of a group nobody has named yet. */
export const UNNAMED_GROUP_LABEL = 'Unnamed group';

/** One note as the document shows it. */
export interface ScopeNote {
  id: string;
  text: string;
  authorRole: Role;
  createdAt: number;
  /** Where imported input came from; absent for notes posted in the room. */
  source?: string;
  /** Label of the note's group, when it has one (shown beside observer and imported input). */
  groupLabel?: string;
}

/**
 * What a list of notes is:
 * - `group`: the room's notes of one group; `ungrouped`: the room's notes in no group;
 * - `observer`: notes posted by observers; `imported`: notes imported from outside the room (one block per source).
 */
export type NotesKind = 'group' | 'ungrouped' | 'observer' | 'imported';

export type ScopeBlock =
  | { kind: 'paragraph'; text: string }
  /** A section left for drafting; its text is PLACEHOLDER_TEXT. */
  | { kind: 'placeholder'; text: string }
  | { kind: 'notes'; notesKind: NotesKind; label: string; groupId?: string; source?: string; notes: ScopeNote[] }
  /** A plain table of text cells (the session record's phases). */
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ScopeSection {
  /** Stable id for anchors and scripts: "mandate", "framework-scope", "area-ex1-a1", "session-record". */
  id: string;
  /** "1", "3.a", "3.a.1", "A"; rendered before the title. */
  number: string;
  title: string;
  /** True when nothing from the board or the template fills the section. */
  isPlaceholder: boolean;
  blocks: ScopeBlock[];
  subsections: ScopeSection[];
}

/** One phase as it ran, ready to print. */
export interface PhaseRow {
  exercise: string;
  phase: string;
  /** 1-based rotation of the rotate phase, or null. */
  rotation: number | null;
  startedAt: number;
  /** null while the phase still runs. */
  endedAt: number | null;
  plannedMinutes: number | null;
  /** null while the phase still runs. */
  actualMinutes: number | null;
}

export interface SessionRecord {
  phases: PhaseRow[];
  /** Counts exclude people the facilitator removed; those are counted apart. */
  participants: number;
  observers: number;
  facilitators: number;
  removed: number;
  notes: { total: number; room: number; observer: number; imported: number };
  exportedAt: number;
  /** Sessions of the boards this one continues (import, carry-forward), oldest first; absent when there are none. */
  earlier?: { boardTitle: string; endedAt: number; phases: PhaseRow[] }[];
}

/** One row per note across the whole board (the CSV export). */
export interface NoteRow {
  id: string;
  exercise: string;
  station: string;
  /** Group label ("Unnamed group" when unnamed), or '' when the note is in no group. */
  group: string;
  text: string;
  authorRole: Role;
  source: string;
  createdAt: number;
  /** Dots from a revealed dot vote; absent when the note was never in a revealed vote. */
  votes?: number;
}

export interface ScopeDocument {
  title: string;
  /** One line under the title: what this is and where it comes from. */
  subtitle: string;
  templateId: string | null;
  exportedAt: number;
  sections: ScopeSection[];
  /** Appendices, rendered after the numbered sections; the first is the session record. */
  appendices: ScopeSection[];
  sessionRecord: SessionRecord;
  noteRows: NoteRow[];
  /** The validated board records the document was built from (for the JSON export), in a stable order. */
  records: Board;
}
