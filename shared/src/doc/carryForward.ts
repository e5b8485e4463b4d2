// Copies a board's content into a fresh doc: the next meeting starts from everything the last one left.
import type * as Y from 'yjs';
import { FORMAT_VERSION, type Meta } from '../model/Meta.ts';
import type { TemplateInfo } from '../templates/templateInfo.ts';
import { continuedHistory } from '../import/earlierSessions.ts';
import type { Board } from './readBoard.ts';
import { boardMaps, toRecordMap, type BoardMaps, type Origin } from './boardDoc.ts';
import { planRecord } from '../phases/planPhases.ts';

export interface CarryForwardInput {
  title: string;
  createdAt: number;
  templateId: string;
  /** When the source session ended (its export or carry-forward time), for "Earlier sessions". */
  endedAt: number;
}

/** The meta of a board being made (template, import, carry-forward); call inside the transaction. */
export function writeNewMeta(
  maps: BoardMaps,
  meta: {
    title: string;
    templateId: string;
    createdAt: number;
    groundRules: readonly string[];
    minTeamSize: number | undefined;
    timeZone?: string | undefined;
    templateInfo?: TemplateInfo | undefined;
    /** The document's control block the facilitator set (carried forward and imported with the board). */
    documentControl?: Pick<Meta, 'documentStatus' | 'documentVersion' | 'documentOwner'> | undefined;
  },
): void {
  maps.meta.set('formatVersion', FORMAT_VERSION);
  maps.meta.set('title', meta.title);
  maps.meta.set('templateId', meta.templateId);
  maps.meta.set('createdAt', meta.createdAt);
  maps.meta.set('groundRules', [...meta.groundRules]);
  if (meta.minTeamSize !== undefined) maps.meta.set('minTeamSize', meta.minTeamSize);
  if (meta.timeZone !== undefined) maps.meta.set('timeZone', meta.timeZone);
  if (meta.templateInfo !== undefined) maps.meta.set('templateInfo', meta.templateInfo);
  for (const [key, value] of Object.entries(meta.documentControl ?? {}))
    if (value !== undefined) maps.meta.set(key, value);
}

/** Session settings a facilitator chose for the room; the state of a running phase is not carried. */
const CARRIED_SETTINGS = [
  'observersMayPost',
  'participantsMayExport',
  'privatePosting',
  'votingEnabled',
  'votesPerPerson',
] as const;

/**
 * Fills an empty doc with a board's validated records and a fresh session (setup, first exercise): exercises,
 * stations, notes (with their vote totals), groups, comments, hand-offs, ground rules, the minimum team size and
 * the earlier sessions' logs, to which the source's own log is added. Notes keep their authors' names; people are
 * not carried over (everyone joins again with new links).
 */
export function carryForward(
  source: Board,
  target: Y.Doc,
  input: CarryForwardInput,
  origin: Origin = 'template',
): void {
  const maps = boardMaps(target);
  target.transact(() => {
    writeNewMeta(maps, {
      ...input,
      groundRules: source.groundRules,
      minTeamSize: source.minTeamSize,
      timeZone: source.meta?.timeZone,
      templateInfo: source.meta?.templateInfo,
      documentControl: source.meta
        ? {
            documentStatus: source.meta.documentStatus,
            documentVersion: source.meta.documentVersion,
            documentOwner: source.meta.documentOwner,
          }
        : undefined,
    });
    const history = continuedHistory(
      {
        title: source.meta?.title ?? 'Untitled board',
        earlierSessions: source.earlierSessions,
        log: source.session.log,
      },
      input.endedAt,
    );
    if (history.length > 0) maps.meta.set('earlierSessions', history);
    for (const exercise of source.exercises)
      maps.exercises.set(exercise.id, toRecordMap({ ...exercise, plan: planRecord(exercise.plan) }));
    for (const area of source.areas) maps.areas.set(area.id, toRecordMap(area));
    for (const group of source.groups) maps.groups.set(group.id, toRecordMap(group));
    for (const note of source.notes) maps.notes.set(note.id, toRecordMap(note));
    for (const comment of source.comments) maps.comments.set(comment.id, toRecordMap(comment));
    for (const handoff of source.handoffs) maps.handoffs.set(handoff.id, toRecordMap(handoff));
    for (const decision of source.decisions) maps.decisions.set(decision.id, toRecordMap(decision));
    maps.session.set('phase', 'setup');
    maps.session.set('exerciseId', source.exercises[0]?.id ?? null);
    for (const key of CARRIED_SETTINGS) maps.session.set(key, source.session[key]);
  }, origin);
}
