// The run sheet: the plan's minutes per phase and rotations (editable until the exercise starts), then planned vs actual.
import type { Exercise, PhasePlan, PlanNumberKey } from '@shared/model/Exercise.ts';
import { isTimedPhase } from '@shared/model/Phase.ts';
import type { Session } from '@shared/model/Session.ts';
import { MINUTES_MAX } from '@shared/phases/Command.ts';
import { runSheet, type RunSheetRow } from '@shared/phases/runSheet.ts';
import { phaseName } from '../session/sessionView.ts';
import type { CommandRunner } from '../session/useCommand.ts';
import { formatClockTime, formatMinutes } from './sessionWords.ts';
import { useDraft } from '../ui/useDraft.ts';

export interface RunSheetPanelProps {
  exercise: Exercise;
  session: Session;
  /** Server epoch ms now, and the offset to show server times on this device's clock. */
  now: number;
  offsetMs: number;
  commands: CommandRunner;
}

/** True once the exercise has run at all: from then on the plan is history, not a setting. */
export function hasStarted(exercise: Exercise, session: Session): boolean {
  return (
    (session.exerciseId === exercise.id && isTimedPhase(session.phase)) ||
    session.log.some((r) => r.exerciseId === exercise.id)
  );
}

const FIELDS: { key: PlanNumberKey; label: string; min: number; max: number; step: string }[] = [
  { key: 'postMinutes', label: 'Post (minutes)', min: 1, max: MINUTES_MAX, step: 'any' },
  { key: 'groupMinutes', label: 'Group (minutes)', min: 1, max: MINUTES_MAX, step: 'any' },
  { key: 'rotateMinutes', label: 'Each rotation (minutes)', min: 1, max: MINUTES_MAX, step: 'any' },
  { key: 'rotations', label: 'Rotations', min: 0, max: 20, step: '1' },
];

export function PlanForm({ exercise, commands }: { exercise: Exercise; commands: CommandRunner }) {
  // A plan changed elsewhere (another facilitator tab) replaces the draft.
  const [draft, setDraft] = useDraft<Record<PlanNumberKey, string>>([exercise.plan], () => planText(exercise.plan));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const plan = {
      postMinutes: Number(draft.postMinutes),
      groupMinutes: Number(draft.groupMinutes),
      rotateMinutes: Number(draft.rotateMinutes),
      rotations: Number(draft.rotations),
    };
    void commands.run({ type: 'setPlan', exerciseId: exercise.id, plan });
  };
  return (
    <form className="plan-form" onSubmit={submit} aria-label={`Plan for ${exercise.title}`}>
      <div className="plan-fields">
        {FIELDS.map((field) => (
          <label key={field.key} className="plan-field">
            <span>{field.label}</span>
            <input
              type="number"
              inputMode="decimal"
              min={field.min}
              max={field.max}
              step={field.step}
              required
              value={draft[field.key]}
              onChange={(event) => setDraft((d) => ({ ...d, [field.key]: event.target.value }))}
            />
          </label>
        ))}
      </div>
      <button type="submit" disabled={commands.pending === 'setPlan'}>
        Save plan
      </button>
    </form>
  );
}

function planText(plan: PhasePlan): Record<PlanNumberKey, string> {
  return {
    postMinutes: String(plan.postMinutes),
    groupMinutes: String(plan.groupMinutes),
    rotateMinutes: String(plan.rotateMinutes),
    rotations: String(plan.rotations),
  };
}

const STATUS = { done: 'done', running: 'now', upcoming: 'next', skipped: 'skipped' } as const;

function rowName(row: RunSheetRow): string {
  return row.rotation === undefined ? phaseName(row.phase) : `Rotation ${row.rotation}`;
}

export function RunSheetPanel({ exercise, session, now, offsetMs, commands }: RunSheetPanelProps) {
  const sheet = runSheet(exercise, session, now);
  const isStarted = hasStarted(exercise, session);
  return (
    <section className="panel run-sheet" aria-labelledby="run-sheet-heading">
      <h2 id="run-sheet-heading">Run sheet</h2>
      {!isStarted && (
        <>
          <p className="hint">Change the timings before the exercise starts; once it runs, extend phases instead.</p>
          <PlanForm exercise={exercise} commands={commands} />
        </>
      )}
      <table className="run-sheet-table">
        <caption className="sr-only">Planned and actual time per phase of {exercise.title}</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Planned</th>
            <th scope="col">Actual</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={`${row.phase}-${row.rotation ?? 0}`} className={`row-${row.status}`}>
              <th scope="row">{rowName(row)}</th>
              <td>{formatMinutes(row.plannedMs)}</td>
              <td>{row.actualMs === null ? '—' : formatMinutes(row.actualMs)}</td>
              <td>{STATUS[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="run-sheet-summary">
        Planned {formatMinutes(sheet.plannedMs)} in all · {isStarted ? 'projected end' : 'if started now, ends'}{' '}
        {formatClockTime(sheet.projectedEndAt, offsetMs)}
      </p>
      <div aria-live="polite">
        {commands.error && (
          <p className="error" role="alert">
            {commands.error}
          </p>
        )}
      </div>
    </section>
  );
}
