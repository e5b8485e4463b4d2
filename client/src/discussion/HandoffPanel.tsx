// The "Station hand-off" panel: the previous team's summary, what changed at this station, and a summary for the next team.
import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addHandoff } from '@shared/doc/commentOps.ts';
import type { Author } from '@shared/doc/ops.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import type { StationHandoff } from '@shared/discussion/handoff.ts';
import { HANDOFF_TEXT_MAX } from '@shared/model/Handoff.ts';
import { CharactersLeft } from '../ui/CharactersLeft.tsx';
import { clockTime, groupName } from './discussionView.ts';
import { shorten } from '../ui/shorten.ts';

export interface HandoffPanelProps {
  doc: Y.Doc;
  board: Board;
  handoff: StationHandoff;
  stationTitle: string;
  author: Author;
  now: () => number;
}

export function HandoffPanel({ doc, board, handoff, stationTitle, author, now }: HandoffPanelProps) {
  const { newNotes, newGroups, renamedGroups, since, summary } = handoff;
  const changes = newNotes.length + newGroups.length + renamedGroups.length;
  const sinceWords = handoff.reference === 'ownVisit' ? 'your last visit' : 'the team before you arrived';

  return (
    <section className="panel handoff-panel" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">Station hand-off</h2>
      <p className="hint">
        Station {handoff.stationIndex + 1}: <span dir="auto">{stationTitle}</span>
      </p>
      <h3>From the team before you</h3>
      {summary ? (
        <blockquote className="handoff-summary">
          <p dir="auto">{summary.text}</p>
          <footer>
            — <span dir="auto">{summary.authorName}</span>, {clockTime(summary.createdAt)}
          </footer>
        </blockquote>
      ) : (
        <p className="hint">The team before you left no summary.</p>
      )}
      {since !== null && (
        <>
          <h3>{`What changed since ${clockTime(since)}`}</h3>
          <p className="hint">{changes === 0 ? `Nothing changed here since ${sinceWords}.` : `Since ${sinceWords}:`}</p>
          <ChangeList
            title="New notes"
            items={newNotes.map((n) => ({ id: n.id, text: shorten(n.text, 120), by: n.authorName }))}
          />
          <ChangeList title="New groups" items={newGroups.map((g) => ({ id: g.id, text: groupName(g.label) }))} />
          <ChangeList
            title="Renamed groups"
            items={renamedGroups.map((g) => ({ id: g.id, text: groupName(g.label) }))}
          />
        </>
      )}
      <HandoffForm
        doc={doc}
        board={board}
        areaId={handoff.areaId}
        rotation={handoff.rotation}
        author={author}
        now={now}
      />
    </section>
  );
}

export interface HandoffFormProps {
  doc: Y.Doc;
  board: Board;
  areaId: string;
  /** The rotation the summary is written in: 0 in the group phase, for the first rotation's team. */
  rotation: number;
  author: Author;
  now: () => number;
}

/** The summary a team leaves at its station for the team arriving next. */
export function HandoffForm({ doc, board, areaId, rotation, author, now }: HandoffFormProps) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { session } = board;
  // What this team already left here in this rotation: shown so nobody writes it twice.
  const ours = board.handoffs
    .filter((h) => h.areaId === areaId && h.exerciseId === session.exerciseId && h.rotation === rotation)
    .at(-1);
  const left = HANDOFF_TEXT_MAX - [...text.trim()].length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (session.exerciseId === null) return;
    const result = addHandoff(doc, {
      areaId,
      exerciseId: session.exerciseId,
      rotation,
      text,
      author,
      createdAt: now(),
    });
    setError(result.ok ? null : result.reason);
    if (result.ok) setText('');
  };

  return (
    <form onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={inputId}>Leave a summary for the next team</label>
        <textarea id={inputId} value={text} rows={2} dir="auto" onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="post-row">
        <CharactersLeft left={left} />
        <button type="submit" disabled={text.trim() === '' || left < 0}>
          Leave summary
        </button>
      </div>
      {ours && (
        <p className="hint" role="status">
          Your team left: <q dir="auto">{ours.text}</q>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ChangeList({ title, items }: { title: string; items: { id: string; text: string; by?: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="handoff-changes">
      <h4>{`${title} (${items.length})`}</h4>
      <ul aria-label={title}>
        {items.map((item) => (
          <li key={item.id} className="is-highlighted">
            <span dir="auto">{item.text}</span>
            {item.by ? <span className="hint"> — {item.by}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
