// What happened to a board that every server must hear about: who lost access, which links changed, closed, archived.
// The services emit here; with many servers the cluster publishes each event and re-emits the others' (isRemote).

export type BoardEvent =
  /** Removed (or removed and blocked) by the facilitator: their token no longer works. */
  | { type: 'participantRemoved'; boardId: string; participantId: string }
  | { type: 'joinCodeRenewed'; boardId: string }
  | { type: 'observerCodeRenewed'; boardId: string }
  | { type: 'boardClosed'; boardId: string }
  | { type: 'boardArchived'; boardId: string };

export type BoardEventListener = (event: BoardEvent, origin: { isRemote: boolean }) => void;

export class BoardEvents {
  private readonly listeners = new Set<BoardEventListener>();

  /** Subscribes; the returned function unsubscribes. */
  on(listener: BoardEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; one that throws never fails the command that emitted (nor the other listeners). */
  emit(event: BoardEvent, origin = { isRemote: false }): void {
    for (const listener of this.listeners) {
      try {
        listener(event, origin);
      } catch {
        // A listener's own failure is its to report.
      }
    }
  }
}
