// What a template is: the exercises, their stations and plans, and the ground rules shown to everyone.
import type { PhasePlan } from '../model/Exercise.ts';

export interface TemplateArea {
  id: string;
  title: string;
  description: string;
  reference?: string;
}

export interface TemplateExercise {
  id: string;
  title: string;
  question: string;
  plan: PhasePlan;
  areas: TemplateArea[];
}

/** Where a station of the second exercise goes in section 5, Work of the Review Team (or 9, the Work Plan). */
export type WorkSectionKey = 'decisionMaking' | 'meetings' | 'reporting' | 'participation' | 'tools' | 'metrics' | 'workPlan';

/** A meeting after the brainstorm, for the document's Work Plan. */
export interface PlannedMeeting {
  /** "YYYY-MM-DD", or absent when not yet scheduled. */
  date?: string;
  /** For a meeting over several days: its last day, "YYYY-MM-DD". */
  endDate?: string;
  what: string;
}

/**
 * What the meeting material states, pre-filled into the scope document (Terms of Reference). Only facts: everything
 * the team still has to write stays a drafting note. A template without it leaves every such section to be drafted.
 */
export interface DocumentDefaults {
  /** The document's title: "SSR2 Review Team: Terms of Reference". */
  documentTitle: string;
  /** Who the document speaks for: "the SSR2 Review Team". */
  reviewTeam: string;
  /** Section 1, paragraph by paragraph (the Bylaws text). */
  mandate: string[];
  /** A drafting note on the mandate (e.g. to check the Bylaws text before quoting it). */
  mandateNote?: string;
  /** Section 2, paragraph by paragraph. */
  background: string[];
  /** "YYYY-MM-DD" dates of the review. */
  reviewStart?: string;
  expectedCompletion?: string;
  /** The date the Board asked for the Terms of Reference (and Work Plan) by. */
  boardDeadline?: { date: string; label: string };
  /** The review's budget, paragraph by paragraph. */
  budget?: string[];
  /** How the team decides (section 5.1). */
  decisionRule?: string;
  /** Meetings after the brainstorm, for the Work Plan. */
  meetings?: PlannedMeeting[];
  /** Second-exercise station id -> the part of section 5 (or the Work Plan) its ideas belong to. */
  workSections?: Record<string, WorkSectionKey>;
}

export interface Template {
  id: string;
  title: string;
  /** One paragraph on where the template comes from. */
  about: string;
  groundRules: string[];
  exercises: TemplateExercise[];
  /** Minimum people per team (the ground rule ">3"); the facilitator may lower it. */
  minTeamSize: number;
  /** Sections of the scope document that the export fills from the board. */
  mandate: string;
  deadline?: { label: string; date: string };
  /** The scope document's pre-filled facts; absent for a blank template (everything is then to be drafted). */
  documentDefaults?: DocumentDefaults;
}
