// Sealed input as the API shows it to its owner: private notes and dots, kept by the server until revealed.

/** A private note as its author sees it through the API. */
export interface PrivateNote {
  id: string;
  areaId: string;
  text: string;
  createdAt: number;
}

/** One participant's dots in the open vote. */
export interface MyVotes {
  /** noteId -> dots this person placed there. */
  votes: Record<string, number>;
  votesPerPerson: number;
  remaining: number;
  isOpen: boolean;
}
