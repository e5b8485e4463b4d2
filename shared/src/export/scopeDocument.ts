// Board -> scope document: the Terms of Reference outline, filled from the board and its template, pure and deterministic.
import type { Board } from '../doc/readBoard.ts';
import type { Exercise } from '../model/Exercise.ts';
import type { Note } from '../model/Note.ts';
import type { Participant } from '../model/Participant.ts';
import { getTemplate } from '../templates/templates.ts';
import type { Template } from '../templates/Template.ts';
import { areaSection, groupLabel, noteOrigin } from './areaSection.ts';
import { compareNotes, compareText } from './compareText.ts';
import { longDate, readableUtc } from './formatTime.ts';
import { buildSessionRecord, sessionRecordSection } from './sessionRecord.ts';
import { PLACEHOLDER_TEXT, type NoteRow, type ScopeBlock, type ScopeDocument, type ScopeSection } from './ScopeModel.ts';

export interface ScopeDocumentOptions {
  /** The export time (epoch ms), passed in so the document is a pure function of its inputs. */
  exportedAt: number;
  /** Defaults to the board's template (board.meta.templateId); a board without one gets placeholders instead. */
  template?: Template;
}

function section(id: string, number: string, title: string, blocks: ScopeBlock[], subsections: ScopeSection[] = []): ScopeSection {
  return { id, number, title, isPlaceholder: blocks.some((b) => b.kind === 'placeholder'), blocks, subsections };
}

const placeholder = (): ScopeBlock => ({ kind: 'placeholder', text: PLACEHOLDER_TEXT });
const paragraph = (text: string): ScopeBlock => ({ kind: 'paragraph', text });

/** An exercise's stations as numbered subsections ("3.a.1", "5.1"); a missing exercise leaves a placeholder. */
function exerciseContent(board: Board, exercise: Exercise | undefined, numberPrefix: string): { blocks: ScopeBlock[]; subsections: ScopeSection[] } {
  if (!exercise) return { blocks: [placeholder()], subsections: [] };
  const areas = board.areas.filter((a) => a.exerciseId === exercise.id);
  const blocks: ScopeBlock[] = [paragraph(`${exercise.title}. ${exercise.question}`.trim())];
  if (areas.length === 0) blocks.push(placeholder());
  const subsections = areas.map((area, index) =>
    areaSection(
      area,
      `${numberPrefix}${index + 1}`,
      board.notes.filter((n) => n.areaId === area.id),
      board.groups.filter((g) => g.areaId === area.id),
    ),
  );
  return { blocks, subsections };
}

/** Section 4.c: points at the input from outside the room, which stays under each station. */
function consultationBlocks(notes: readonly Note[]): ScopeBlock[] {
  const blocks: ScopeBlock[] = [];
  const sources = new Map<string, number>();
  for (const note of notes) if (note.source !== undefined) sources.set(note.source, (sources.get(note.source) ?? 0) + 1);
  for (const source of [...sources.keys()].sort(compareText)) {
    const count = sources.get(source) ?? 0;
    blocks.push(paragraph(`${source}: ${count} ${count === 1 ? 'note' : 'notes'}, shown under each station as "Imported input".`));
  }
  const observerCount = notes.filter((n) => noteOrigin(n) === 'observer').length;
  if (observerCount > 0) {
    blocks.push(paragraph(`Observers: ${observerCount} ${observerCount === 1 ? 'note' : 'notes'}, shown under each station as "Observer input".`));
  }
  blocks.push(placeholder());
  return blocks;
}

function noteRows(board: Board): NoteRow[] {
  const exercises = new Map(board.exercises.map((e) => [e.id, e]));
  const groups = new Map(board.groups.map((g) => [g.id, g]));
  const rows: NoteRow[] = [];
  // board.areas is sorted by order within the board; exercises come first so rows follow the document.
  const areas = [...board.areas].sort(
    (a, b) => (exercises.get(a.exerciseId)?.order ?? 0) - (exercises.get(b.exerciseId)?.order ?? 0),
  );
  for (const area of areas) {
    const notes = board.notes.filter((n) => n.areaId === area.id).sort(compareNotes);
    for (const note of notes) {
      const group = note.groupId === undefined ? undefined : groups.get(note.groupId);
      rows.push({
        id: note.id,
        exercise: exercises.get(area.exerciseId)?.title ?? area.exerciseId,
        station: area.title,
        group: group ? groupLabel(group) : '',
        text: note.text,
        authorRole: note.authorRole,
        source: note.source ?? '',
        createdAt: note.createdAt,
        ...(note.votes === undefined ? {} : { votes: note.votes }),
      });
    }
  }
  return rows;
}

const byJoined = (a: Participant, b: Participant) => a.joinedAt - b.joinedAt || compareText(a.id, b.id);

/**
 * Builds the scope document of a board: the Terms of Reference outline (1 Mandate ... 8 Timeline) with Exercise 1
 * as 3.a Scope and Exercise 2 as 5 Work of the Review Team, placeholders where the board says nothing, and the
 * appendix "Session record". The same board and options always give the same document.
 */
export function buildScopeDocument(board: Board, options: ScopeDocumentOptions): ScopeDocument {
  const template = options.template ?? (board.meta ? getTemplate(board.meta.templateId) : undefined);
  const [first, second, ...further] = board.exercises;
  const scope = exerciseContent(board, first, '3.a.');
  const work = exerciseContent(board, second, '5.');
  const title = board.meta?.title ?? 'Untitled board';

  const sections: ScopeSection[] = [
    section('mandate', '1', 'Mandate', template ? [paragraph(template.mandate)] : [placeholder()]),
    section('background', '2', 'Background', [...(template ? [paragraph(template.about)] : []), placeholder()]),
    section('framework', '3', 'Framework', [], [
      section('framework-scope', '3.a', 'Scope', scope.blocks, scope.subsections),
      section('framework-data', '3.b', 'Data and metrics', [placeholder()]),
      section('framework-reports', '3.c', 'ICANN evaluation reports', [placeholder()]),
      section('framework-definitions', '3.d', 'Definitions', [placeholder()]),
    ]),
    section('process', '4', 'Process', [], [
      section('process-communications', '4.a', 'Communications and transparency', [placeholder()]),
      section('process-staff', '4.b', 'ICANN staff input', [placeholder()]),
      section('process-consultations', '4.c', 'Community consultations', consultationBlocks(board.notes)),
    ]),
    section('work', '5', 'Work of the Review Team', work.blocks, work.subsections),
    section('deliverables', '6', 'Deliverables', [placeholder()]),
    section('conflicts', '7', 'Conflicts of interest', [placeholder()]),
    section('timeline', '8', 'Timeline', [
      ...(template?.deadline ? [paragraph(`${longDate(template.deadline.date)}: ${template.deadline.label}.`)] : []),
      placeholder(),
    ]),
  ];

  const sessionRecord = buildSessionRecord(board, options.exportedAt);
  const appendices = [sessionRecordSection(sessionRecord)];
  if (further.length > 0) {
    appendices.push(
      section('further-exercises', 'Appendix B', 'Further exercises', [], further.map((exercise, index) => {
        const content = exerciseContent(board, exercise, `B.${index + 1}.`);
        return section(`exercise-${exercise.id}`, `B.${index + 1}`, exercise.title, content.blocks, content.subsections);
      })),
    );
  }

  return {
    title,
    subtitle:
      `Terms of Reference draft from the board's notes` +
      (template ? ` (template: ${template.title})` : '') +
      `, exported ${readableUtc(options.exportedAt)}.`,
    templateId: board.meta?.templateId ?? null,
    exportedAt: options.exportedAt,
    sections,
    appendices,
    sessionRecord,
    noteRows: noteRows(board),
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
