// The facilitator's decisions: each note or group in scope, out of scope, parked or merged into another, with a priority.
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { clearDecision, setDecision } from '@shared/doc/decisionOps.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import {
  decisionId,
  DECISION_STATUSES,
  PRIORITIES,
  PRIORITY_LABELS,
  STATUS_LABELS,
  type Decision,
  type DecisionStatus,
  type DecisionTargetType,
  type Priority,
} from '@shared/model/Decision.ts';
import './decisions.css';

export interface DecisionsPanelProps {
  doc: Y.Doc;
  board: Board;
  /** The facilitator's name, recorded with each decision. */
  facilitatorName: string;
  now: () => number;
}

interface Idea {
  type: DecisionTargetType;
  id: string;
  label: string;
}

function ideaRow(
  idea: Idea,
  siblings: readonly Idea[],
  decision: Decision | undefined,
  decide: (idea: Idea, next: Partial<Decision> | null) => void,
) {
  return (
    <DecisionRow
      key={`${idea.type}-${idea.id}`}
      idea={idea}
      siblings={siblings}
      decision={decision}
      onDecide={decide}
    />
  );
}

function DecisionRow({
  idea,
  siblings,
  decision,
  onDecide,
}: {
  idea: Idea;
  siblings: readonly Idea[];
  decision: Decision | undefined;
  onDecide: (idea: Idea, next: Partial<Decision> | null) => void;
}) {
  const id = useId();
  const others = siblings.filter((s) => s.type === idea.type && s.id !== idea.id);
  return (
    <li className={`decision-row decision-${idea.type}`}>
      <span className="decision-text" dir="auto">
        {idea.type === 'group' ? `Group: ${idea.label}` : idea.label}
      </span>
      <label htmlFor={`${id}-status`}>Decision</label>
      <select
        id={`${id}-status`}
        value={decision?.status ?? ''}
        onChange={(e) => {
          const status = e.target.value as DecisionStatus | '';
          if (status === '') onDecide(idea, null);
          else
            onDecide(idea, {
              status,
              ...(status === 'merged' ? { mergedInto: decision?.mergedInto ?? others[0]?.id } : {}),
            });
        }}
      >
        <option value="">Not decided</option>
        {DECISION_STATUSES.filter((s) => s !== 'merged' || others.length > 0).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {decision?.status === 'merged' && (
        <>
          <label htmlFor={`${id}-into`}>Merged into</label>
          <select
            id={`${id}-into`}
            value={decision.mergedInto ?? ''}
            onChange={(e) => onDecide(idea, { status: 'merged', mergedInto: e.target.value })}
          >
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      )}
      {decision && (
        <>
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select
            id={`${id}-priority`}
            value={decision.priority ?? ''}
            onChange={(e) => onDecide(idea, { priority: (e.target.value || undefined) as Priority | undefined })}
          >
            <option value="">None</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </>
      )}
    </li>
  );
}

/**
 * Lists every station's groups and notes with a decision each. A note in a group takes the group's decision unless it
 * has its own. Writes go to the shared doc; the server lets only the facilitator make them, in any phase.
 */
export function DecisionsPanel({ doc, board, facilitatorName, now }: DecisionsPanelProps) {
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const decisions = new Map(board.decisions.map((d) => [d.id, d]));

  const decide = (idea: Idea, next: Partial<Decision> | null) => {
    const current = decisions.get(decisionId(idea.type, idea.id));
    const result =
      next === null
        ? clearDecision(doc, idea.type, idea.id)
        : setDecision(doc, {
            targetType: idea.type,
            targetId: idea.id,
            status: next.status ?? current?.status ?? 'inScope',
            ...((next.status ?? current?.status) === 'merged'
              ? { mergedInto: next.mergedInto ?? current?.mergedInto }
              : {}),
            ...('priority' in next
              ? next.priority
                ? { priority: next.priority }
                : {}
              : current?.priority
                ? { priority: current.priority }
                : {}),
            decidedBy: facilitatorName,
            decidedAt: now(),
          });
    setError(result.ok ? null : `That decision could not be saved: ${result.reason}.`);
  };

  return (
    <section className="panel decisions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Decisions</h2>
      <p className="hint">
        Mark what the team keeps: usually in the Closing stage, after the rotations, but you can decide at any time
        and change a decision later. Only you (the facilitator) decide. The scope document lists what is in scope
        first, highest priority first, and keeps every other idea in its appendix “Other ideas raised”.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {board.exercises.map((exercise) => (
        <div key={exercise.id}>
          <h3>{exercise.title}</h3>
          {board.areas
            .filter((a) => a.exerciseId === exercise.id)
            .map((area) => {
              const groups = board.groups.filter((g) => g.areaId === area.id);
              const notes = board.notes.filter((n) => n.areaId === area.id);
              if (notes.length === 0) return null;
              const ideas: Idea[] = [
                ...groups.map((g) => ({ type: 'group' as const, id: g.id, label: g.label || 'Unnamed group' })),
                ...notes.map((n) => ({ type: 'note' as const, id: n.id, label: n.text })),
              ];
              return (
                <div key={area.id} className="decision-station">
                  <h4>{area.title}</h4>
                  <ul>
                    {groups.map((g) => [
                      ideaRow(
                        { type: 'group', id: g.id, label: g.label || 'Unnamed group' },
                        ideas,
                        decisions.get(decisionId('group', g.id)),
                        decide,
                      ),
                      ...notes
                        .filter((n) => n.groupId === g.id)
                        .map((n) =>
                          ideaRow(
                            { type: 'note', id: n.id, label: n.text },
                            ideas,
                            decisions.get(decisionId('note', n.id)),
                            decide,
                          ),
                        ),
                    ])}
                    {notes
                      .filter((n) => n.groupId === undefined)
                      .map((n) =>
                        ideaRow(
                          { type: 'note', id: n.id, label: n.text },
                          ideas,
                          decisions.get(decisionId('note', n.id)),
                          decide,
                        ),
                      )}
                  </ul>
                </div>
              );
            })}
        </div>
      ))}
    </section>
  );
}
