// The import dialog: pick a station and a source, paste or upload lines, preview what becomes a note, then import.
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '@shared/doc/ops.ts';
import type { Board } from '@shared/doc/readBoard.ts';
import { importNotes } from '@shared/import/importNotes.ts';
import { parseImportText, type ImportKind } from '@shared/import/parseImport.ts';
import { SOURCE_MAX } from '@shared/model/Note.ts';
import { IMPORT_FILE_MAX_BYTES, importKindOf } from './importKind.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { stationOptions } from './stationOptions.ts';

export interface ImportDialogProps {
  doc: Y.Doc;
  board: Board;
  /** Who imports: recorded as the notes' author. */
  author: Author;
  now: () => number;
  onClose: () => void;
}

const plural = (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`;
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');

export function ImportDialog({ doc, board, author, now, onClose }: ImportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = {
    heading: useId(),
    station: useId(),
    source: useId(),
    sourceHint: useId(),
    lines: useId(),
    file: useId(),
    kind: useId(),
  };
  const groups = useMemo(() => stationOptions(board), [board]);
  const [areaId, setAreaId] = useState('');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ImportKind>('txt');
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const parsed = useMemo(() => parseImportText(text, kind), [text, kind]);

  const stations = groups.flatMap((group) => group.stations);
  const station = stations.find((s) => s.areaId === areaId) ?? stations[0];
  const count = parsed.lines.length;

  useEffect(() => {
    // Modal: focus stays inside, Escape closes, the page behind is inert. Guarded for StrictMode's second effect run.
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(null);
    setSuccess(null);
    if (!file) return;
    if (file.size > IMPORT_FILE_MAX_BYTES) {
      setError(
        `That file is ${Math.ceil(file.size / 1024)} KB; import files up to ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB, or split it.`,
      );
      return;
    }
    try {
      const content = await file.text();
      setKind(importKindOf(file));
      setText(content);
    } catch {
      setError('That file could not be read. Save it as plain text (.txt) or CSV (.csv) and try again.');
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSuccess(null);
    if (!station) return setError('This board has no stations to import into.');
    if (source.trim() === '') return setError('Say where the input comes from, in "Source".');
    if (count === 0) return setError('There is nothing to import: paste some lines or upload a file.');
    const result = importNotes(doc, { areaId: station.areaId, lines: parsed.lines, source, author, now: now() });
    if (!result.ok) return setError(sentence(result.reason));
    setError(null);
    setText('');
    setSuccess(`Imported ${plural(result.value.length)} into ${station.label}, marked "${source.trim()}".`);
  };

  return (
    <dialog ref={dialogRef} className="board-dialog import-dialog" aria-labelledby={ids.heading} onClose={onClose}>
      <form className="dialog-body" onSubmit={onSubmit}>
        <h2 id={ids.heading}>Import notes</h2>
        <p className="hint">
          Bring in outside input (a consultation, an email): one note per line. It is marked with its source in the
          board and the export.
        </p>
        <div className="field">
          <label htmlFor={ids.station}>Station</label>
          <select id={ids.station} value={station?.areaId ?? ''} onChange={(event) => setAreaId(event.target.value)}>
            {groups.map((group) => (
              <optgroup key={group.exerciseId} label={group.exerciseTitle}>
                {group.stations.map((s) => (
                  <option key={s.areaId} value={s.areaId}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.source}>Source</label>
          <input
            id={ids.source}
            value={source}
            maxLength={SOURCE_MAX}
            dir="auto"
            aria-describedby={ids.sourceHint}
            onChange={(event) => setSource(event.target.value)}
          />
          <p id={ids.sourceHint} className="hint">
            Where the input comes from, e.g. "Public consultation, 12 March 2017".
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.lines}>Lines to import</label>
          <textarea
            id={ids.lines}
            rows={6}
            value={text}
            dir="auto"
            onChange={(event) => {
              setText(event.target.value);
              setSuccess(null);
            }}
          />
        </div>
        <div className="import-row">
          <div className="field">
            <label htmlFor={ids.file}>Upload file</label>
            <input
              id={ids.file}
              type="file"
              accept=".txt,.csv,text/plain,text/csv"
              onChange={(event) => void onFile(event)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>Read as</label>
            <select
              id={ids.kind}
              value={kind}
              onChange={(event) => setKind(event.target.value === 'csv' ? 'csv' : 'txt')}
            >
              <option value="txt">Text: one note per line</option>
              <option value="csv">CSV: the "text" or "note" column, else the first</option>
            </select>
          </div>
        </div>
        <ImportPreview lines={parsed.lines} errors={parsed.errors} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p className="import-success" role="status">
          {success}
        </p>
        <div className="dialog-actions">
          <button type="submit" disabled={count === 0}>{`Import ${plural(count)}`}</button>
          <button type="button" className="secondary" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
