// Sends one session command to the server (POST /api/boards/:id/commands) and reads its answer.
import type { Command } from '../../../shared/src/phases/Command.ts';
import { parseSession, type Session } from '../../../shared/src/model/Session.ts';
import { authorizedFetch, boardPath } from '../boards/request.ts';

/** The server's answer to an accepted command. */
export interface CommandAnswer {
  session: Session;
  /** Plain words for the facilitator (a small-room warning, what happened). */
  notice?: string;
  /** After renewJoinCode: the new participant join code. */
  joinCode?: string;
}

/** Sends `command`; throws an ApiError with the server's words on 400, 403 or 409. */
export async function sendCommand(boardId: string, token: string, command: Command): Promise<CommandAnswer> {
  const response = await authorizedFetch(boardPath(boardId, 'commands'), token, { method: 'POST', body: command });
  const json = (await response.json()) as { session?: unknown; notice?: unknown; joinCode?: unknown };
  const answer: CommandAnswer = {
    session: parseSession(typeof json.session === 'object' && json.session !== null ? (json.session as Record<string, unknown>) : {}),
  };
  if (typeof json.notice === 'string') answer.notice = json.notice;
  if (typeof json.joinCode === 'string') answer.joinCode = json.joinCode;
  return answer;
}
