// The participant link for a join code, built as the server builds its links (the secret rides in the fragment).

/** The participant link for a join code, as the server builds it. */
export function participantLink(origin: string, boardId: string, joinCode: string): string {
  return `${origin}/b/${encodeURIComponent(boardId)}#join=${joinCode}`;
}
