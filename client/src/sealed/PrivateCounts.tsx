// How many private notes each station holds while posting is private: counts only, never text, for every screen.
import type { Area } from '@shared/model/Area.ts';
import type { Session } from '@shared/model/Session.ts';
import { isPostingPrivate } from '@shared/model/Session.ts';
import { privateNotesText, stationCounts } from './sealedWords.ts';

export function PrivateCounts({ session, areas }: { session: Session; areas: readonly Area[] }) {
  const rows = stationCounts(areas, session.privateCounts);
  if (!isPostingPrivate(session) && rows.length === 0) return null;
  return (
    <section className="panel private-counts" aria-labelledby="private-counts-heading">
      <h2 id="private-counts-heading">Private posting</h2>
      <p className="hint">Notes stay private until the group phase; here is how many each station has.</p>
      {rows.length === 0 ? (
        <p className="hint" aria-live="polite">
          No private notes yet.
        </p>
      ) : (
        <ul aria-live="polite">
          {rows.map(({ area, count }) => (
            <li key={area.id} data-area-id={area.id}>
              <span dir="auto">{area.title}</span>: <strong className="private-count">{privateNotesText(count)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
