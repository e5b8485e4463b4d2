// What both posting forms do with the note's text: characters left, Enter posts, sending state, and the split offer.
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { NOTE_TEXT_MAX } from '@shared/model/limits.ts';
import { textLength } from '@shared/model/validate.ts';
import { useNoteWrites } from './lazyNoteWrites.ts';
import type { PostNote } from './usePostNote.ts';

const NO_PARTS: string[] = [];

export interface PostTextOptions {
  /** The station the note goes to ('' when there is none). */
  selected: string;
  /** Why posting is closed right now, or null when it is open. */
  closedReason: string | null;
  onPost: PostNote;
  /** After a single note was posted and the box emptied. */
  onPosted?: () => void;
}

export interface PostText {
  text: string;
  /** The box changed: a stale error goes with the old text. */
  changeText: (text: string) => void;
  error: string | null;
  isClosed: boolean;
  canPost: boolean;
  /** Characters left; negative when the note is too long. */
  left: number;
  /** The ideas the text splits into, and whether posting them as separate notes is offered. */
  parts: string[];
  canSplit: boolean;
  submitParts: () => void;
  onSubmit: (event: FormEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

export function usePostText({ selected, closedReason, onPost, onPosted }: PostTextOptions): PostText {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const left = NOTE_TEXT_MAX - textLength(text.trim());
  const isClosed = closedReason !== null;
  const canPost = !isClosed && !isSending && selected !== '' && text.trim() !== '' && left >= 0;
  // One idea per note: a list or several questions can go out as separate notes (offered once the splitter, which
  // loads after the first paint, is here).
  const writes = useNoteWrites();
  const parts = useMemo(() => (writes ? writes.splitIdeas(text) : NO_PARTS), [writes, text]);
  const canSplit = !isClosed && !isSending && selected !== '' && writes !== undefined && writes.canPostParts(parts);

  const submitParts = () => {
    if (!canSplit) return;
    setIsSending(true);
    void writes
      .postParts(parts, (part) => onPost(selected, part))
      .then(({ failure, remaining }) => {
        setError(failure);
        setText(remaining.join('\n'));
      })
      .finally(() => setIsSending(false));
  };

  const submit = () => {
    if (!canPost) {
      if (left < 0) setError(`A note holds at most ${NOTE_TEXT_MAX} characters: one idea per note.`);
      return;
    }
    const settle = (failure: string | null) => {
      setError(failure);
      if (failure) return;
      setText('');
      onPosted?.();
    };
    const outcome = onPost(selected, text);
    if (typeof outcome !== 'object' || outcome === null) return settle(outcome);
    // Private notes go to the server over HTTP: keep the text until it is stored.
    setIsSending(true);
    void outcome.then(settle).finally(() => setIsSending(false));
  };

  return {
    text,
    changeText: (next) => {
      setText(next);
      if (error) setError(null);
    },
    error,
    isClosed,
    canPost,
    left,
    parts,
    canSplit,
    submitParts,
    onSubmit: (event) => {
      event.preventDefault();
      submit();
    },
    onKeyDown: (event) => {
      // IME composition (Chinese, Japanese...) uses Enter to confirm a word: never post then.
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        submit();
      }
    },
  };
}
