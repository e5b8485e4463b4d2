// The sealed-input API as the browser calls it: a participant's private notes and their dots in a vote.
import { authorizedFetch, boardPath } from '../boards/request.ts';
import type { MyVotes, PrivateNote } from '../../../shared/src/model/Sealed.ts';




const notesPath = (boardId: string, noteId?: string) =>
  boardPath(boardId, noteId === undefined ? 'private-notes' : `private-notes/${encodeURIComponent(noteId)}`);

export async function listPrivateNotes(boardId: string, token: string): Promise<PrivateNote[]> {
  const response = await authorizedFetch(notesPath(boardId), token);
  return ((await response.json()) as { notes: PrivateNote[] }).notes;
}

export async function postPrivateNote(boardId: string, token: string, input: { areaId: string; text: string }): Promise<PrivateNote> {
  const response = await authorizedFetch(notesPath(boardId), token, { method: 'POST', body: input });
  return (await response.json()) as PrivateNote;
}

export async function editPrivateNote(boardId: string, token: string, noteId: string, text: string): Promise<PrivateNote> {
  const response = await authorizedFetch(notesPath(boardId, noteId), token, { method: 'PATCH', body: { text } });
  return (await response.json()) as PrivateNote;
}

export async function deletePrivateNote(boardId: string, token: string, noteId: string): Promise<void> {
  await authorizedFetch(notesPath(boardId, noteId), token, { method: 'DELETE' });
}

export async function fetchMyVotes(boardId: string, token: string): Promise<MyVotes> {
  const response = await authorizedFetch(boardPath(boardId, 'votes'), token);
  return (await response.json()) as MyVotes;
}

export async function putVote(boardId: string, token: string, noteId: string, count: number): Promise<MyVotes> {
  const response = await authorizedFetch(boardPath(boardId, `votes/${encodeURIComponent(noteId)}`), token, { method: 'PUT', body: { count } });
  return (await response.json()) as MyVotes;
}
