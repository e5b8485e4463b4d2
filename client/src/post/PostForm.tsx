// The posting form: a note's text, the station it goes to, and Post (Enter posts, Shift+Enter is a new line).
import { useId, useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import { CharactersLeft } from '../ui/CharactersLeft.tsx';
import type { PostNote } from './usePostNote.ts';
import { usePostText } from './usePostText.ts';

export interface PostFormProps {
  areas: Area[];
  /** Why posting is closed right now, or null when it is open. */
  closedReason: string | null;
  /** Writes the note; returns (or resolves with) an error message, or null when it was posted. */
  onPost: PostNote;
}

export function PostForm({ areas, closedReason, onPost }: PostFormProps) {
  const [areaId, setAreaId] = useState('');
  const counterId = useId();
  const errorId = useId();
  const stationId = useId();
  const noteId = useId();
  // Keep the chosen station while it exists; otherwise the first one of the exercise.
  const selected = areas.some((area) => area.id === areaId) ? areaId : (areas[0]?.id ?? '');
  const { text, changeText, error, isClosed, canPost, left, parts, canSplit, submitParts, onSubmit, onKeyDown } =
    usePostText({ selected, closedReason, onPost });

  return (
    <form className="panel post-form" onSubmit={onSubmit} aria-labelledby="post-heading">
      <h2 id="post-heading">Post a note</h2>
      {isClosed && (
        <p className="hint" role="status">
          {closedReason}
        </p>
      )}
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
          onChange={(event) => changeText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="post-row">
        <CharactersLeft left={left} id={counterId} />
        {canSplit && (
          <button
            type="button"
            className="post-split"
            onClick={submitParts}
          >{`Post as ${parts.length} separate notes`}</button>
        )}
        <button type="submit" disabled={!canPost}>
          Post
        </button>
      </div>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
