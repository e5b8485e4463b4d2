// The phone's posting form: a big station select, a big "Note" box with the characters left, and a big Post button.
import { useId, useRef, useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { PostNote } from '../post/usePostNote.ts';
import { CharactersLeft } from '../ui/CharactersLeft.tsx';
import { usePostText } from '../post/usePostText.ts';
import { chosenStation, type StationPick } from './stationChoice.ts';

export interface PhonePostFormProps {
  areas: Area[];
  /** The station to start from (the team's, while rotating). */
  suggestedAreaId: string | undefined;
  /** Why posting is closed right now, or null when it is open. */
  closedReason: string | null;
  /** Writes the note; returns (or resolves with) an error message, or null when it was posted. */
  onPost: PostNote;
}

export function PhonePostForm({ areas, suggestedAreaId, closedReason, onPost }: PhonePostFormProps) {
  const [pick, setPick] = useState<StationPick | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const stationId = useId();
  const noteId = useId();
  const counterId = useId();
  const selected = chosenStation(
    pick,
    suggestedAreaId,
    areas.map((area) => area.id),
  );
  const onPosted = () => {
    const index = areas.findIndex((area) => area.id === selected);
    setPosted(`Posted to station ${index + 1}, ${areas[index]?.title ?? ''}.`);
    // Keep the keyboard up for the next idea.
    box.current?.focus();
  };
  const { text, changeText, error, isClosed, canPost, left, parts, canSplit, submitParts, onSubmit, onKeyDown } =
    usePostText({ selected, closedReason, onPost, onPosted });

  return (
    <form className="phone-post" onSubmit={onSubmit} aria-labelledby="phone-post-heading">
      <h2 id="phone-post-heading" className="sr-only">
        Post a note
      </h2>
      {isClosed && (
        <p className="phone-closed" role="status">
          {closedReason}
        </p>
      )}
      <label htmlFor={stationId} className="phone-label">
        Station
      </label>
      <select
        id={stationId}
        value={selected}
        disabled={isClosed}
        onChange={(event) => setPick({ areaId: event.target.value, forDefault: suggestedAreaId })}
      >
        {areas.map((area, index) => (
          <option key={area.id} value={area.id}>
            {`${index + 1}. ${area.title}${area.id === suggestedAreaId ? ' (your team)' : ''}`}
          </option>
        ))}
      </select>
      <label htmlFor={noteId} className="phone-label">
        Note
      </label>
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
          changeText(event.target.value);
          if (posted) setPosted(null);
        }}
        onKeyDown={onKeyDown}
      />
      <CharactersLeft left={left} id={counterId} as="p" />
      <button type="submit" className="phone-post-button" disabled={!canPost}>
        Post
      </button>
      {canSplit && (
        // One idea per note: a text that reads as several ideas can go up as several notes.
        <button
          type="button"
          className="phone-post-button post-split"
          onClick={submitParts}
        >{`Post as ${parts.length} separate notes`}</button>
      )}
      <p className="phone-posted" role="status">
        {posted}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
