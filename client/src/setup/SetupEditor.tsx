// The facilitator's setup editor: ground rules, team size, time zone and document control, every exercise with its
// phases and stations; save the board as a template.
import { useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import { setGroundRules, setMinTeamSize } from '@shared/doc/structureOps.ts';
import { MIN_TEAM_SIZE_MAX } from '@shared/rules/structureRules.ts';
import { useCommand } from '../session/useCommand.ts';
import { ExerciseEditor } from './ExerciseEditor.tsx';
import { SaveAsTemplate } from './SaveAsTemplate.tsx';
import { DecisionStage } from '../stages/DecisionStage.tsx';
import { DocumentSettings } from './DocumentSettings.tsx';
import { useSetupWrite } from './useSetupWrite.ts';
import './setup.css';
import { useDraft } from '../ui/useDraft.ts';

export interface SetupEditorProps {
  doc: Y.Doc;
  board: Board;
  boardId: string;
  token: string;
}

/** Brings one of the console's panels into view and moves focus to its heading (the options live there, once). */
function showPanel(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

export function SetupEditor({ doc, board, boardId, token }: SetupEditorProps) {
  const { error, write } = useSetupWrite();
  const planCommands = useCommand({ boardId, token });
  const rulesText = board.groundRules.join('\n');
  // Drafts that a change made elsewhere (another facilitator tab) replaces.
  const [rules, setRules] = useDraft([rulesText], () => rulesText);
  const [teamSize, setTeamSize] = useDraft([board.minTeamSize], () => String(board.minTeamSize));
  // Open to start with; the facilitator folds it away once the session runs.
  const [isOpen, setOpen] = useState(true);
  const noteCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const note of board.notes) counts.set(note.areaId, (counts.get(note.areaId) ?? 0) + 1);
    return counts;
  }, [board.notes]);

  const saveSettings = (event: FormEvent) => {
    event.preventDefault();
    write(() => {
      const saved = setGroundRules(doc, rules.split('\n'));
      return saved.ok ? setMinTeamSize(doc, Number(teamSize)) : saved;
    });
  };

  return (
    <details className="panel setup-editor" open={isOpen} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 className="setup-heading">Set up the board</h2>
      </summary>
      <DecisionStage board={board} />
      <form onSubmit={saveSettings} aria-label="Ground rules and team size">
        <label>
          Ground rules (one per line)
          <textarea
            value={rules}
            rows={Math.max(3, board.groundRules.length + 1)}
            dir="auto"
            onChange={(e) => setRules(e.target.value)}
          />
        </label>
        <label>
          Minimum team size
          <input
            type="number"
            min={1}
            max={MIN_TEAM_SIZE_MAX}
            step={1}
            required
            value={teamSize}
            onChange={(e) => setTeamSize(e.target.value)}
          />
        </label>
        <button type="submit">Save ground rules and team size</button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <DocumentSettings doc={doc} meta={board.meta} />
      <p className="hint">
        Whether observers may post is in the console&rsquo;s{' '}
        <button type="button" className="link-button" onClick={() => showPanel('options-heading')}>
          Options
        </button>
        ; private posting and dot voting are in{' '}
        <button type="button" className="link-button" onClick={() => showPanel('sealed-options-heading')}>
          Private posting and voting
        </button>
        .
      </p>
      {board.exercises.map((exercise, index) => (
        <ExerciseEditor
          key={exercise.id}
          doc={doc}
          exercise={exercise}
          stations={board.areas.filter((a) => a.exerciseId === exercise.id)}
          noteCounts={noteCounts}
          isFirst={index === 0}
          isLast={index === board.exercises.length - 1}
          planCommands={planCommands}
          isStarted={board.session.log.some((record) => record.exerciseId === exercise.id)}
          isRunning={
            exercise.id === board.session.exerciseId &&
            board.session.phase !== 'setup' &&
            board.session.phase !== 'closed'
          }
        />
      ))}
      <SaveAsTemplate boardId={boardId} token={token} />
    </details>
  );
}
