// Where each team works, for the projector during group and rotate: "Team 1 → 2 Security contingency planning", then its people.
import type { CSSProperties } from 'react';
import type { TeamLine } from './projectorWords.ts';

/** Each name is isolated (<bdi>), so an Arabic name beside Latin ones keeps its letters and the commas stay put. */
function Members({ names }: { names: readonly string[] }) {
  return (
    <p className="projector-members" title={names.join(', ')}>
      {names.map((name, index) => (
        <span key={index}>
          {index > 0 && ', '}
          <bdi>{name}</bdi>
        </span>
      ))}
    </p>
  );
}

export function TeamsLine({ lines }: { lines: readonly TeamLine[] }) {
  if (lines.length === 0) return null;
  return (
    <section
      className="projector-teams-panel"
      aria-labelledby="projector-teams"
      style={{ '--team-count': lines.length } as CSSProperties}
    >
      <h2 id="projector-teams" className="projector-panel-title">
        Teams
      </h2>
      <ul className="projector-teams">
        {lines.map((line) => {
          const station =
            line.stationNumber === null ? 'no station' : `station ${line.stationNumber}, ${line.stationTitle ?? ''}`;
          return (
            <li key={line.teamNumber}>
              <p className="projector-team-where" title={`Team ${line.teamNumber} → ${station}`}>
                <strong>Team {line.teamNumber}</strong>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> at </span>
                {line.stationNumber === null ? (
                  'no station'
                ) : (
                  <>
                    <span className="sr-only">station </span>
                    <span className="projector-station-number">{line.stationNumber}</span>{' '}
                    <bdi>{line.stationTitle}</bdi>
                  </>
                )}
              </p>
              <Members names={line.members} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
