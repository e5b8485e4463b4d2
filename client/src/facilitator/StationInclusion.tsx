// Teams sized to the room: which of the exercise's stations are in this exercise, and "leave out" what the room cannot fill.
import { useState } from 'react';
import type * as Y from 'yjs';
import type { Area } from '@shared/model/Area.ts';
import { setStationLeftOut } from '@shared/doc/structureOps.ts';
import { stationsForRoom, stationsToLeaveOut } from '@shared/phases/balanceTeams.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';

export interface StationInclusionProps {
  doc: Y.Doc;
  /** Every station of the current exercise, left out or not, in order. */
  stations: readonly Area[];
  /** Participants here now. */
  people: number;
  minTeamSize: number;
  /** Why stations cannot be left out or brought back now (a phase of this exercise runs), or null. */
  lockedReason: string | null;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function StationInclusion({ doc, stations, people, minTeamSize, lockedReason }: StationInclusionProps) {
  const [error, setError] = useState<string | null>(null);
  const included = stations.filter((area) => !area.isLeftOut);
  const surplus = stationsToLeaveOut(included, people, minTeamSize);
  const fit = stationsForRoom(people, included.length, minTeamSize);
  const write = (ids: readonly string[], isLeftOut: boolean) => {
    for (const id of ids) {
      const result = setStationLeftOut(doc, id, isLeftOut);
      if (!result.ok) return setError(`Not saved: ${result.reason}.`);
    }
    setError(null);
  };
  return (
    <section className="room-fit" aria-labelledby="room-fit-heading">
      <h3 id="room-fit-heading">Stations in this exercise</h3>
      {surplus.length > 0 && (
        <div className="banner banner-warning">
          <p>
            {plural(people, 'person is', 'people are')} here; at {minTeamSize} per team they fill{' '}
            {plural(fit, 'station', 'stations')} of {included.length}.
          </p>
          {lockedReason === null && (
            <button
              type="button"
              onClick={() =>
                write(
                  surplus.map((area) => area.id),
                  true,
                )
              }
            >
              Leave out {plural(surplus.length, 'station', 'stations')}
            </button>
          )}
        </div>
      )}
      <ul className="station-inclusion">
        {stations.map((area, index) => (
          <li key={area.id} className={area.isLeftOut ? 'is-left-out' : undefined}>
            <span className="station-name">
              {index + 1}. <bdi>{area.title}</bdi>
              {area.isLeftOut ? ' (left out)' : ''}
            </span>
            <button
              type="button"
              className="quiet-button"
              disabled={lockedReason !== null}
              onClick={() => write([area.id], !area.isLeftOut)}
            >
              {area.isLeftOut ? `Include ${index + 1}` : `Leave out ${index + 1}`}
              <span className="sr-only">: {area.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">
        {lockedReason ??
          'A station left out keeps its notes (they stay in the export); teams and rotations use only the stations included.'}
      </p>
      <ErrorMessage message={error} />
    </section>
  );
}
