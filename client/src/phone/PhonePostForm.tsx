// The phone's posting form: a big station select, a big "Note" box with the characters left, and a big Post button.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Area } from '../../../shared/src/model/Area.ts';
import { NOTE_TEXT_MAX } from '../../../shared/src/model/limits.ts';
import { textLength } from '../../../shared/src/model/validate.ts';
import { chosenStation, type StationPick } from './stationChoice.ts';

export interface PhonePostFormProps {
  areas: Area[];
  /** The station to start from (the team's, while rotating). */
  suggestedAreaId: string | undefined;
  /** Why posting is closed right now, or null when it is open. */
  closedReason: string | null;
  /** Writes the note; returns (or resolves with) an error message, or null when it was posted. */
  onPost: (areaId: string, text: string) => string | null | Promise<string | null>;
}

export function PhonePostForm({ areas, suggestedAreaId, closedReason, onPost }: PhonePostFormProps) {
  const [text, setText] = useState('');
  const [pick, setPick] = useState<StationPick | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const stationId = useId();
  const noteId = useId();
  const counterId = useId();
  const selected = chosenStation(pick, suggestedAreaId, areas.map((area) => area.id));
  const left = NOTE_TEXT_MAX - textLength(text.trim());
  const isClosed = closedReason !== null;
  const canPost = !isClosed && !isSending && selected !== '' && text.trim() !== '' && left >= 0;

  const submit = () => {
    if (!canPost) {
      if (left < 0) setError(`A note holds at most ${NOTE_TEXT_MAX} characters: one idea per note.`);
      return;
    }
    const settle = (failure: string | null) => {
      setError(failure);
      if (failure) return;
      const index = areas.findIndex((area) => area.id === selected);
      setPosted(`Posted to station ${index + 1}, ${areas[index]?.title ?? ''}.`);
      setText('');
      // Keep the keyboard up for the next idea.
      box.current?.focus();
    };
    const outcome = onPost(selected, text);
    if (typeof outcome !== 'object' || outcome === null) return settle(outcome);
    // A private note goes to the server over HTTP: keep the text until it is stored.
    setIsSending(true);
    void outcome.then(settle).finally(() => setIsSending(false));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="phone-post" onSubmit={onSubmit} aria-labelledby="phone-post-heading">
      <h2 id="phone-post-heading" className="sr-only">Post a note</h2>
      {isClosed && <p className="phone-closed" role="status">{closedReason}</p>}
      <label htmlFor={stationId} className="phone-label">Station</label>
      <select id={stationId} value={selected} disabled={isClosed}
        onChange={(event) => setPick({ areaId: event.target.value, forDefault: suggestedAreaId })}>
        {areas.map((area, index) => (
          <option key={area.id} value={area.id}>
            {`${index + 1}. ${area.title}${area.id === suggestedAreaId ? ' (your team)' : ''}`}
          </option>
        ))}
      </select>
      <label htmlFor={noteId} className="phone-label">Note</label>
      <textarea
        id={noteId}
        ref={box}
        value={text}
        dir="auto"
        rows={4}
        enterKeyHint="send"
        placeholder="One idea per note"
        disabled={isClosed}
        aria-describedby={counterId}
        aria-invalid={left < 0}
        onChange={(event) => {
          setText(event.target.value);
          if (error) setError(null);
          if (posted) setPosted(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={counterId} className={left < 0 ? 'counter over' : 'counter'}>
        {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
      </p>
      <button type="submit" className="phone-post-button" disabled={!canPost}>Post</button>
      <p className="phone-posted" role="status">{posted}</p>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
