// The current exercise's question and stations as text, for everyone: the canvas shows them too, but small.
import type { Area } from '@shared/model/Area.ts';
import type { Exercise } from '@shared/model/Exercise.ts';

export function StationsList({ exercise, areas }: { exercise: Exercise | undefined; areas: Area[] }) {
  return (
    <details className="panel stations">
      <summary>{exercise ? exercise.title : 'Stations'}</summary>
      {exercise?.question && <p className="question">{exercise.question}</p>}
      <ol>
        {areas.map((area) => (
          <li key={area.id}>
            <strong>{area.title}</strong>
            {area.reference && <em> ({area.reference})</em>}
            <p>{area.description}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
