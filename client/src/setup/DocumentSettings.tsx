// The board's document settings in setup: its time zone and the scope document's status, version and owner.
import { useEffect, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Meta } from '@shared/model/Meta.ts';
import { DOCUMENT_OWNER_MAX, DOCUMENT_VERSION_MAX, type DocumentStatus } from '@shared/model/documentControl.ts';
import { setDocumentControl, setTimeZone } from '@shared/doc/structureOps.ts';
import { StatusOptions } from '../export/ExportOptions.tsx';
import { browserTimeZone, TimeZoneInput } from '../export/TimeZoneInput.tsx';
import { useSetupWrite } from './useSetupWrite.ts';

function draftOf(meta: Meta | null) {
  return {
    timeZone: meta?.timeZone ?? browserTimeZone(),
    documentStatus: meta?.documentStatus ?? 'draft',
    documentVersion: meta?.documentVersion ?? '',
    documentOwner: meta?.documentOwner ?? '',
  };
}

export function DocumentSettings({ doc, meta }: { doc: Y.Doc; meta: Meta | null }) {
  const { error, write } = useSetupWrite();
  const [saved, setSaved] = useState(false);
  // Only what the facilitator typed is kept here; the rest shows the board as it is now (another tab may change it).
  const [edits, setEdits] = useState<Partial<ReturnType<typeof draftOf>>>({});
  const draft = { ...draftOf(meta), ...edits };
  // A board without a zone takes the facilitator's own the first time setup opens (its times are then local).
  const hasMeta = meta !== null;
  const hasZone = meta?.timeZone !== undefined;
  useEffect(() => {
    if (hasMeta && !hasZone) setTimeZone(doc, browserTimeZone());
  }, [doc, hasMeta, hasZone]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const isSaved = write(() => {
      const zone = setTimeZone(doc, draft.timeZone);
      if (!zone.ok) return zone;
      return setDocumentControl(doc, {
        documentStatus: draft.documentStatus,
        documentVersion: draft.documentVersion,
        documentOwner: draft.documentOwner,
      });
    });
    setSaved(isSaved);
    if (isSaved) setEdits({});
  };
  const set = (patch: Partial<typeof draft>) => {
    setSaved(false);
    setEdits({ ...edits, ...patch });
  };
  return (
    <form onSubmit={save} aria-label="Time zone and document control" className="document-settings">
      <label>
        Time zone
        <TimeZoneInput value={draft.timeZone} required onChange={(timeZone) => set({ timeZone })} />
      </label>
      <label>
        Document status
        <select
          value={draft.documentStatus}
          onChange={(e) => set({ documentStatus: e.target.value as DocumentStatus })}
        >
          <StatusOptions />
        </select>
      </label>
      <label>
        Version
        <input
          value={draft.documentVersion}
          placeholder="0.1"
          maxLength={DOCUMENT_VERSION_MAX}
          size={6}
          onChange={(e) => set({ documentVersion: e.target.value })}
        />
      </label>
      <label>
        Owner
        <input
          value={draft.documentOwner}
          placeholder="the facilitator"
          maxLength={DOCUMENT_OWNER_MAX}
          dir="auto"
          onChange={(e) => set({ documentOwner: e.target.value })}
        />
      </label>
      <button type="submit">Save document settings</button>
      <p className="hint">
        The export&rsquo;s times are in this zone, with UTC beside them. Status, version and owner head the scope
        document and its Word header.
      </p>
      <p role="status" className="hint">
        {saved && !error ? 'Document settings saved.' : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
