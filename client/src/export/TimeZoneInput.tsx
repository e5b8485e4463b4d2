// A time zone field: any IANA name, with every zone this browser knows offered as a suggestion.
import { useId, useMemo } from 'react';

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
  const zones = useMemo(() => knownTimeZones(), []);
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
