// The minimum team size in the console's Teams section: the number balance and the small-room warning work with.
import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { MIN_TEAM_SIZE_MAX } from '@shared/model/Meta.ts';
import { setMinTeamSize } from '@shared/doc/structureOps.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface TeamSizeControlProps {
  doc: Y.Doc;
  /** The board's minimum team size (board.minTeamSize); render with `key={value}` so a change elsewhere shows. */
  value: number;
  /** The input's id, so the small-room warning can point at it. */
  inputId: string;
}

export function TeamSizeControl({ doc, value, inputId }: TeamSizeControlProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = setMinTeamSize(doc, Number(text));
    setError(result.ok ? null : `Not saved: ${result.reason}.`);
  };
  return (
    <form className="team-size-control" onSubmit={save} aria-label="Minimum team size">
      <div>
        <label htmlFor={inputId}>Minimum people per team</label>
        <input
          id={inputId}
          type="number"
          min={1}
          max={MIN_TEAM_SIZE_MAX}
          step={1}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" disabled={text === String(value)}>
        Set
      </button>
      <ErrorMessage message={error} />
    </form>
  );
}
