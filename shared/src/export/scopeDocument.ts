// Board -> scope document: the Terms of Reference, filled from the board and its template, pure and deterministic.
import type { Board } from '../doc/readBoard.ts';
import type { Participant } from '../model/Participant.ts';
import type { Template } from '../templates/Template.ts';
import { boardTemplateInfo, templateInfoOf } from '../templates/templateInfo.ts';
import { listsNotes } from './areaSection.ts';
import { boardClock } from './BoardClock.ts';
import { compareText } from './compareText.ts';
import { DOCUMENT_STATUSES, type ExportChoices } from './exportOptions.ts';
import { buildIdeaDetails } from './ideaDetails.ts';
import { noteRows } from './noteRows.ts';
import { outlineSections, paragraph, section, stationSections } from './outline.ts';
import { buildSessionRecord, sessionRecordSection } from './sessionRecord.ts';
import type { NoteRow, ScopeBlock, ScopeDocument, ScopeSection } from './ScopeModel.ts';

export interface ScopeDocumentOptions extends ExportChoices {
  /** The export time (epoch ms), passed in so the document is a pure function of its inputs. */
  exportedAt: number;
  /**
   * Defaults to the template facts the board keeps (meta.templateInfo), else its catalogue template's; a board
   * without either gets drafting placeholders instead.
   */
  template?: Template;
}

const byJoined = (a: Participant, b: Participant) => a.joinedAt - b.joinedAt || compareText(a.id, b.id);

const APPENDIX_LETTERS = 'ABCDEFGH';

/** Removes drafting notes and placeholders everywhere (the "omit drafting notes" copy). */
function withoutDrafting(s: ScopeSection): ScopeSection {
  return {
    ...s,
    blocks: s.blocks.filter((b) => b.kind !== 'placeholder' && b.kind !== 'draftingNote'),
    subsections: s.subsections.map(withoutDrafting),
  };
}

/** Renumbers an appendix and its subsections under its letter ("B", "B.1", "B.1.2"). */
function lettered(s: ScopeSection, letter: string): ScopeSection {
  const renumber = (child: ScopeSection, prefix: string, index: number): ScopeSection => {
    const number = `${prefix}.${index + 1}`;
    return { ...child, number, subsections: child.subsections.map((c, i) => renumber(c, number, i)) };
  };
  return { ...s, number: `Appendix ${letter}`, subsections: s.subsections.map((c, i) => renumber(c, letter, i)) };
}

/**
 * Builds the scope document of a board: a title block (document control), the Terms of Reference outline
 * (1 Mandate ... 9 Work Plan) with Exercise 1 as 3.1 Scope and Exercise 2 in 5 and 9, drafting notes where the board
 * says nothing, and the appendices "Other ideas raised", "Session record" and "Further exercises".
 */
export function buildScopeDocument(board: Board, options: ScopeDocumentOptions): ScopeDocument {
  const template = options.template ? templateInfoOf(options.template) : boardTemplateInfo(board);
  const defaults = template?.documentDefaults;
  const clock = boardClock(options.timeZone ?? board.meta?.timeZone);
  const details = buildIdeaDetails(board, clock);
  const [, , ...further] = board.exercises;
  const showDrafting = options.drafting !== 'omit';

  const sections = outlineSections(board, details, template);
  const appendices: ScopeSection[] = [];
  // Ideas not marked in scope, for every exercise that has decisions: nothing raised is lost.
  const decided = board.exercises.slice(0, 2).filter((e) => details.decidedExercises.has(e.id));
  if (decided.length > 0) {
    appendices.push(
      section(
        'other-ideas',
        '',
        'Other ideas raised',
        [
          paragraph(
            'Ideas raised in the brainstorm that were not marked in scope: out of scope, parked, merged into another idea, or not yet decided.',
          ),
        ],
        decided.map((exercise) =>
          section(
            `other-${exercise.id}`,
            '',
            exercise.title,
            [],
            stationSections(board, details, exercise, '', 'other', 'other-area-').filter(listsNotes),
          ),
        ),
      ),
    );
  }
  const sessionRecord = buildSessionRecord(board, options.exportedAt);
  appendices.push(sessionRecordSection(sessionRecord, clock));
  if (further.length > 0) {
    appendices.push(
      section(
        'further-exercises',
        '',
        'Further exercises',
        [],
        further.map((exercise) =>
          section(
            `exercise-${exercise.id}`,
            '',
            exercise.title,
            [paragraph(`${exercise.title}. ${exercise.question}`.trim())],
            stationSections(board, details, exercise, '', 'all'),
          ),
        ),
      ),
    );
  }

  const facilitator = [...board.participants].sort(byJoined).find((p) => p.role === 'facilitator' && !p.isRemoved);
  // A board that continues another and has not run yet dates its document by the session it continues.
  const firstPhase =
    board.session.log[0] ?? board.earlierSessions?.findLast((earlier) => earlier.log.length > 0)?.log[0];
  const title = defaults?.documentTitle ?? board.meta?.title ?? 'Untitled board';
  const control = {
    // The export's choice, else what the facilitator set on the board, else the defaults.
    status: DOCUMENT_STATUSES[options.status ?? board.meta?.documentStatus ?? 'draft'],
    version: options.version ?? board.meta?.documentVersion ?? '0.1',
    owner: options.owner ?? board.meta?.documentOwner ?? facilitator?.name ?? '',
    sessionDate: firstPhase ? clock.longDate(firstPhase.startedAt) : '',
    exportDate: clock.longDate(options.exportedAt),
    timeZone: clock.timeZone,
  };
  const front: ScopeBlock[] = [
    {
      kind: 'table',
      keyValue: true,
      header: [],
      rows: [
        ['Status', control.status],
        ['Version', control.version],
        ['Owner', control.owner || 'Not named'],
        ['Session date', control.sessionDate || 'No session run yet'],
        ['Date of this version', control.exportDate],
      ],
    },
  ];
  if (showDrafting) {
    front.push({
      kind: 'draftingNote',
      text:
        `Drafting note: prepared from the brainstorm board “${board.meta?.title ?? 'Untitled board'}”. ` +
        'Text marked as a drafting note, and every “To be drafted.”, is for the drafters: remove them all at once by exporting without drafting notes.',
    });
  }
  let rows: NoteRow[] | undefined;
  const finalSections = showDrafting ? sections : sections.map(withoutDrafting);
  const finalAppendices = appendices.map((a, i) =>
    lettered(showDrafting ? a : withoutDrafting(a), APPENDIX_LETTERS[i] ?? String(i + 1)),
  );
  return {
    title,
    subtitle: defaults
      ? `Terms of Reference and Work Plan of ${defaults.reviewTeam}.`
      : `Terms of Reference drafted from the board \u201c${board.meta?.title ?? 'Untitled board'}\u201d.`,
    templateId: board.meta?.templateId ?? null,
    exportedAt: options.exportedAt,
    control,
    front,
    paper: options.paper ?? 'a4',
    showDrafting,
    sections: finalSections,
    appendices: finalAppendices,
    sessionRecord,
    // Built when read: only the CSV, DOCX and JSON renderers use the rows, and at 20,000 notes they are a quarter
    // of the document's cost. An enumerable getter, so JSON.stringify and spreads still see a plain field in place.
    get noteRows() {
      rows ??= noteRows(board, details, options.authors !== 'omit');
      return rows;
    },
    records: { ...board, participants: [...board.participants].sort(byJoined) },
  };
}

/** Every section of the document in reading order (numbered sections, then appendices), depth first, with depth 1 at the top. */
export function walkSections(document: ScopeDocument): { section: ScopeSection; depth: number }[] {
  const out: { section: ScopeSection; depth: number }[] = [];
  const visit = (s: ScopeSection, depth: number) => {
    out.push({ section: s, depth });
    for (const child of s.subsections) visit(child, depth + 1);
  };
  for (const s of [...document.sections, ...document.appendices]) visit(s, 1);
  return out;
}
