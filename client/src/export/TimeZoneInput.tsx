// A time zone field: any IANA name, with every zone this browser knows offered as a suggestion.
import { useId, useMemo, useState } from 'react';

/** The facilitator's browser zone: the board's default when it has none of its own. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone this browser knows (older browsers: none; the field still takes a name). */
function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export interface TimeZoneInputProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}

export function TimeZoneInput({ id, value, onChange, required = false }: TimeZoneInputProps) {
  const listId = useId();
  // The 400-odd suggestions are put in the page once the field is first focused, when they can first be offered:
  // the facilitator's console holds this field from the join, and they were a fifth of its elements.
  const [isOffered, setOffered] = useState(false);
  const zones = useMemo(() => (isOffered ? knownTimeZones() : []), [isOffered]);
  return (
    <>
      <input
        id={id}
        value={value}
        list={listId}
        required={required}
        placeholder="Europe/Copenhagen"
        spellCheck={false}
        autoComplete="off"
        onFocus={() => setOffered(true)}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
