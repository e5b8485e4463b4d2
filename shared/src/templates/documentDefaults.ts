// The scope document's pre-filled facts a template may carry (the Terms of Reference defaults), as one zod schema.
import { z } from '../model/zod.ts';

const TEXT_MAX = 4000;
const paragraph = z.string().check(z.trim(), z.minLength(1), z.maxLength(TEXT_MAX));
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
  date: z.optional(date),
  /** For a meeting over several days: its last day. */
  endDate: z.optional(date),
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
  mandate: z.array(paragraph).check(z.maxLength(20)),
  /** A drafting note on the mandate (e.g. to check the Bylaws text before quoting it). */
  mandateNote: z.optional(paragraph),
  /** Section 2, paragraph by paragraph. */
  background: z.array(paragraph).check(z.maxLength(20)),
  reviewStart: z.optional(date),
  expectedCompletion: z.optional(date),
  /** The date the Board asked for the Terms of Reference (and Work Plan) by. */
  boardDeadline: z.optional(z.strictObject({ date, label: paragraph })),
  /** The review's budget, paragraph by paragraph. */
  budget: z.optional(z.array(paragraph).check(z.maxLength(20))),
  /** How the team decides (section 5.1). */
  decisionRule: z.optional(paragraph),
  /** Meetings after the brainstorm, for the Work Plan. */
  meetings: z.optional(z.array(plannedMeetingSchema).check(z.maxLength(50))),
  /** Second-exercise station id -> the part of section 5 (or the Work Plan) its ideas belong to. */
  workSections: z.optional(z.record(z.string().check(z.maxLength(64)), z.enum(WORK_SECTION_KEYS))),
});
export type DocumentDefaults = z.output<typeof documentDefaultsSchema>;
