// "Save as template": downloads the board's structure, plan and ground rules (no notes) as a template file.
import { useState } from 'react';
import { exportFileName } from '@shared/export/exportFileName.ts';
import { authorizedFetch, boardPath, describeFailure } from '../boards/request.ts';
import { saveBlob } from '../export/saveBlob.ts';

export function SaveAsTemplate({ boardId, token }: { boardId: string; token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await authorizedFetch(boardPath(boardId, 'template'), token);
      const template = (await response.json()) as { title?: string };
      const name = exportFileName(`${template.title ?? 'board'} template`, Date.now(), 'json');
      saveBlob(new Blob([`${JSON.stringify(template, null, 2)}\n`], { type: 'application/json' }), name);
    } catch (failure) {
      setError(describeFailure(failure, 'The template could not be saved. Try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="setup-save">
      <button type="button" onClick={() => void save()} disabled={isBusy}>
        Save board as template
      </button>
      <span className="hint"> Exercises, stations, plan, ground rules and options; no notes.</span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
