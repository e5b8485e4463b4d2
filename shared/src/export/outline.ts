// The numbered sections of the Terms of Reference (1 Mandate ... 9 Work Plan), filled from the board and the template.
import type { Board } from '../doc/readBoard.ts';
import type { Exercise } from '../model/Exercise.ts';
import type { Note } from '../model/Note.ts';
import type { DocumentDefaults, WorkSectionKey } from '../templates/Template.ts';
import type { TemplateInfo } from '../templates/templateInfo.ts';
import { areaSection, listsNotes, noteOrigin, type AreaView } from './areaSection.ts';
import type { BoardClock } from './BoardClock.ts';
import { compareText } from './compareText.ts';
import { longDate } from './formatTime.ts';
import type { IdeaDetails } from './ideaDetails.ts';
import { PLACEHOLDER_TEXT, type ScopeBlock, type ScopeSection } from './ScopeModel.ts';

export function section(
  id: string,
  number: string,
  title: string,
  blocks: ScopeBlock[],
  subsections: ScopeSection[] = [],
): ScopeSection {
  return { id, number, title, isPlaceholder: blocks.some((b) => b.kind === 'placeholder'), blocks, subsections };
}

export const placeholder = (): ScopeBlock => ({ kind: 'placeholder', text: PLACEHOLDER_TEXT });
export const paragraph = (text: string): ScopeBlock => ({ kind: 'paragraph', text });
const draftingNote = (text: string): ScopeBlock => ({ kind: 'draftingNote', text });

/** The stations of an exercise as numbered sections ("3.1.1" ...), in the given view. */
export function stationSections(
  board: Board,
  details: IdeaDetails,
  exercise: Exercise,
  prefix: string,
  view: AreaView,
  idPrefix?: string,
  only?: ReadonlySet<string>,
): ScopeSection[] {
  const areas = board.areas.filter((a) => a.exerciseId === exercise.id && (!only || only.has(a.id)));
  return areas.map((area, index) =>
    areaSection({
      area,
      number: `${prefix}${index + 1}`,
      ...details.station(area.id),
      details,
      view,
      ...(idPrefix ? { idPrefix } : {}),
    }),
  );
}

/** The view an exercise's stations take in the body: split by decisions only once some were made. */
export function bodyView(details: IdeaDetails, exercise: Exercise): AreaView {
  return details.decidedExercises.has(exercise.id) ? 'scope' : 'all';
}

function exerciseIntro(exercise: Exercise): ScopeBlock[] {
  return [paragraph(`${exercise.title}. ${exercise.question}`.trim())];
}

/** Section 4.3: points at the input from outside the room, which stays under each station. */
function consultationBlocks(notes: readonly Note[]): ScopeBlock[] {
  const blocks: ScopeBlock[] = [];
  const sources = new Map<string, number>();
  for (const note of notes)
    if (note.source !== undefined) sources.set(note.source, (sources.get(note.source) ?? 0) + 1);
  for (const source of [...sources.keys()].sort(compareText)) {
    const count = sources.get(source) ?? 0;
    blocks.push(
      paragraph(
        `${source}: ${count} ${count === 1 ? 'point' : 'points'}, listed under each area as \u201cImported input\u201d.`,
      ),
    );
  }
  const observerCount = notes.filter((n) => noteOrigin(n) === 'observer').length;
  if (observerCount > 0) {
    blocks.push(
      paragraph(
        `Observers: ${observerCount} ${observerCount === 1 ? 'point' : 'points'}, listed under each area as \u201cObserver input\u201d.`,
      ),
    );
  }
  blocks.push(placeholder());
  return blocks;
}

const WORK_PARTS: { key: WorkSectionKey; id: string; title: string }[] = [
  { key: 'decisionMaking', id: 'work-decision-making', title: 'Decision-making' },
  { key: 'meetings', id: 'work-meetings', title: 'Meetings' },
  { key: 'reporting', id: 'work-reporting', title: 'Reporting' },
  { key: 'participation', id: 'work-participation', title: 'Participation' },
  { key: 'tools', id: 'work-tools', title: 'Tools and means of communication' },
  { key: 'metrics', id: 'work-metrics', title: 'Indicators and metrics' },
];

/** Section 5 in the outline's parts, each with the second exercise's stations that belong to it. */
function workSection(
  board: Board,
  details: IdeaDetails,
  exercise: Exercise | undefined,
  defaults: DocumentDefaults | undefined,
): ScopeSection {
  const map = defaults?.workSections ?? {};
  const stationsFor = (key: WorkSectionKey | undefined, prefix: string) =>
    exercise
      ? stationSections(
          board,
          details,
          exercise,
          prefix,
          bodyView(details, exercise),
          undefined,
          new Set(board.areas.filter((a) => a.exerciseId === exercise.id && map[a.id] === key).map((a) => a.id)),
        )
      : [];
  const parts = WORK_PARTS.map(({ key, id, title }, index) => {
    const number = `5.${index + 1}`;
    const stations = stationsFor(key, `${number}.`);
    const blocks: ScopeBlock[] = [];
    if (key === 'decisionMaking' && defaults?.decisionRule) blocks.push(paragraph(defaults.decisionRule));
    if (blocks.length === 0) blocks.push(placeholder());
    return section(id, number, title, blocks, stations);
  });
  // Stations the template does not place (a facilitator's own) keep their own part, so no note is left out.
  const unplaced = exercise
    ? board.areas.filter((a) => a.exerciseId === exercise.id && map[a.id] === undefined).map((a) => a.id)
    : [];
  if (exercise && unplaced.length > 0) {
    const number = `5.${parts.length + 1}`;
    parts.push(
      section(
        'work-other',
        number,
        'Other working arrangements',
        [],
        stationSections(
          board,
          details,
          exercise,
          `${number}.`,
          bodyView(details, exercise),
          undefined,
          new Set(unplaced),
        ),
      ),
    );
  }
  return section('work', '5', 'Work of the Review Team', exercise ? exerciseIntro(exercise) : [placeholder()], parts);
}

/** Section 8: the dates the material gives. */
function timelineBlocks(template: TemplateInfo | undefined): ScopeBlock[] {
  const d = template?.documentDefaults;
  const deadline = d?.boardDeadline ?? template?.deadline;
  const blocks: ScopeBlock[] = [];
  if (d?.reviewStart) blocks.push(paragraph(`${longDate(d.reviewStart)}: the review started.`));
  if (deadline) blocks.push(paragraph(`${longDate(deadline.date)}: ${deadline.label}.`));
  if (d?.expectedCompletion)
    blocks.push(paragraph(`${longDate(d.expectedCompletion)}: expected completion of the review.`));
  blocks.push(placeholder());
  return blocks;
}

/** Section 9: the Work Plan, from the template's dates and meetings and the board's own session. */
function workPlanSection(
  board: Board,
  details: IdeaDetails,
  clock: BoardClock,
  exercise: Exercise | undefined,
  template: TemplateInfo | undefined,
): ScopeSection {
  const d = template?.documentDefaults;
  const rows: { date: string; endDate?: string; what: string }[] = [];
  if (d?.reviewStart) rows.push({ date: d.reviewStart, what: 'Review starts' });
  for (const meeting of d?.meetings ?? [])
    rows.push({
      date: meeting.date ?? '',
      ...(meeting.endDate ? { endDate: meeting.endDate } : {}),
      what: meeting.what,
    });
  // The first phase ever run on this board's line of sessions (an imported or carried-forward board keeps it as history).
  const first = [...(board.earlierSessions ?? []).map((e) => e.log), board.session.log].flat()[0];
  if (first) {
    const day = clock.date(first.startedAt);
    const same = rows.find((r) => r.date === day && !r.endDate);
    if (same) same.what = `${same.what} (brainstorm on this board)`;
    else rows.push({ date: day, what: `Brainstorm on this board: ${board.meta?.title ?? 'untitled'}` });
  }
  const deadline = d?.boardDeadline ?? template?.deadline;
  if (deadline) rows.push({ date: deadline.date, what: deadline.label });
  if (d?.expectedCompletion) rows.push({ date: d.expectedCompletion, what: 'Expected completion of the review' });
  // Dated rows by date (ISO dates sort as text); unscheduled meetings last.
  const sorted = [
    ...rows.filter((r) => r.date !== '').sort((a, b) => compareText(a.date, b.date)),
    ...rows.filter((r) => r.date === ''),
  ];
  const when = (r: { date: string; endDate?: string }) =>
    r.date === '' ? 'To be scheduled' : r.endDate ? `${longDate(r.date)} to ${longDate(r.endDate)}` : longDate(r.date);
  const blocks: ScopeBlock[] = [];
  if (sorted.length > 0)
    blocks.push({
      kind: 'table',
      header: ['When', 'Milestone or meeting'],
      rows: sorted.map((r) => [when(r), r.what]),
    });
  for (const text of d?.budget ?? []) blocks.push(paragraph(`Budget: ${text}`));
  blocks.push(draftingNote('Add the work streams, their leads and the dates of interim and final reports.'));
  blocks.push(placeholder());
  const map = d?.workSections ?? {};
  const stations = exercise
    ? stationSections(
        board,
        details,
        exercise,
        '9.',
        bodyView(details, exercise),
        undefined,
        new Set(board.areas.filter((a) => a.exerciseId === exercise.id && map[a.id] === 'workPlan').map((a) => a.id)),
      )
    : [];
  return section('work-plan', '9', 'Work Plan', blocks, stations);
}

/** Sections 1 to 9. */
export function outlineSections(
  board: Board,
  details: IdeaDetails,
  template: TemplateInfo | undefined,
): ScopeSection[] {
  const d = template?.documentDefaults;
  const [first, second] = board.exercises;
  const scopeBlocks = first ? exerciseIntro(first) : [placeholder()];
  const scopeStations = first ? stationSections(board, details, first, '3.1.', bodyView(details, first)) : [];
  if (first && scopeStations.length === 0) scopeBlocks.push(placeholder());
  if (first && bodyView(details, first) === 'scope') {
    scopeBlocks.push(
      paragraph(
        'The ideas below are those the Review Team marked in scope, highest priority first; every other idea raised is kept in the appendix \u201cOther ideas raised\u201d.',
      ),
    );
  } else if (first && scopeStations.some(listsNotes)) {
    scopeBlocks.push(
      draftingNote(
        'No decisions have been recorded yet: every idea raised is listed. Mark ideas in scope, out of scope or parked on the board to separate them.',
      ),
    );
  }
  return [
    section(
      'mandate',
      '1',
      'Mandate',
      d ? [...d.mandate.map(paragraph), ...(d.mandateNote ? [draftingNote(d.mandateNote)] : [])] : [placeholder()],
    ),
    section('background', '2', 'Background', d ? d.background.map(paragraph) : [placeholder()]),
    section(
      'framework',
      '3',
      'Framework',
      [],
      [
        section('framework-scope', '3.1', 'Scope', scopeBlocks, scopeStations),
        section('framework-data', '3.2', 'Data and metrics', [placeholder()]),
        section('framework-reports', '3.3', 'ICANN evaluation reports', [placeholder()]),
        section('framework-definitions', '3.4', 'Definitions', [placeholder()]),
      ],
    ),
    section(
      'process',
      '4',
      'Process',
      [],
      [
        section('process-communications', '4.1', 'Communications and transparency', [placeholder()]),
        section('process-staff', '4.2', 'ICANN staff input', [placeholder()]),
        section('process-consultations', '4.3', 'Community consultations', consultationBlocks(board.notes)),
      ],
    ),
    workSection(board, details, second, d),
    section(
      'deliverables',
      '6',
      'Deliverables',
      [],
      [
        section('deliverables-interim', '6.1', 'Interim recommendations', [placeholder()]),
        section('deliverables-findings', '6.2', 'Findings', [placeholder()]),
        section('deliverables-final', '6.3', 'Final recommendations', [placeholder()]),
        section('deliverables-next', '6.4', 'Recommendations to the next review team', [placeholder()]),
      ],
    ),
    section('conflicts', '7', 'Conflicts of interest', [placeholder()]),
    section('timeline', '8', 'Timeline', timelineBlocks(template)),
    workPlanSection(board, details, details.clock, second, template),
  ];
}
