// What an import would do: the notes to be created and the refused lines with the reason, before anything is written.
import { useId } from 'react';
import type { ImportError, ImportLine } from '@shared/import/parseImport.ts';

/** Long imports show their first notes only; the count above the list is always the full number. */
const SHOWN_MAX = 200;

export function ImportPreview({ lines, errors }: { lines: ImportLine[]; errors: ImportError[] }) {
  const notesId = useId();
  const refusedId = useId();
  if (lines.length === 0 && errors.length === 0) return <p className="hint">The notes to be created will show here.</p>;
  return (
    <div className="import-preview">
      <h3 id={notesId}>{`Notes to create (${lines.length})`}</h3>
      {lines.length > 0 && (
        <ol className="import-notes" aria-labelledby={notesId}>
          {lines.slice(0, SHOWN_MAX).map((line) => (
            <li key={line.lineNumber} dir="auto">
              {line.text}
            </li>
          ))}
        </ol>
      )}
      {lines.length > SHOWN_MAX && <p className="hint">{`…and ${lines.length - SHOWN_MAX} more.`}</p>}
      {errors.length > 0 && (
        <>
          <h3 id={refusedId}>{`Refused lines (${errors.length})`}</h3>
          <ul className="import-refused" aria-labelledby={refusedId}>
            {errors.map((e) => (
              <li key={`${e.lineNumber}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
