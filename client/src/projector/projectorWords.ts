// Pure reading of the session for the room's big screen: the teams that exist, the done count, the poll, the connection.
import type { Area } from '@shared/model/Area.ts';
import type { Participant } from '@shared/model/Participant.ts';
import type { MoreTimePoll, PollOutcome, Session } from '@shared/model/Session.ts';
import { stationIndexForTeam } from '@shared/phases/teamStations.ts';
import { isGroupingPhase } from '@shared/rules/phaseSets.ts';
import type { ConnectionStatus } from '../sync/BoardConnection.ts';

/** One team as the projector lists it: where it works now and who is in it. */
export interface TeamLine {
  /** 1-based, as the facilitator's console numbers teams. */
  teamNumber: number;
  /** 1-based station number, as the canvas numbers stations; null when the exercise has no such station. */
  stationNumber: number | null;
  stationTitle: string | null;
  members: string[];
}

/**
 * The teams to show during group and rotate: only teams with at least one person still on the board (the server
 * pads the list with empty teams so every station has a slot, and a removed person leaves no name behind).
 */
export function teamLines(
  session: Pick<Session, 'phase' | 'teams' | 'stationOffset'>,
  stations: readonly Pick<Area, 'title'>[],
  participants: readonly Pick<Participant, 'id' | 'name' | 'isRemoved'>[],
): TeamLine[] {
  if (!isGroupingPhase(session.phase) || stations.length === 0) return [];
  const names = new Map(participants.filter((p) => !p.isRemoved).map((p) => [p.id, p.name]));
  const lines: TeamLine[] = [];
  session.teams.forEach((team, teamIndex) => {
    const members = team.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
    if (members.length === 0) return;
    const stationIndex = stationIndexForTeam(teamIndex, session.stationOffset, stations.length);
    const station = stations[stationIndex];
    lines.push({
      teamNumber: teamIndex + 1,
      stationNumber: station ? stationIndex + 1 : null,
      stationTitle: station?.title ?? null,
      members,
    });
  });
  return lines;
}

/** Whose "I'm done" counts: participants here now, and any who said they were done before leaving (never removed ones). */
export function doneCounts(
  done: readonly string[],
  participants: readonly Pick<Participant, 'id' | 'role' | 'isRemoved'>[],
  presentIds: ReadonlySet<string>,
): { done: number; of: number } {
  const isDone = new Set(done);
  const counted = participants.filter(
    (p) => p.role === 'participant' && !p.isRemoved && (presentIds.has(p.id) || isDone.has(p.id)),
  );
  return { done: counted.filter((p) => isDone.has(p.id)).length, of: counted.length };
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The open "need more time?" poll for the room, or null when none is open at `now`. */
export function openPollLine(poll: MoreTimePoll | null, now: number): { question: string; tally: string } | null {
  if (!poll || now >= poll.endsAt) return null;
  const seconds = Math.max(1, Math.ceil((poll.endsAt - now) / 1000));
  return {
    question: `Need more time? Answer on your screen (${seconds} s)`,
    tally: `${poll.yes.length} yes · ${poll.no.length} no`,
  };
}

/** How the last poll ended, in words for the room; null when there was none in this phase. */
export function pollOutcomeLine(outcome: PollOutcome | null): string | null {
  if (!outcome) return null;
  const answers = outcome.yes + outcome.no;
  if (answers === 0) return 'Nobody answered "need more time?", so we moved on.';
  const asked = `${people(outcome.yes)} of ${answers} asked for more time`;
  return outcome.keptPhase ? `${asked}: the facilitator decides what comes next.` : `${asked}, so we moved on.`;
}

/** The connection as the room should read it: calm words, or null when all is well. */
export function connectionLine(
  status: ConnectionStatus,
  isSynced: boolean,
): { title: string; detail: string; tone: 'waiting' | 'stopped' } | null {
  if (status === 'connected') return null;
  if (status === 'stopped')
    return { title: 'Disconnected', detail: 'Reload this page to connect again.', tone: 'stopped' };
  // y-websocket alternates "disconnected" and "connecting" while it retries: both read the same, so nothing flickers.
  if (status === 'connecting' && !isSynced)
    return { title: 'Connecting…', detail: 'Loading the board.', tone: 'waiting' };
  return { title: 'Reconnecting…', detail: 'This screen catches up by itself.', tone: 'waiting' };
}
