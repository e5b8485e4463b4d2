// The sealed-input API as the browser calls it: a participant's private notes and their dots in a vote.
import { AnyReply, MyVotesReply, PrivateNoteReply, PrivateNotesReply } from '@shared/api/replies.ts';
import type { MyVotes, PrivateNote } from '@shared/model/Sealed.ts';
import { boardPath, request } from '../app/http.ts';

const notesPath = (boardId: string, noteId?: string) =>
  boardPath(boardId, noteId === undefined ? 'private-notes' : `private-notes/${encodeURIComponent(noteId)}`);

export async function listPrivateNotes(boardId: string, token: string): Promise<PrivateNote[]> {
  return (await request(notesPath(boardId), PrivateNotesReply, { token })).notes;
}

export function postPrivateNote(
  boardId: string,
  token: string,
  input: { areaId: string; text: string },
): Promise<PrivateNote> {
  return request(notesPath(boardId), PrivateNoteReply, { token, method: 'POST', body: input });
}

export function editPrivateNote(boardId: string, token: string, noteId: string, text: string): Promise<PrivateNote> {
  return request(notesPath(boardId, noteId), PrivateNoteReply, { token, method: 'PATCH', body: { text } });
}

export async function deletePrivateNote(boardId: string, token: string, noteId: string): Promise<void> {
  await request(notesPath(boardId, noteId), AnyReply, { token, method: 'DELETE' });
}

export function fetchMyVotes(boardId: string, token: string): Promise<MyVotes> {
  return request(boardPath(boardId, 'votes'), MyVotesReply, { token });
}

export function putVote(boardId: string, token: string, noteId: string, count: number): Promise<MyVotes> {
  return request(boardPath(boardId, `votes/${encodeURIComponent(noteId)}`), MyVotesReply, {
    token,
    method: 'PUT',
    body: { count },
  });
}
