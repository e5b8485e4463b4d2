// The HTML input laid over a group frame's label to rename it: Enter or leaving the field saves, Escape cancels.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { GROUP_LABEL_MAX } from '@shared/model/limits.ts';
import { UNNAMED_GROUP } from './unnamedGroup.ts';

export interface LabelEditorProps {
  label: string;
  /** Where the input goes, in pixels relative to the canvas. */
  left: number;
  top: number;
  width: number;
  onCommit: (label: string) => void;
  onCancel: () => void;
}

export function LabelEditor({ label, left, top, width, onCommit, onCancel }: LabelEditorProps) {
  const [value, setValue] = useState(label);
  const input = useRef<HTMLInputElement>(null);
  // Saving on blur and on Enter must not both write: the first one wins.
  const isDone = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (isDone.current) return;
    isDone.current = true;
    if (save) onCommit(value);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };
  return (
    <input
      ref={input}
      className="label-editor"
      aria-label="Group label"
      placeholder={UNNAMED_GROUP}
      dir="auto"
      maxLength={GROUP_LABEL_MAX}
      value={value}
      style={{ left, top, width: Math.max(160, width) }}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}
