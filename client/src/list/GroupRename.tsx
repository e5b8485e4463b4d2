// "Rename" for one group: a button that opens an inline name field with Save and Cancel.
import { useEffect, useId, useRef, useState } from 'react';
import { GROUP_LABEL_MAX } from '@shared/model/limits.ts';

export interface GroupRenameProps {
  /** The group's name as shown, for the button's description. */
  name: string;
  label: string;
  onRename: (label: string) => string | null;
}

export function GroupRename({ name, label, onRename }: GroupRenameProps) {
  const [isOpen, setOpen] = useState(false);
  const [draft, setDraft] = useState(label);
  const [error, setError] = useState<string | null>(null);
  const [wasOpened, setWasOpened] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isOpen) input.current?.focus();
    else if (wasOpened) button.current?.focus();
  }, [isOpen, wasOpened]);

  if (!isOpen) {
    return (
      <button
        type="button"
        ref={button}
        className="quiet group-rename-open"
        aria-label={`Rename group ${name}`}
        onClick={() => {
          setDraft(label);
          setError(null);
          setOpen(true);
          setWasOpened(true);
        }}
      >
        Rename
      </button>
    );
  }
  return (
    <form
      className="group-rename"
      onSubmit={(event) => {
        event.preventDefault();
        const failure = onRename(draft);
        setError(failure);
        if (!failure) setOpen(false);
      }}
    >
      <label htmlFor={inputId}>Group name</label>
      <input
        id={inputId}
        ref={input}
        value={draft}
        maxLength={GROUP_LABEL_MAX}
        dir="auto"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            setOpen(false);
          }
        }}
      />
      <button type="submit" aria-label={`Save the new name of group ${name}`}>
        Save
      </button>
      <button
        type="button"
        className="quiet"
        aria-label={`Cancel renaming group ${name}`}
        onClick={() => setOpen(false)}
      >
        Cancel
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
