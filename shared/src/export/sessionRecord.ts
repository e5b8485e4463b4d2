// The appendix "Session record": how the session actually ran (to the second, pauses and extensions), who took part.
import type { Board } from '../doc/readBoard.ts';
import type { PhaseRecord, SessionEvent } from '../model/Session.ts';
import { noteOrigin } from './areaSection.ts';
import type { BoardClock } from './BoardClock.ts';
import { formatDuration, formatMinutes } from './formatTime.ts';
import type { EventRow, PhaseRow, ScopeBlock, ScopeSection, SessionRecord } from './ScopeModel.ts';

const MINUTE_MS = 60_000;

const EVENT_WORDS: Record<SessionEvent['kind'], string> = {
  pause: 'Paused',
  resume: 'Resumed',
  extend: 'Extended',
  setup: 'Setup',
  close: 'Closed',
  reopen: 'Reopened',
};

/** Events inside a phase's run: from its start up to (not including) its end. */
const within = (record: PhaseRecord, at: number) =>
  at >= record.startedAt && (record.endedAt === null || at < record.endedAt);

/** Paused time inside a phase: each pause up to its resume, or to the phase's end (or the export) when not resumed. */
function pausedMs(record: PhaseRecord, events: readonly SessionEvent[], until: number): number {
  let total = 0;
  let pausedAt: number | null = null;
  for (const event of events) {
    if (!within(record, event.at)) continue;
    if (event.kind === 'pause' && pausedAt === null) pausedAt = event.at;
    if (event.kind === 'resume' && pausedAt !== null) {
      total += event.at - pausedAt;
      pausedAt = null;
    }
  }
  if (pausedAt !== null) total += (record.endedAt ?? until) - pausedAt;
  return total;
}

/** The phase log as rows, exercise titles from this board (an import or carry-forward keeps exercise ids). */
function phaseRows(
  board: Board,
  log: readonly PhaseRecord[],
  events: readonly SessionEvent[],
  until: number,
): PhaseRow[] {
  const exerciseTitles = new Map(board.exercises.map((e) => [e.id, e.title]));
  return log.map((entry) => {
    const paused = pausedMs(entry, events, until);
    return {
      exercise: exerciseTitles.get(entry.exerciseId) ?? entry.exerciseId,
      phase: entry.phase,
      rotation: entry.rotation ?? null,
      startedAt: entry.startedAt,
      endedAt: entry.endedAt,
      plannedMinutes: entry.plannedMs === null ? null : entry.plannedMs / MINUTE_MS,
      pausedMs: paused,
      extendedMinutes: events
        .filter((e) => e.kind === 'extend' && within(entry, e.at))
        .reduce((sum, e) => sum + (e.minutes ?? 0), 0),
      workedMs: entry.endedAt === null ? null : Math.max(0, entry.endedAt - entry.startedAt - paused),
    };
  });
}

/** Collects the record from the board: the phase log in the order the server wrote it, its events, and the counts. */
export function buildSessionRecord(board: Board, exportedAt: number): SessionRecord {
  const exerciseNumber = new Map(board.exercises.map((e, i) => [e.id, i + 1]));
  const { log, events } = board.session;
  const phases = phaseRows(board, log, events, exportedAt);
  const earlier = (board.earlierSessions ?? []).map((s) => ({
    boardTitle: s.boardTitle,
    endedAt: s.endedAt,
    phases: phaseRows(board, s.log, [], s.endedAt),
  }));
  const eventRows: EventRow[] = events.map((e) => ({
    at: e.at,
    kind: EVENT_WORDS[e.kind],
    where: [
      e.exerciseId === null ? '' : `Exercise ${exerciseNumber.get(e.exerciseId) ?? e.exerciseId}`,
      e.kind === 'setup' ? '' : e.phase,
      e.rotation === undefined ? '' : `rotation ${e.rotation}`,
    ]
      .filter((w) => w !== '')
      .join(', '),
    detail:
      e.kind === 'extend'
        ? `+${formatMinutes(e.minutes ?? 0)} min`
        : e.kind === 'setup' && e.phase !== 'setup'
          ? `from ${e.phase}`
          : '',
  }));
  // Removed people are counted apart: they took part, but are no longer on the board.
  const present = board.participants.filter((p) => !p.isRemoved);
  const count = (role: string) => present.filter((p) => p.role === role).length;
  const origins = board.notes.map(noteOrigin);
  return {
    phases,
    events: eventRows,
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
    comments: board.comments.length,
    handoffs: board.handoffs.length,
    exportedAt,
    ...(earlier.length > 0 ? { earlier } : {}),
  };
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const PHASE_HEADER = ['Exercise', 'Phase', 'Started', 'Ended', 'Planned', 'Paused', 'Extended', 'Worked'];

/** The record as an appendix section: a table of phases, a table of events, and a few plain sentences. */
export function sessionRecordSection(record: SessionRecord, clock: BoardClock): ScopeSection {
  const blocks: ScopeBlock[] = [
    {
      kind: 'paragraph',
      text: clock.isFallback
        ? 'Times are in UTC: the board has no time zone set.'
        : `Times are in the board\u2019s time zone, ${clock.timeZone}, with UTC in brackets; durations are minutes:seconds.`,
    },
  ];
  const last = record.earlier?.at(-1);
  if (last) {
    blocks.push({
      kind: 'paragraph',
      text: `This board continues "${last.boardTitle}" (its session ended ${clock.date(last.endedAt)} ${clock.timeWithUtc(last.endedAt)}); earlier sessions are kept below as history.`,
    });
  }
  blocks.push(phaseTable(record.phases, clock));
  if (record.events.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['When', 'Event', 'Where', 'Detail'],
      rows: record.events.map((e) => [`${clock.date(e.at)} ${clock.timeWithUtc(e.at)}`, e.kind, e.where, e.detail]),
    });
  }
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
      text:
        `Notes: ${counted(n.total, 'note', 'notes')} in all: ${n.room} from the room, ${n.observer} from observers, ${n.imported} imported; ` +
        `${counted(record.comments, 'comment', 'comments')} and ${counted(record.handoffs, 'hand-off summary', 'hand-off summaries')}.`,
    },
    { kind: 'paragraph', text: `Exported: ${clock.date(record.exportedAt)} ${clock.timeWithUtc(record.exportedAt)}.` },
  );
  const subsections: ScopeSection[] = record.earlier?.length
    ? [
        {
          id: 'earlier-sessions',
          number: '',
          title: 'Earlier sessions',
          isPlaceholder: false,
          blocks: record.earlier.flatMap((session): ScopeBlock[] => [
            {
              kind: 'paragraph',
              text: `"${session.boardTitle}", ended ${clock.date(session.endedAt)} ${clock.timeWithUtc(session.endedAt)} (history, not this session):`,
            },
            phaseTable(session.phases, clock),
          ]),
          subsections: [],
        },
      ]
    : [];
  return {
    id: 'session-record',
    number: 'Appendix',
    title: 'Session record',
    isPlaceholder: false,
    blocks,
    subsections,
  };
}

/** The phases as a table to the second, or a sentence when none ran. */
function phaseTable(phases: readonly PhaseRow[], clock: BoardClock): ScopeBlock {
  if (phases.length === 0) return { kind: 'paragraph', text: 'No phase has been run on this board yet.' };
  const exerciseNumber = (title: string) => /^Exercise (\d+)/.exec(title)?.[1] ?? title;
  return {
    kind: 'table',
    header: PHASE_HEADER,
    rows: phases.map((row) => [
      exerciseNumber(row.exercise),
      row.rotation === null ? row.phase : `${row.phase} ${row.rotation}`,
      `${clock.date(row.startedAt)} ${clock.timeWithUtc(row.startedAt)}`,
      row.endedAt === null ? 'still running' : clock.timeWithUtc(row.endedAt),
      row.plannedMinutes === null ? '' : formatDuration(row.plannedMinutes * MINUTE_MS),
      row.pausedMs === 0 ? '' : formatDuration(row.pausedMs),
      row.extendedMinutes === 0 ? '' : `+${formatDuration(row.extendedMinutes * MINUTE_MS)}`,
      row.workedMs === null ? '' : formatDuration(row.workedMs),
    ]),
  };
}
