// The scope document's pre-filled facts a template may carry (the Terms of Reference defaults), as one zod schema.
import { z } from 'zod';

const TEXT_MAX = 4000;
const paragraph = z.string().trim().min(1).max(TEXT_MAX);
const date = z.iso.date('must be a date like 2017-03-30');

/** Where a station of the second exercise goes in section 5, Work of the Review Team (or 9, the Work Plan). */
export const WORK_SECTION_KEYS = [
  'decisionMaking',
  'meetings',
  'reporting',
  'participation',
  'tools',
  'metrics',
  'workPlan',
] as const;
export type WorkSectionKey = (typeof WORK_SECTION_KEYS)[number];

/** A meeting after the brainstorm, for the document's Work Plan. */
export const plannedMeetingSchema = z.strictObject({
  /** "YYYY-MM-DD", or absent when not yet scheduled. */
  date: date.optional(),
  /** For a meeting over several days: its last day. */
  endDate: date.optional(),
  what: paragraph,
});
export type PlannedMeeting = z.output<typeof plannedMeetingSchema>;

/**
 * What the meeting material states, pre-filled into the scope document. Only facts: everything the team still has to
 * write stays a drafting note. A template without it leaves every such section to be drafted.
 */
export const documentDefaultsSchema = z.strictObject({
  /** The document's title: "SSR2 Review Team: Terms of Reference". */
  documentTitle: paragraph,
  /** Who the document speaks for: "the SSR2 Review Team". */
  reviewTeam: paragraph,
  /** Section 1, paragraph by paragraph (the Bylaws text). */
  mandate: z.array(paragraph).max(20),
  /** A drafting note on the mandate (e.g. to check the Bylaws text before quoting it). */
  mandateNote: paragraph.optional(),
  /** Section 2, paragraph by paragraph. */
  background: z.array(paragraph).max(20),
  reviewStart: date.optional(),
  expectedCompletion: date.optional(),
  /** The date the Board asked for the Terms of Reference (and Work Plan) by. */
  boardDeadline: z.strictObject({ date, label: paragraph }).optional(),
  /** The review's budget, paragraph by paragraph. */
  budget: z.array(paragraph).max(20).optional(),
  /** How the team decides (section 5.1). */
  decisionRule: paragraph.optional(),
  /** Meetings after the brainstorm, for the Work Plan. */
  meetings: z.array(plannedMeetingSchema).max(50).optional(),
  /** Second-exercise station id -> the part of section 5 (or the Work Plan) its ideas belong to. */
  workSections: z.record(z.string().max(64), z.enum(WORK_SECTION_KEYS)).optional(),
});
export type DocumentDefaults = z.output<typeof documentDefaultsSchema>;
