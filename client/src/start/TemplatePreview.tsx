// What a template will create, before creating: exercises with their questions, stations, phase plan and ground rules.
import type { Template } from '@shared/templates/Template.ts';
import { stationsFor } from '@shared/templates/applyTemplate.ts';
import { planSummary } from '@shared/phases/planPhases.ts';

export function TemplatePreview({ template, stationSetId }: { template: Template; stationSetId: string | undefined }) {
  const stations = stationsFor(template, stationSetId);
  const stages = new Map((template.stages ?? []).map((s) => [s.id, s.title]));
  return (
    <div className="template-preview" aria-label={`Preview of ${template.title}`}>
      {template.about && (
        <p className="hint" dir="auto">
          {template.about}
        </p>
      )}
      {template.stages && template.stages.length > 0 && (
        <p className="hint">
          Decision stages:{' '}
          {/* Each stage isolated: a right-to-left stage name must not swap places with its neighbours. */}
          {template.stages.map((s, index) => (
            <span key={s.id}>
              {index > 0 && ' → '}
              <bdi>
                {s.title}
                {s.description ? ` (${s.description})` : ''}
              </bdi>
            </span>
          ))}
        </p>
      )}
      <h3>Exercises</h3>
      <ol className="preview-exercises">
        {template.exercises.map((exercise) => (
          <li key={exercise.id}>
            <strong dir="auto">{exercise.title}</strong>
            {exercise.stage && stages.has(exercise.stage) && (
              <span className="hint"> · stage: {stages.get(exercise.stage)}</span>
            )}
            {exercise.question && <div dir="auto">{exercise.question}</div>}
            <div className="hint">Plan: {planSummary(exercise.plan)}</div>
            <ul aria-label={`Stations of ${exercise.title}`}>
              {(stations.get(exercise.id) ?? []).map((area) => (
                <li key={area.id} dir="auto">
                  {area.title}
                  {area.reference && <span className="hint"> ({area.reference})</span>}
                  {area.isLeftOut && <span className="hint"> · left out</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h3>Ground rules</h3>
      {template.groundRules.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ul aria-label="Ground rules">
          {template.groundRules.map((rule) => (
            <li key={rule} dir="auto">
              {rule}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">Minimum team size: {template.minTeamSize}.</p>
    </div>
  );
}
