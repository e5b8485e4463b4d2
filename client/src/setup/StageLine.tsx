// Where the session is in group decision-making (the template's stages, e.g. Opening, Exploring, Closing).
import type { Board } from '@shared/doc/readBoard.ts';
import { getTemplate } from '@shared/templates/templates.ts';

export function StageLine({ board }: { board: Board }) {
  const template = board.meta ? getTemplate(board.meta.templateId) : undefined;
  const stages = template?.stages ?? [];
  if (stages.length === 0) return null;
  const exerciseId = board.session.exerciseId ?? board.exercises[0]?.id;
  const current = template?.exercises.find((e) => e.id === exerciseId)?.stage;
  return (
    <ol className="stage-line" aria-label="Decision stages">
      {stages.map((stage) => (
        <li key={stage.id} aria-current={stage.id === current ? 'step' : undefined} title={stage.description}>
          {stage.title}
          {stage.id === current ? ' (this exercise)' : ''}
        </li>
      ))}
    </ol>
  );
}
