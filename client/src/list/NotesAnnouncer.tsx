// A polite live region that says when notes arrive or go: once per change of the count, never per keystroke or tick.
import { countOf } from '@shared/words/count.ts';
import { useEffect, useRef, useState } from 'react';

/** The sentence for a change from `before` to `after` notes. */
export function describeCountChange(before: number, after: number): string {
  const total = `${countOf(after, 'note')} in all.`;
  if (after > before) {
    const added = after - before;
    return `${countOf(added, 'new note')}. ${total}`;
  }
  const removed = before - after;
  return `${countOf(removed, 'note was', 'notes were')} removed. ${total}`;
}

/** Silent until the board has synced, so loading the board is not announced as a flood of new notes. */
export function NotesAnnouncer({ count, isSynced }: { count: number; isSynced: boolean }) {
  const previous = useRef<number | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!isSynced) return;
    const before = previous.current;
    previous.current = count;
    if (before !== null && before !== count) setMessage(describeCountChange(before, count));
  }, [count, isSynced]);
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-label="Note count">
      {message}
    </p>
  );
}
