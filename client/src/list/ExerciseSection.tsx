// One exercise in the list view: its h2 and question, then each of its stations.
import { useId } from 'react';
import type { Area } from '@shared/model/Area.ts';
import type { Exercise } from '@shared/model/Exercise.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import type { NoteActions } from './noteActions.ts';
import { StationSection } from './StationSection.tsx';

const EMPTY: never[] = [];

export interface ExerciseSectionProps {
  exercise: Exercise;
  areas: Area[];
  notesByArea: Map<string, Note[]>;
  groupsByArea: Map<string, Group[]>;
  isCurrent: boolean;
  actions: NoteActions;
}

export function ExerciseSection({
  exercise,
  areas,
  notesByArea,
  groupsByArea,
  isCurrent,
  actions,
}: ExerciseSectionProps) {
  const headingId = useId();
  return (
    <section className={isCurrent ? 'list-exercise is-current' : 'list-exercise'} aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto">
        {exercise.title}
        {isCurrent && <span className="list-current"> (current exercise)</span>}
      </h2>
      {exercise.question && (
        <p className="question" dir="auto">
          {exercise.question}
        </p>
      )}
      {areas.map((area, index) => (
        <StationSection
          key={area.id}
          area={area}
          number={index + 1}
          notes={notesByArea.get(area.id) ?? EMPTY}
          groups={groupsByArea.get(area.id) ?? EMPTY}
          isActive={isCurrent}
          actions={actions}
        />
      ))}
    </section>
  );
}
