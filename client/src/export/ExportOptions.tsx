// The export panel's choices: paper, document status, version, owner, drafting notes and time zone.
import { useId } from 'react';
import './exportOptions.css';
import { TimeZoneInput } from './TimeZoneInput.tsx';
import {
  DOCUMENT_STATUSES,
  type DocumentStatus,
  type ExportChoices,
  type Paper,
} from '@shared/export/exportOptions.ts';

/** Draft, For review, Final: the options of every document-status select (export panel, setup). */
export function StatusOptions() {
  return (
    <>
      {(Object.keys(DOCUMENT_STATUSES) as DocumentStatus[]).map((key) => (
        <option key={key} value={key}>
          {DOCUMENT_STATUSES[key]}
        </option>
      ))}
    </>
  );
}

export interface ExportOptionsProps {
  choices: ExportChoices;
  onChange: (next: ExportChoices) => void;
}

/** Native labelled controls; every change goes straight to the preview and to the next download. */
export function ExportOptions({ choices, onChange }: ExportOptionsProps) {
  const id = useId();
  const set = (patch: Partial<ExportChoices>) => onChange({ ...choices, ...patch });
  return (
    <fieldset className="export-options">
      <legend>Document</legend>
      <label htmlFor={`${id}-paper`}>Paper</label>
      <select
        id={`${id}-paper`}
        value={choices.paper ?? 'a4'}
        onChange={(e) => set({ paper: e.target.value as Paper })}
      >
        <option value="a4">A4</option>
        <option value="letter">US Letter</option>
      </select>
      <label htmlFor={`${id}-status`}>Status</label>
      <select
        id={`${id}-status`}
        value={choices.status ?? 'draft'}
        onChange={(e) => set({ status: e.target.value as DocumentStatus })}
      >
        <StatusOptions />
      </select>
      <label htmlFor={`${id}-version`}>Version</label>
      <input
        id={`${id}-version`}
        value={choices.version ?? ''}
        placeholder="0.1"
        maxLength={20}
        onChange={(e) => set({ version: e.target.value.trim() || undefined })}
      />
      <label htmlFor={`${id}-owner`}>Owner</label>
      <input
        id={`${id}-owner`}
        value={choices.owner ?? ''}
        placeholder="the facilitator"
        maxLength={120}
        onChange={(e) => set({ owner: e.target.value || undefined })}
      />
      <label htmlFor={`${id}-zone`}>Time zone</label>
      <TimeZoneInput
        id={`${id}-zone`}
        value={choices.timeZone ?? ''}
        onChange={(value) => set({ timeZone: value.trim() || undefined })}
      />
      <span className="export-option-check">
        <input
          id={`${id}-drafting`}
          type="checkbox"
          checked={choices.drafting !== 'omit'}
          onChange={(e) => set({ drafting: e.target.checked ? 'show' : 'omit' })}
        />
        <label htmlFor={`${id}-drafting`}>Include drafting notes</label>
      </span>
      <span className="export-option-check">
        <input
          id={`${id}-authors`}
          type="checkbox"
          checked={choices.authors !== 'omit'}
          onChange={(e) => set({ authors: e.target.checked ? 'show' : 'omit' })}
        />
        <label htmlFor={`${id}-authors`}>Author names in the CSV</label>
      </span>
    </fieldset>
  );
}
