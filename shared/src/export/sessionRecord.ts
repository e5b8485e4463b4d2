// The appendix "Session record": how the session actually ran, who took part, how much was written.
import type { Board } from '../doc/readBoard.ts';
import { noteOrigin } from './areaSection.ts';
import { formatMinutes, readableUtc } from './formatTime.ts';
import type { PhaseRow, ScopeBlock, ScopeSection, SessionRecord } from './ScopeModel.ts';

const MINUTE_MS = 60_000;

/** The phase log rows, exercise titles from this board (an import or carry-forward keeps exercise ids). */
function phaseRows(board: Board, log: Board['session']['log']): PhaseRow[] {
  const exerciseTitles = new Map(board.exercises.map((e) => [e.id, e.title]));
  return log.map((entry) => ({
    exercise: exerciseTitles.get(entry.exerciseId) ?? entry.exerciseId,
    phase: entry.phase,
    rotation: entry.rotation ?? null,
    startedAt: entry.startedAt,
    endedAt: entry.endedAt,
    plannedMinutes: entry.plannedMs === null ? null : entry.plannedMs / MINUTE_MS,
    actualMinutes: entry.endedAt === null ? null : Math.max(0, entry.endedAt - entry.startedAt) / MINUTE_MS,
  }));
}

/** Collects the record from the board: the phase log in the order the server wrote it, and the counts. */
export function buildSessionRecord(board: Board, exportedAt: number): SessionRecord {
  const phases = phaseRows(board, board.session.log);
  const earlier = (board.earlierSessions ?? []).map((s) => ({ boardTitle: s.boardTitle, endedAt: s.endedAt, phases: phaseRows(board, s.log) }));
  // Removed people are counted apart: they took part, but are no longer on the board.
  const present = board.participants.filter((p) => !p.isRemoved);
  const count = (role: string) => present.filter((p) => p.role === role).length;
  const origins = board.notes.map(noteOrigin);
  return {
    phases,
    participants: count('participant'),
    observers: count('observer'),
    facilitators: count('facilitator'),
    removed: board.participants.length - present.length,
    notes: {
      total: board.notes.length,
      room: origins.filter((o) => o === 'room').length,
      observer: origins.filter((o) => o === 'observer').length,
      imported: origins.filter((o) => o === 'imported').length,
    },
    exportedAt,
    ...(earlier.length > 0 ? { earlier } : {}),
  };
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const PHASE_HEADER = ['Exercise', 'Phase', 'Rotation', 'Started', 'Ended', 'Planned (min)', 'Actual (min)'];

/** The record as an appendix section: a table of phases and a few plain sentences. */
export function sessionRecordSection(record: SessionRecord): ScopeSection {
  const blocks: ScopeBlock[] = [];
  const last = record.earlier?.at(-1);
  if (last) {
    blocks.push({ kind: 'paragraph', text: `This board continues "${last.boardTitle}" (its session ended ${readableUtc(last.endedAt)}); earlier sessions are kept below as history.` });
  }
  blocks.push(phaseTable(record.phases));
  const n = record.notes;
  blocks.push(
    {
      kind: 'paragraph',
      text:
        `People: ${counted(record.participants, 'participant', 'participants')}, ` +
        `${counted(record.observers, 'observer', 'observers')}, ${counted(record.facilitators, 'facilitator', 'facilitators')}` +
        ` (not counting ${record.removed} removed).`,
    },
    {
      kind: 'paragraph',
      text: `Notes: ${counted(n.total, 'note', 'notes')} in all: ${n.room} from the room, ${n.observer} from observers, ${n.imported} imported.`,
    },
    { kind: 'paragraph', text: `Exported: ${readableUtc(record.exportedAt)}.` },
  );
  const subsections: ScopeSection[] = record.earlier?.length
    ? [{
        id: 'earlier-sessions',
        number: 'A.1',
        title: 'Earlier sessions',
        isPlaceholder: false,
        blocks: record.earlier.flatMap((session): ScopeBlock[] => [
          { kind: 'paragraph', text: `"${session.boardTitle}", ended ${readableUtc(session.endedAt)} (history, not this session):` },
          phaseTable(session.phases),
        ]),
        subsections: [],
      }]
    : [];
  return { id: 'session-record', number: 'Appendix A', title: 'Session record', isPlaceholder: false, blocks, subsections };
}

/** The phases as a table, or a sentence when none ran. */
function phaseTable(phases: readonly PhaseRow[]): ScopeBlock {
  if (phases.length === 0) return { kind: 'paragraph', text: 'No phase has been run on this board yet.' };
  return {
    kind: 'table',
    header: PHASE_HEADER,
    rows: phases.map((row) => [
      row.exercise,
      row.phase,
      row.rotation === null ? '' : String(row.rotation),
      readableUtc(row.startedAt),
      row.endedAt === null ? 'still running' : readableUtc(row.endedAt),
      row.plannedMinutes === null ? '' : formatMinutes(row.plannedMinutes),
      row.actualMinutes === null ? '' : formatMinutes(row.actualMinutes),
    ]),
  };
}
