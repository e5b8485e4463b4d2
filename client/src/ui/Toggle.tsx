// A labelled on/off switch (a checkbox inside its label), as the facilitator's option panels use.
import type { ReactNode } from 'react';

export interface ToggleProps {
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  /** The label text, which is also the checkbox's accessible name. */
  children: ReactNode;
}

export function Toggle({ checked, disabled, onChange, children }: ToggleProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}
