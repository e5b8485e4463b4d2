// The export panel: a live preview of the scope document, one download button per format, and the participants switch.
import { useId, useMemo, useState } from 'react';
import type { Board } from '@shared/doc/readBoard.ts';
import type { ExportFormat } from '@shared/export/exportBoard.ts';
import { describeFailure } from '../boards/request.ts';
import type { ExportChoices } from '@shared/export/exportOptions.ts';
import { fetchExport, setParticipantsMayExport } from './exportApi.ts';
import { ExportOptions } from './ExportOptions.tsx';
import { browserTimeZone } from './TimeZoneInput.tsx';
import { printHtml } from './printHtml.ts';
import { saveBlob } from './saveBlob.ts';
import { useScopePreview } from './useScopePreview.ts';

/** The buttons, in the order people look for them; the labels are their accessible names. */
export const DOWNLOADS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'md', label: 'Download Markdown' },
  { format: 'docx', label: 'Download Word (.docx)' },
  { format: 'html', label: 'Download HTML' },
  { format: 'json', label: 'Download JSON' },
  { format: 'csv', label: 'Download CSV' },
];

export interface ExportPanelProps {
  boardId: string;
  token: string;
  board: Board;
  isFacilitator: boolean;
  now: () => number;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat | 'pdf' }
  | { kind: 'printed' }
  | { kind: 'done'; fileName: string }
  | { kind: 'error'; message: string };

export function ExportPanel({ boardId, token, board, isFacilitator, now }: ExportPanelProps) {
  const headingId = useId();
  const switchId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [isSwitching, setSwitching] = useState(false);
  // What the facilitator just asked for, shown until the server's session map says the same (or the request fails).
  const [pending, setPending] = useState<boolean | null>(null);
  // The board's own settings (set in setup) are the defaults: its time zone (else this browser's), status, version
  // and owner. What the person changes here overrides them for the next downloads only.
  const meta = board.meta;
  const defaults = useMemo(
    (): ExportChoices => ({
      timeZone: meta?.timeZone ?? browserTimeZone(),
      ...(meta?.documentStatus ? { status: meta.documentStatus } : {}),
      ...(meta?.documentVersion ? { version: meta.documentVersion } : {}),
      ...(meta?.documentOwner ? { owner: meta.documentOwner } : {}),
    }),
    [meta],
  );
  const [overrides, setOverrides] = useState<ExportChoices>({});
  const choices = useMemo(() => ({ ...defaults, ...overrides }), [defaults, overrides]);
  const changeChoices = (next: ExportChoices) =>
    setOverrides(
      Object.fromEntries(
        Object.entries(next).filter(([key, value]) => value !== defaults[key as keyof ExportChoices]),
      ) as ExportChoices,
    );
  const preview = useScopePreview(board, { isActive: true, now, choices });
  const mayExport = board.session.participantsMayExport;
  // The switch shows the asked-for value until the board says it took effect.
  if (pending !== null && pending === mayExport) setPending(null);

  const download = async (format: ExportFormat) => {
    setStatus({ kind: 'busy', format });
    try {
      const file = await fetchExport(boardId, token, format, choices);
      saveBlob(file.blob, file.fileName);
      setStatus({ kind: 'done', fileName: file.fileName });
    } catch (error) {
      setStatus({
        kind: 'error',
        message: describeFailure(error, 'The file could not be downloaded. Please try again.'),
      });
    }
  };

  /** Save as PDF: the server's HTML, printed by the browser on the chosen paper (the page's @page rule). */
  const savePdf = async () => {
    setStatus({ kind: 'busy', format: 'pdf' });
    try {
      const file = await fetchExport(boardId, token, 'html', choices);
      await printHtml(await file.blob.text());
      setStatus({ kind: 'printed' });
    } catch (error) {
      setStatus({
        kind: 'error',
        message: describeFailure(error, 'The print dialog could not be opened. Please try again.'),
      });
    }
  };

  const toggle = async (isAllowed: boolean) => {
    setSwitching(true);
    setSwitchError(null);
    setPending(isAllowed);
    try {
      await setParticipantsMayExport(boardId, token, isAllowed);
    } catch (error) {
      setPending(null);
      setSwitchError(describeFailure(error, 'The setting could not be changed. Please try again.'));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <section className="panel export-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export the scope document</h2>
      <p className="hint">
        A draft Terms of Reference built from the board. The files come from the server, as of the moment you download.
      </p>
      <ExportOptions choices={choices} onChange={changeChoices} />
      {isFacilitator && (
        <p className="hint">
          The time zone, status, version and owner start from the board&rsquo;s document settings in setup; changes here
          apply to the next download only.
        </p>
      )}
      <div className="export-downloads">
        {DOWNLOADS.map(({ format, label }) => (
          <button key={format} type="button" onClick={() => void download(format)} disabled={status.kind === 'busy'}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => void savePdf()} disabled={status.kind === 'busy'}>
          Save as PDF
        </button>
      </div>
      <p className="export-status" role="status">
        {status.kind === 'busy' && 'Preparing the file…'}
        {status.kind === 'done' && `Downloaded ${status.fileName}.`}
        {status.kind === 'printed' && 'Print dialog closed. Choose “Save as PDF” as the printer to keep a PDF.'}
      </p>
      {status.kind === 'error' && (
        <p className="error" role="alert">
          {status.message}
        </p>
      )}
      {isFacilitator && (
        <div className="export-switch">
          <input
            id={switchId}
            type="checkbox"
            checked={pending ?? mayExport}
            disabled={isSwitching}
            onChange={(event) => void toggle(event.target.checked)}
          />
          <label htmlFor={switchId}>Let participants export</label>
          {switchError && (
            <p className="error" role="alert">
              {switchError}
            </p>
          )}
        </div>
      )}
      <h3 className="export-preview-heading">Preview</h3>
      {preview === null ? (
        <p role="status">Preparing the preview…</p>
      ) : (
        <>
          {preview.shownNotes < preview.listedNotes && (
            <p className="hint">
              The preview shows the first notes of each list ({preview.shownNotes.toLocaleString()} of{' '}
              {preview.listedNotes.toLocaleString()}); every download holds them all.
            </p>
          )}
          {/* sandbox="" : no scripts, no same-origin access, no forms; the export escapes every note, and this is a second wall. */}
          <iframe className="export-preview" title="Scope document preview" sandbox="" srcDoc={preview.html} />
        </>
      )}
    </section>
  );
}
