// The "Discussion" panel: pick a note or group, read its thread, add a comment, reply, delete your own.
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { Author } from '@shared/doc/ops.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Area } from '@shared/model/Area.ts';
import { discussionTargets } from './discussionView.ts';
import { TargetThread } from './TargetThread.tsx';
import { useListedOnUse } from './useListedOnUse.ts';

export interface DiscussionPanelProps {
  doc: Y.Doc;
  board: Board;
  stations: readonly Area[];
  author: Author;
  /** Server epoch ms now, for the comments' times. */
  now: () => number;
  /** The station to list first (the viewer's team's). */
  preferredAreaId?: string;
}

export function DiscussionPanel({ doc, board, stations, author, now, preferredAreaId }: DiscussionPanelProps) {
  const selectId = useId();
  const [selected, setSelected] = useState('');
  const [isListed, listOnUse] = useListedOnUse();

  const ordered = useMemo(() => {
    const preferred = stations.filter((s) => s.id === preferredAreaId);
    return [...preferred, ...stations.filter((s) => s.id !== preferredAreaId)];
  }, [stations, preferredAreaId]);
  const options = useMemo(() => (isListed ? discussionTargets(board, ordered) : []), [isListed, board, ordered]);
  const target = options.flatMap((o) => o.targets).find((t) => t.key === selected);

  return (
    <section className="panel discussion-panel" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      <div className="field">
        <label htmlFor={selectId}>Discuss</label>
        <select id={selectId} value={selected} onChange={(event) => setSelected(event.target.value)} {...listOnUse}>
          <option value="">Choose a note or group…</option>
          {options.map(
            ({ area, targets }) =>
              targets.length > 0 && (
                <optgroup key={area.id} label={`${stations.indexOf(area) + 1}. ${area.title}`}>
                  {targets.map((t) => (
                    <option key={t.key} value={t.key}>
                      {t.label}
                    </option>
                  ))}
                </optgroup>
              ),
          )}
        </select>
      </div>
      {target && (
        <TargetThread
          key={target.key}
          doc={doc}
          board={board}
          targetType={target.targetType}
          targetId={target.targetId}
          author={author}
          now={now}
        />
      )}
    </section>
  );
}
