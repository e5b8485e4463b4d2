// One exercise in setup: title and question, order, phase plan and phases, and its stations (add, edit, reorder,
// leave out).
import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Area } from '@shared/model/Area.ts';
import type { Exercise } from '@shared/model/Exercise.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX } from '@shared/model/limits.ts';
import { addStation, moveRecord, updateExercise } from '@shared/doc/structureOps.ts';
import { PlanForm } from '../facilitator/RunSheetPanel.tsx';
import type { CommandRunner } from '../session/useCommand.ts';
import { PhaseChoice } from './PhaseChoice.tsx';
import { StationEditor } from './StationEditor.tsx';
import { useSetupWrite } from './useSetupWrite.ts';

export interface ExerciseEditorProps {
  doc: Y.Doc;
  exercise: Exercise;
  stations: readonly Area[];
  noteCounts: ReadonlyMap<string, number>;
  isFirst: boolean;
  isLast: boolean;
  planCommands: CommandRunner;
  /** A phase of this exercise runs: the server refuses adding, removing, reordering or leaving out its stations. */
  isRunning: boolean;
  /** The exercise has run (its plan, phases included, is then fixed). */
  isStarted: boolean;
}

export function ExerciseEditor({
  doc,
  exercise,
  stations,
  noteCounts,
  isFirst,
  isLast,
  planCommands,
  isRunning,
  isStarted,
}: ExerciseEditorProps) {
  const { error, write } = useSetupWrite();
  // Only what the facilitator typed; the rest shows the exercise as it is now (another tab may change it).
  const [edits, setEdits] = useState<{ title?: string; question?: string }>({});
  const draft = { title: exercise.title, question: exercise.question, ...edits };
  const setDraft = (next: { title: string; question: string }) => setEdits(next);
  const [newTitle, setNewTitle] = useState('');
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (write(() => updateExercise(doc, exercise.id, draft))) setEdits({});
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (write(() => addStation(doc, exercise.id, { title: newTitle }))) setNewTitle('');
  };
  return (
    <section className="setup-exercise" aria-label={`Set up ${exercise.title}`}>
      <form onSubmit={save} aria-label={`Exercise ${exercise.title}`}>
        <label>
          Exercise title{' '}
          <input
            value={draft.title}
            maxLength={AREA_TITLE_MAX}
            required
            dir="auto"
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
        </label>
        <label>
          Question{' '}
          <textarea
            value={draft.question}
            maxLength={AREA_DESCRIPTION_MAX}
            rows={2}
            dir="auto"
            onChange={(e) => setDraft({ ...draft, question: e.target.value })}
          />
        </label>
        <button type="submit">Save exercise</button>
        <button
          type="button"
          disabled={isFirst}
          aria-label={`Move ${exercise.title} earlier`}
          onClick={() => write(() => moveRecord(doc, 'exercises', exercise.id, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={isLast}
          aria-label={`Move ${exercise.title} later`}
          onClick={() => write(() => moveRecord(doc, 'exercises', exercise.id, 1))}
        >
          ↓
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h4>Phase plan</h4>
      <PlanForm exercise={exercise} commands={planCommands} />
      <PhaseChoice exercise={exercise} commands={planCommands} isStarted={isStarted} />
      {planCommands.error && (
        <p className="error" role="alert">
          {planCommands.error}
        </p>
      )}
      <h4>Stations</h4>
      {isRunning && (
        <p className="hint">
          A phase of this exercise is running: stations can be renamed now, and added, removed, reordered or left out
          once the session is closed or on another exercise.
        </p>
      )}
      <ol className="setup-stations">
        {stations.map((area, index) => (
          <StationEditor
            key={area.id}
            doc={doc}
            area={area}
            noteCount={noteCounts.get(area.id) ?? 0}
            isFirst={index === 0}
            isLast={index === stations.length - 1}
            isLocked={isRunning}
          />
        ))}
      </ol>
      <form onSubmit={add} aria-label={`Add a station to ${exercise.title}`}>
        <label>
          New station{' '}
          <input
            value={newTitle}
            maxLength={AREA_TITLE_MAX}
            required
            dir="auto"
            onChange={(e) => setNewTitle(e.target.value)}
          />
        </label>
        <button type="submit" disabled={isRunning}>
          Add station
        </button>
      </form>
    </section>
  );
}
