// The board as validated records, re-read after doc updates at most once per animation frame.
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import { createBoardReader, type BoardReader } from '@shared/doc/boardReader.ts';
import { changedContent } from '@shared/doc/changedContent.ts';
import { keepUnchanged } from './keepUnchanged.ts';

/** Merges a fresh read into the previous board so unchanged records keep their object identity. */
function mergeBoard(previous: Board, next: Board): Board {
  return {
    ...next,
    exercises: keepUnchanged(previous.exercises, next.exercises),
    areas: keepUnchanged(previous.areas, next.areas),
    notes: keepUnchanged(previous.notes, next.notes),
    groups: keepUnchanged(previous.groups, next.groups),
    participants: keepUnchanged(previous.participants, next.participants),
  };
}

/** Batching of re-reads; in the browser, the next animation frame (or a timeout, for background tabs). */
export interface FrameScheduler {
  request(fn: () => void): () => void;
}

export const browserFrames: FrameScheduler = {
  request(fn) {
    let isDone = false;
    const run = () => {
      if (isDone) return;
      isDone = true;
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
      fn();
    };
    const frame = window.requestAnimationFrame(run);
    // Hidden tabs get no frames; a projector tab in the background must still keep up.
    const timeout = window.setTimeout(run, 250);
    return () => {
      isDone = true;
      window.cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
    };
  },
};

/** One reader per doc, however often views mount: its parses are kept as long as the doc lives. */
const readers = new WeakMap<Y.Doc, BoardReader>();

function readerOf(doc: Y.Doc): BoardReader {
  let reader = readers.get(doc);
  if (!reader) {
    reader = createBoardReader(doc);
    readers.set(doc, reader);
  }
  return reader;
}

/** The doc's board as an external store: re-read once per frame after updates, and on subscribing. */
export function boardStore(doc: Y.Doc, frames: FrameScheduler) {
  // Re-reads parse only the records changed since the last one (a large board's notes once, not per update).
  const readBoard = readerOf(doc).read;
  let current = readBoard();
  return {
    getSnapshot: () => current,
    subscribe(onChange: () => void): () => void {
      // The doc may have changed between the first read and the subscription.
      current = mergeBoard(current, readBoard());
      let cancel: (() => void) | null = null;
      const reread = () => {
        current = mergeBoard(current, readBoard());
        onChange();
      };
      // 'afterTransaction', not 'update': an 'update' listener makes Yjs encode every transaction for it (the
      // joining page's whole board included), and this one only needs to know that the doc changed.
      const onTransaction = (transaction: Y.Transaction) => {
        if (!changedContent(transaction)) return;
        // The update that brings a joining page its board (from the server or the offline copy) is read at once:
        // the page has nothing to draw before it, and React then renders it together with the "synced" state
        // that comes in the same task, instead of once for that state and again a frame later for the board.
        // Changes the server sends ahead of the board (made since its copy was encoded) hold no stations: they
        // wait for a frame like any change, so a large board is not read twice in the join's busiest moment.
        if (current.areas.length === 0 && doc.getMap('areas').size > 0) {
          cancel?.();
          cancel = null;
          return reread();
        }
        if (cancel) return;
        cancel = frames.request(() => {
          cancel = null;
          reread();
        });
      };
      doc.on('afterTransaction', onTransaction);
      return () => {
        doc.off('afterTransaction', onTransaction);
        cancel?.();
      };
    },
  };
}

export function useBoard(doc: Y.Doc, frames: FrameScheduler = browserFrames): Board {
  const store = useMemo(() => boardStore(doc, frames), [doc, frames]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
