// The answer to a sync step 1 is what the asker lacks. A browser that joins with nothing yet (an empty state
// vector: most joins) lacks the whole doc, the same bytes for every such joiner until the doc changes: encoded once
// and shared, so a room that twenty people join at once encodes and holds its doc once, not twenty times.
import * as Y from 'yjs';
import { encodeSyncStep2 } from './messages.ts';

/** How long the whole-doc answer is kept after it was last used: long enough for a room's wave of joins. */
export const WHOLE_DOC_KEPT_MS = 10_000;

/** The state vector of a doc that holds nothing: no clients. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.length === 1 && stateVector[0] === 0;

export class SyncAnswers {
  private wholeDoc: Uint8Array | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private readonly forget = () => {
    clearTimeout(this.expiry);
    this.expiry = undefined;
    this.wholeDoc = undefined;
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.forget);
  }

  /** The sync step 2 frame for a peer whose doc is at `stateVector`. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    this.wholeDoc ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    clearTimeout(this.expiry);
    this.expiry = setTimeout(this.forget, WHOLE_DOC_KEPT_MS);
    this.expiry.unref?.();
    return this.wholeDoc;
  }

  destroy(): void {
    this.forget();
    this.doc.off('update', this.forget);
  }
}
