// zod's English messages (zod/locales en) for the issues the browser's checker raises (zodLite.ts), word for word.

export interface Issue {
  code: string;
  path?: PropertyKey[];
  message?: string;
  continue?: boolean;
  input?: unknown;
  inst?: unknown;
  schema?: unknown;
  [detail: string]: unknown;
}

const UNITS: Record<string, string> = { string: 'characters', array: 'items' };

/** zod's name for the type of a value it received. */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value && value.constructor) {
    return (value.constructor as { name: string }).name;
  }
  return 'object';
}

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : `${String(value)}`);

function bound(issue: Issue, isMax: boolean): string {
  const adj = issue.exact ? 'exactly ' : issue.inclusive ? (isMax ? '<=' : '>=') : isMax ? '<' : '>';
  const limit = String(isMax ? issue.maximum : issue.minimum);
  const origin = issue.origin as string | undefined;
  const unit = origin ? UNITS[origin] : undefined;
  const what = isMax ? (origin ?? 'value') : origin;
  return `Too ${isMax ? 'big' : 'small'}: expected ${what} to ${unit ? `have ${adj}${limit} ${unit}` : `be ${adj}${limit}`}`;
}

export function localeMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${String(issue.expected)}, received ${typeName(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values as unknown[];
      return values.length === 1
        ? `Invalid input: expected ${quoted(values[0])}`
        : `Invalid option: expected one of ${values.map(quoted).join('|')}`;
    }
    case 'too_big':
      return bound(issue, true);
    case 'too_small':
      return bound(issue, false);
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${String(issue.pattern)}`
        : issue.format === 'date'
          ? 'Invalid ISO date'
          : `Invalid ${String(issue.format)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys as string[];
      return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${keys.map(quoted).join(', ')}`;
    }
    case 'invalid_key':
      return `Invalid key in ${String(issue.origin)}`;
    default:
      return 'Invalid input';
  }
}
