// The posting form: a note's text, the station it goes to, and Post (Enter posts, Shift+Enter is a new line).
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { postParts } from '../../../shared/src/ideas/postParts.ts';
import { canPostParts, splitIdeas } from '../../../shared/src/ideas/splitIdeas.ts';
import type { Area } from '../../../shared/src/model/Area.ts';
import { NOTE_TEXT_MAX } from '../../../shared/src/model/limits.ts';
import { textLength } from '../../../shared/src/model/validate.ts';

export interface PostFormProps {
  areas: Area[];
  /** Why posting is closed right now, or null when it is open. */
  closedReason: string | null;
  /** Writes the note; returns (or resolves with) an error message, or null when it was posted. */
  onPost: (areaId: string, text: string) => string | null | Promise<string | null>;
}

export function PostForm({ areas, closedReason, onPost }: PostFormProps) {
  const [text, setText] = useState('');
  const [areaId, setAreaId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const counterId = useId();
  const errorId = useId();
  const stationId = useId();
  const noteId = useId();
  // Keep the chosen station while it exists; otherwise the first one of the exercise.
  const selected = areas.some((area) => area.id === areaId) ? areaId : (areas[0]?.id ?? '');
  const left = NOTE_TEXT_MAX - textLength(text.trim());
  const isClosed = closedReason !== null;
  const canPost = !isClosed && !isSending && selected !== '' && text.trim() !== '' && left >= 0;
  // One idea per note: a list or several questions can go out as separate notes.
  const parts = useMemo(() => splitIdeas(text), [text]);
  const canSplit = !isClosed && !isSending && selected !== '' && canPostParts(parts);
  const submitParts = () => {
    if (!canSplit) return;
    setIsSending(true);
    void postParts(parts, (part) => onPost(selected, part))
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
    const outcome = onPost(selected, text);
    const settle = (failure: string | null) => {
      setError(failure);
      if (!failure) setText('');
    };
    if (typeof outcome !== 'object' || outcome === null) return settle(outcome);
    // Private notes go to the server over HTTP: keep the text until it is stored.
    setIsSending(true);
    void outcome.then(settle).finally(() => setIsSending(false));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // IME composition (Chinese, Japanese...) uses Enter to confirm a word: never post then.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="panel post-form" onSubmit={onSubmit} aria-labelledby="post-heading">
      <h2 id="post-heading">Post a note</h2>
      {isClosed && <p className="hint" role="status">{closedReason}</p>}
      <div className="field">
        <label htmlFor={stationId}>Station</label>
        <select id={stationId} value={selected} onChange={(event) => setAreaId(event.target.value)} disabled={isClosed}>
          {areas.map((area, index) => (
            <option key={area.id} value={area.id}>
              {`${index + 1}. ${area.title}${area.reference ? ` (${area.reference})` : ''}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>Note</label>
        <textarea
          id={noteId}
          value={text}
          dir="auto"
          rows={3}
          placeholder="One idea per note"
          disabled={isClosed}
          aria-describedby={`${counterId} ${error ? errorId : ''}`.trim()}
          aria-invalid={left < 0}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="post-row">
        <span id={counterId} className={left < 0 ? 'counter over' : 'counter'}>
          {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
        </span>
        {canSplit && (
          <button type="button" className="post-split" onClick={submitParts}>{`Post as ${parts.length} separate notes`}</button>
        )}
        <button type="submit" disabled={!canPost}>Post</button>
      </div>
      {error && <p id={errorId} className="error" role="alert">{error}</p>}
    </form>
  );
}
