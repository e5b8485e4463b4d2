// Hints about notes that look alike ("These look similar: A / B"), with a one-click "Group them"; never moves on its own.
import { useState } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Note } from '@shared/model/Note.ts';
import type { SimilarPair } from '@shared/similarity/findSimilarNotes.ts';
import { shorten } from '../ui/shorten.ts';

export interface SuggestionsPanelProps {
  pairs: SimilarPair[];
  notes: Note[];
  areas: Area[];
  onGroup: (noteIds: [string, string]) => void;
}

const pairKey = (pair: SimilarPair) => `${pair.a}|${pair.b}`;
const SHOWN = 8;

export function SuggestionsPanel({ pairs, notes, areas, onGroup }: SuggestionsPanelProps) {
  // Dismissed hints stay dismissed for this person until the page reloads.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const byId = new Map(notes.map((n) => [n.id, n]));
  const stationNumber = new Map(areas.map((a, i) => [a.id, i + 1]));
  const shown = pairs.filter((p) => !dismissed.has(pairKey(p)) && byId.has(p.a) && byId.has(p.b)).slice(0, SHOWN);
  return (
    <section className="panel suggestions-panel" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggestions</h2>
      {shown.length === 0 && <p className="hint">No similar notes spotted.</p>}
      <ul className="suggestions">
        {shown.map((pair) => {
          const a = byId.get(pair.a)!;
          const b = byId.get(pair.b)!;
          const where = pair.isSameStation
            ? `station ${stationNumber.get(a.areaId) ?? '?'}`
            : `stations ${stationNumber.get(a.areaId) ?? '?'} and ${stationNumber.get(b.areaId) ?? '?'}`;
          const both = `“${shorten(a.text, 30)}” and “${shorten(b.text, 30)}”`;
          return (
            <li key={pairKey(pair)}>
              <p>
                {pair.kind === 'duplicate' ? 'These look like duplicates' : 'These look similar'} ({where}):{' '}
                <q dir="auto">{a.text}</q> / <q dir="auto">{b.text}</q>
              </p>
              {pair.isSameStation && (
                <button type="button" onClick={() => onGroup([a.id, b.id])} aria-label={`Group them: ${both}`}>
                  Group them
                </button>
              )}
              <button
                type="button"
                className="secondary"
                aria-label={`Dismiss: ${both}`}
                onClick={() => setDismissed(new Set([...dismissed, pairKey(pair)]))}
              >
                Dismiss
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
