// Sends one session command to the server (POST /api/boards/:id/commands) and reads its answer.
import type { Command } from '@shared/phases/Command.ts';
import { parseSession, type Session } from '@shared/model/Session.ts';
import { CommandReply } from '@shared/api/replies.ts';
import { boardPath, request } from '../app/http.ts';

/** The server's answer to an accepted command. */
export interface CommandAnswer {
  session: Session;
  /** Plain words for the facilitator (a small-room warning, what happened). */
  notice?: string;
  /** After renewJoinCode: the new participant join code. */
  joinCode?: string;
  /** After renewObserverCode: the new observer code. */
  observerCode?: string;
}

/** Sends `command`; throws an ApiError with the server's words on 400, 403 or 409. */
export async function sendCommand(boardId: string, token: string, command: Command): Promise<CommandAnswer> {
  const reply = await request(boardPath(boardId, 'commands'), CommandReply, { token, method: 'POST', body: command });
  const answer: CommandAnswer = { session: parseSession(reply.session) };
  if (reply.notice !== undefined) answer.notice = reply.notice;
  if (reply.joinCode !== undefined) answer.joinCode = reply.joinCode;
  if (reply.observerCode !== undefined) answer.observerCode = reply.observerCode;
  return answer;
}
