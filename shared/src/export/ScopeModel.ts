// The scope-document model: one tree of numbered sections that every export format renders.
import type { Board } from '../doc/readBoard.ts';
import type { DecisionStatus, Priority } from '../model/Decision.ts';
import type { Role } from '../model/Role.ts';
import type { Paper } from './exportOptions.ts';

/** Text that marks a section the board does not fill, for the Review Team to draft. */
export const PLACEHOLDER_TEXT = 'To be drafted.';
/** Label of a group nobody has named yet. */
export const UNNAMED_GROUP_LABEL = 'Unnamed group';

/** A comment or reply as the document shows it: author and time (board time zone), nested by `depth`. */
export interface ScopeComment {
  id: string;
  authorName: string;
  /** Time of day in the board's time zone, "14:25". */
  time: string;
  text: string;
  /** 0 for a comment, 1 for a reply to it, and so on. */
  depth: number;
}

/** A decision as the document shows it: "In scope, priority high", "Merged into: ...". */
export interface ScopeDecision {
  status: DecisionStatus;
  priority?: Priority;
  /** merged: the text or label of what it was merged into. */
  mergedInto?: string;
  /** True when the note carries its group's decision rather than one of its own. */
  fromGroup?: boolean;
  /** One line of words: "In scope, priority high". */
  label: string;
}

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
  /** Dots from a revealed dot vote. */
  votes?: number;
  decision?: ScopeDecision;
  comments: ScopeComment[];
}

/**
 * What a list of notes is:
 * - `group`: the room's notes of one group; `ungrouped`: the room's notes in no group;
 * - `observer`: notes posted by observers; `imported`: notes imported from outside the room (one block per source).
 */
export type NotesKind = 'group' | 'ungrouped' | 'observer' | 'imported';

export interface ScopeHandoff {
  rotation: number;
  authorName: string;
  time: string;
  text: string;
}

export type ScopeBlock =
  | { kind: 'paragraph'; text: string }
  /** A section left for drafting; its text is PLACEHOLDER_TEXT. Rendered as a drafting note. */
  | { kind: 'placeholder'; text: string }
  /** A note to the drafters (a caveat, an instruction), styled apart and removed with `drafting: 'omit'`. */
  | { kind: 'draftingNote'; text: string }
  | {
      kind: 'notes';
      notesKind: NotesKind;
      label: string;
      groupId?: string;
      source?: string;
      /** The group's decision and its discussion (group blocks only). */
      decision?: ScopeDecision;
      comments: ScopeComment[];
      notes: ScopeNote[];
    }
  /** The summaries teams left at a station when they rotated on. */
  | { kind: 'handoffs'; label: string; handoffs: ScopeHandoff[] }
  /** A plain table of text cells; `keyValue` tables have no header row (the title block). */
  | { kind: 'table'; header: string[]; rows: string[][]; keyValue?: boolean };

export interface ScopeSection {
  /** Stable id for anchors and scripts: "mandate", "framework-scope", "area-ex1-a1", "session-record". */
  id: string;
  /** "1", "3.1", "3.1.1", "Appendix A"; rendered before the title. */
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
  /** Time the clock stood paused during the phase. */
  pausedMs: number;
  /** Minutes added by extensions during the phase. */
  extendedMinutes: number;
  /** Working time (ended - started - paused); null while the phase still runs. */
  workedMs: number | null;
}

/** A pause, resume, extension, setup or closing, ready to print. */
export interface EventRow {
  at: number;
  kind: string;
  /** "Exercise 1, rotate, rotation 2". */
  where: string;
  detail: string;
}

export interface SessionRecord {
  phases: PhaseRow[];
  events: EventRow[];
  /** Counts exclude people the facilitator removed; those are counted apart. */
  participants: number;
  observers: number;
  facilitators: number;
  removed: number;
  notes: { total: number; room: number; observer: number; imported: number };
  comments: number;
  handoffs: number;
  exportedAt: number;
  /** Sessions of the boards this one continues (import, carry-forward), oldest first; absent when there are none. */
  earlier?: { boardTitle: string; endedAt: number; phases: PhaseRow[] }[];
}

/** One row of the CSV: a note, or a comment on a note or group (`kind`). */
export interface NoteRow {
  kind: 'note' | 'comment';
  id: string;
  exercise: string;
  /** 1-based position of the station in its exercise. */
  stationNumber: number;
  stationReference: string;
  station: string;
  /** Group label ("Unnamed group" when unnamed), or '' when the note is in no group. */
  group: string;
  text: string;
  /** '' when the board's authors are left out, and for imported notes (their source says where they came from). */
  authorName: string;
  /** '' for imported notes. */
  authorRole: Role | '';
  source: string;
  createdAt: number;
  /** Dots from a revealed dot vote; absent when the note was never in a revealed vote. */
  votes?: number;
  /** Notes: how many comments and replies they have. */
  comments?: number;
  decision: string;
  priority: string;
  /** Comments: the note or group they are about, and the comment they answer. */
  aboutId: string;
  parentId: string;
}

/** Document control: the title block and the page header. */
export interface DocumentControl {
  /** "Draft", "For review", "Final". */
  status: string;
  version: string;
  owner: string;
  /** The session's date ("15 March 2017"), or '' when no phase ran. */
  sessionDate: string;
  exportDate: string;
  /** "Europe/Copenhagen", or "UTC". */
  timeZone: string;
}

export interface ScopeDocument {
  title: string;
  /** One line under the title, in the Review Team's words. */
  subtitle: string;
  templateId: string | null;
  exportedAt: number;
  control: DocumentControl;
  /** What comes between the title and section 1: the document-control table and a drafting note. */
  front: ScopeBlock[];
  paper: Paper;
  /** False when drafting notes and placeholders were left out (`drafting: 'omit'`). */
  showDrafting: boolean;
  sections: ScopeSection[];
  /** Appendices, rendered after the numbered sections. */
  appendices: ScopeSection[];
  sessionRecord: SessionRecord;
  noteRows: NoteRow[];
  /** The validated board records the document was built from (for the JSON export), in a stable order. */
  records: Board;
}
