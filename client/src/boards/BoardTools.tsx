// The board's tool bar for export, import and board management, with the panels and dialog they open.
import { useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Identity } from '../app/storage.ts';
import { DecisionsPanel } from '../decisions/DecisionsPanel.tsx';
import { ExportPanel } from '../export/ExportPanel.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { BoardManagement } from './BoardManagement.tsx';
import './boardTools.css';

export interface BoardToolsProps {
  boardId: string;
  doc: Y.Doc;
  board: Board;
  identity: Identity;
  storage?: Storage;
  /** Server epoch ms, whole milliseconds: stamps imported notes and the export preview. */
  now: () => number;
  /** This device's clock, for the start page's list of boards created here (which it sorts with its own entries). */
  deviceNow?: () => number;
}

type Panel = 'export' | 'manage' | 'decisions' | null;

/** Facilitators get all three tools; others get Export only while the facilitator allows it. */
export function BoardTools({
  boardId,
  doc,
  board,
  identity,
  storage = window.localStorage,
  now,
  deviceNow = Date.now,
}: BoardToolsProps) {
  const exportId = useId();
  const manageId = useId();
  const decisionsId = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [isImportOpen, setImportOpen] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const isFacilitator = identity.role === 'facilitator';
  const canExport = isFacilitator || board.session.participantsMayExport;
  const shown = panel === 'export' && !canExport ? null : panel;
  if (!canExport && !isFacilitator) return null;

  const toggle = (next: Exclude<Panel, null>) => setPanel((current) => (current === next ? null : next));
  const closeImport = () => {
    setImportOpen(false);
    importButton.current?.focus();
  };

  return (
    <div className="board-tools">
      <div className="board-tools-bar" role="group" aria-label="Board tools">
        {canExport && (
          <button
            type="button"
            aria-expanded={shown === 'export'}
            aria-controls={exportId}
            onClick={() => toggle('export')}
          >
            Export
          </button>
        )}
        {isFacilitator && (
          <>
            <button
              type="button"
              aria-expanded={shown === 'decisions'}
              aria-controls={decisionsId}
              onClick={() => toggle('decisions')}
            >
              Decisions
            </button>
            <button type="button" ref={importButton} onClick={() => setImportOpen(true)}>
              Import notes
            </button>
            <button
              type="button"
              aria-expanded={shown === 'manage'}
              aria-controls={manageId}
              onClick={() => toggle('manage')}
            >
              Manage board
            </button>
          </>
        )}
      </div>
      <div id={exportId} hidden={shown !== 'export'}>
        {shown === 'export' && (
          <ExportPanel boardId={boardId} token={identity.token} board={board} isFacilitator={isFacilitator} now={now} />
        )}
      </div>
      {isFacilitator && (
        <div id={decisionsId} hidden={shown !== 'decisions'}>
          {shown === 'decisions' && (
            <DecisionsPanel doc={doc} board={board} facilitatorName={identity.name} now={now} />
          )}
        </div>
      )}
      {isFacilitator && (
        <div id={manageId} hidden={shown !== 'manage'}>
          {shown === 'manage' && (
            <BoardManagement
              boardId={boardId}
              token={identity.token}
              title={board.meta?.title ?? 'Board'}
              storage={storage}
              now={deviceNow}
            />
          )}
        </div>
      )}
      {isImportOpen && (
        <ImportDialog
          doc={doc}
          board={board}
          now={now}
          onClose={closeImport}
          author={{ id: identity.participantId, name: identity.name, role: identity.role }}
        />
      )}
    </div>
  );
}
