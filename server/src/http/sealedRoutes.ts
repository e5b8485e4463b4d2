// Routes of sealed input: a participant's private notes while posting is private, and their dots in a vote.
import type { SealedInput } from '../boards/SealedInput.ts';
import { route, type Route } from './api.ts';
import { sendJson } from './respond.ts';
import { parseBody, privateNoteBody, privateNoteEditBody, voteBody } from './schemas.ts';

export function sealedRoutes(sealed: SealedInput): Route[] {
  return [
    route('GET', '/api/boards/:boardId/private-notes', async ({ res, params, actor }) => {
      sendJson(res, 200, { notes: await sealed.listNotes(params.boardId!, await actor()) });
    }),
    route('POST', '/api/boards/:boardId/private-notes', async ({ res, params, actor, body }) => {
      const who = await actor();
      const input = parseBody(privateNoteBody, await body());
      sendJson(res, 201, await sealed.addNote(params.boardId!, who, input));
    }),
    route('PATCH', '/api/boards/:boardId/private-notes/:noteId', async ({ res, params, actor, body }) => {
      const who = await actor();
      const { text } = parseBody(privateNoteEditBody, await body());
      sendJson(res, 200, await sealed.editNote(params.boardId!, who, params.noteId!, text));
    }),
    route('DELETE', '/api/boards/:boardId/private-notes/:noteId', async ({ res, params, actor }) => {
      await sealed.deleteNote(params.boardId!, await actor(), params.noteId!);
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
    }),
    route('GET', '/api/boards/:boardId/votes', async ({ res, params, actor }) => {
      sendJson(res, 200, await sealed.myVotes(params.boardId!, await actor()));
    }),
    route('PUT', '/api/boards/:boardId/votes/:noteId', async ({ res, params, actor, body }) => {
      const who = await actor();
      const { count } = parseBody(voteBody, await body());
      sendJson(res, 200, await sealed.setVote(params.boardId!, who, params.noteId!, count));
    }),
  ];
}
