// The top bar's board menu (Export, Decisions, Import notes, Manage board) and the sheet each item opens.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Board } from '@shared/doc/readBoard.ts';
import type { Identity } from '../app/storage.ts';
import { Popover, usePopoverClose } from '../ui/Popover.tsx';
import './boardTools.css';

// The sheets load when first opened: the export preview and import parsers stay out of every view's first load
// (the phone's above all).
const ExportPanel = lazy(() => import('../export/ExportPanel.tsx').then((m) => ({ default: m.ExportPanel })));
const DecisionsPanel = lazy(() =>
  import('../decisions/DecisionsPanel.tsx').then((m) => ({ default: m.DecisionsPanel })),
);
const ImportDialog = lazy(() => import('../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const BoardManagement = lazy(() => import('./BoardManagement.tsx').then((m) => ({ default: m.BoardManagement })));
const loadingSheet = <p className="hint">Loading…</p>;

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

type Panel = 'export' | 'manage' | 'decisions';

const SHEET_LABEL: Record<Panel, string> = {
  export: 'Export',
  decisions: 'Decisions',
  manage: 'Manage board',
};

/** Facilitators get the whole menu; others get Export only, while the facilitator allows it. */
export function BoardTools({
  boardId,
  doc,
  board,
  identity,
  storage = window.localStorage,
  now,
  deviceNow = Date.now,
}: BoardToolsProps) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [isImportOpen, setImportOpen] = useState(false);
  const opener = useRef<HTMLDivElement>(null);
  const isFacilitator = identity.role === 'facilitator';
  const canExport = isFacilitator || board.session.participantsMayExport;
  const shown = panel === 'export' && !canExport ? null : panel;
  if (!canExport && !isFacilitator) return null;

  const returnFocus = () => opener.current?.querySelector('button')?.focus();
  const closeSheet = () => {
    setPanel(null);
    returnFocus();
  };
  const closeImport = () => {
    setImportOpen(false);
    returnFocus();
  };

  return (
    <div className="board-tools" ref={opener}>
      {isFacilitator ? (
        <Popover button={<>Menu ▾</>} label="Board menu">
          <BoardMenu
            onOpen={(item) => {
              setImportOpen(item === 'import');
              setPanel(item === 'import' ? null : item);
            }}
          />
        </Popover>
      ) : (
        <button
          type="button"
          className="quiet-button"
          aria-expanded={shown === 'export'}
          onClick={() => setPanel((current) => (current === 'export' ? null : 'export'))}
        >
          Export
        </button>
      )}
      {shown && (
        <ToolSheet label={SHEET_LABEL[shown]} onClose={closeSheet}>
          <Suspense fallback={loadingSheet}>
            {shown === 'export' && (
              <ExportPanel
                boardId={boardId}
                token={identity.token}
                board={board}
                isFacilitator={isFacilitator}
                now={now}
              />
            )}
            {shown === 'decisions' && (
              <DecisionsPanel doc={doc} board={board} facilitatorName={identity.name} now={now} />
            )}
            {shown === 'manage' && (
              <BoardManagement
                boardId={boardId}
                token={identity.token}
                title={board.meta?.title ?? 'Board'}
                storage={storage}
                now={deviceNow}
              />
            )}
          </Suspense>
        </ToolSheet>
      )}
      {isImportOpen && (
        <Suspense fallback={loadingSheet}>
          <ImportDialog
            doc={doc}
            board={board}
            now={now}
            onClose={closeImport}
            author={{ id: identity.participantId, name: identity.name, role: identity.role }}
          />
        </Suspense>
      )}
    </div>
  );
}

const MENU: readonly { item: Panel | 'import'; label: string }[] = [
  { item: 'export', label: SHEET_LABEL.export },
  { item: 'decisions', label: SHEET_LABEL.decisions },
  { item: 'import', label: 'Import notes' },
  { item: 'manage', label: SHEET_LABEL.manage },
];

/** The facilitator's board menu: each item closes the menu and opens its sheet (or the import dialog). */
function BoardMenu({ onOpen }: { onOpen: (item: Panel | 'import') => void }) {
  const close = usePopoverClose();
  return (
    <ul className="menu-list" aria-label="Board menu">
      {MENU.map(({ item, label }) => (
        <li key={item}>
          <button
            type="button"
            onClick={() => {
              close();
              onOpen(item);
            }}
          >
            {label}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A sheet over the canvas under the top bar: focus moves in when it opens; Close or Escape gives it back. */
function ToolSheet(props: { label: string; onClose: () => void; children: React.ReactNode }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    // No landmark of its own: the panel inside names itself ("Export the scope document", "Decisions").
    <div className="tool-sheet" onKeyDown={(event) => event.key === 'Escape' && props.onClose()}>
      <div className="tool-sheet-head">
        <button type="button" ref={closeButton} className="quiet-button" onClick={props.onClose}>
          Close {props.label.toLowerCase()}
        </button>
      </div>
      {props.children}
    </div>
  );
}
