// The participant and observer links for their codes, built as the server builds its links (the secret rides in the fragment).

/** The participant link for a join code, as the server builds it. */
export function participantLink(origin: string, boardId: string, joinCode: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#join=${joinCode}`;
}

/** The observer link for an observer code, as the server builds it. */
export function observerLink(origin: string, boardId: string, observerCode: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#watch=${observerCode}`;
}
