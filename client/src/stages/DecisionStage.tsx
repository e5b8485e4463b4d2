// The decision stages (Opening, Exploring, Closing) as a line of steps with the current one marked: where the session is.
import type { Board } from '@shared/doc/readBoard.ts';
import { decisionStageView } from '@shared/templates/decisionStage.ts';
import './stages.css';

export interface DecisionStageProps {
  board: Pick<Board, 'meta' | 'session' | 'exercises'>;
  /** "compact" for a side panel; "large" for the projector. */
  size?: 'compact' | 'large';
}

/** Nothing when the board's template has no stages. */
export function DecisionStage({ board, size = 'compact' }: DecisionStageProps) {
  const view = decisionStageView(board);
  if (!view) return null;
  return (
    <nav className={`decision-stage decision-stage-${size}`} aria-label="Decision stage">
      <ol>
        {view.steps.map((step) => (
          <li
            key={step.id}
            className={`stage-${step.state}`}
            aria-current={step.state === 'current' ? 'step' : undefined}
            title={step.description || undefined}
          >
            <span className="stage-title">{step.title}</span>
            {step.state === 'current' && <span className="stage-now"> (now)</span>}
          </li>
        ))}
      </ol>
      {view.current?.description && <p className="stage-description">{view.current.description}</p>}
      <p className="sr-only">{view.sentence}</p>
    </nav>
  );
}
