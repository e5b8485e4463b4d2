// The machinery of zodLite.ts (the browser's zod): a schema's run, its checks, their issues and messages, as zod
// itself orders and words them. zodLite.ts builds the schema kinds and the `z` object on it.
import { localeMessage, type Issue } from './zodLiteMessages.ts';

export type { Issue };

export interface Payload {
  value: unknown;
  issues: Issue[];
  aborted?: boolean;
  addIssue?: (issue: Partial<Issue> | string) => void;
}
type ErrorMap = (issue: Issue) => string | undefined;
export type Params = string | { error?: string | ErrorMap; message?: string } | undefined;

/** A check: runs on a parsed value and pushes issues; `when` replaces the usual "skip once aborted" rule. */
interface Check {
  error: ErrorMap | undefined;
  /** A length check's bound: an array longer than a leading maximum is refused before its items are read. */
  maximum?: number;
  when?: (payload: Payload) => boolean;
  check: (payload: Payload, self: Check) => void;
}

type Optionality = 'optional' | 'defaulted' | undefined;

export interface LiteSchema {
  readonly checks: readonly Check[];
  readonly error: ErrorMap | undefined;
  readonly optin: Optionality;
  readonly optout: Optionality;
  /** Object schemas only: their fields. */
  readonly shape: Record<string, LiteSchema>;
  run(payload: Payload): Payload;
  check(...checks: Check[]): LiteSchema;
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
  parse(value: unknown): unknown;
}

export function errorOf(params: Params): ErrorMap | undefined {
  if (params === undefined) return undefined;
  if (typeof params === 'string') return () => params;
  const error = params.error ?? params.message;
  return typeof error === 'string' ? () => error : error;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const ctor: unknown = value.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** Any issue that does not say `continue` stops the checks that follow (zod's "aborted"). */
const isAborted = (p: Payload, from = 0) => p.aborted === true || p.issues.slice(from).some((i) => i.continue !== true);
const isExplicitlyAborted = (p: Payload) => p.aborted === true || p.issues.some((i) => i.continue === false);

function runChecks(payload: Payload, checks: readonly Check[], owner: LiteSchema): Payload {
  let aborted = isAborted(payload);
  for (const ch of checks) {
    if (ch.when) {
      if (isExplicitlyAborted(payload) || !ch.when(payload)) continue;
    } else if (aborted) continue;
    const before = payload.issues.length;
    ch.check(payload, ch);
    if (payload.issues.length === before) continue;
    for (const issue of payload.issues.slice(before)) issue.schema ??= owner;
    if (!aborted) aborted = isAborted(payload, before);
  }
  return payload;
}

/** The message zod gives: the raiser's own words, then its schema's, then the English default. */
export function finalize(issue: Issue): Issue {
  const raiser = issue.inst as (LiteSchema & Check) | undefined;
  const owner = issue.schema as LiteSchema | undefined;
  const ownerError = owner && owner !== raiser ? owner.error : undefined;
  const message = issue.message ?? raiser?.error?.(issue) ?? ownerError?.(issue) ?? localeMessage(issue);
  const { inst: _inst, schema: _schema, continue: _continue, input: _input, ...rest } = issue;
  return { ...rest, path: issue.path ?? [], message };
}

interface Definition {
  parse: (payload: Payload, self: LiteSchema) => Payload;
  error?: ErrorMap | undefined;
  checks?: readonly Check[];
  optin?: Optionality;
  optout?: Optionality;
  shape?: Record<string, LiteSchema>;
}

export function schema(def: Definition): LiteSchema {
  const self: LiteSchema = {
    checks: def.checks ?? [],
    error: def.error,
    optin: def.optin,
    optout: def.optout,
    shape: def.shape ?? {},
    run(payload) {
      const parsed = def.parse(payload, self);
      return self.checks.length ? runChecks(parsed, self.checks, self) : parsed;
    },
    check: (...checks) => schema({ ...def, checks: [...self.checks, ...checks] }),
    safeParse(value) {
      const result = self.run({ value, issues: [] });
      return result.issues.length
        ? { success: false, error: { issues: result.issues.map(finalize) } }
        : { success: true, data: result.value };
    },
    parse(value) {
      const result = self.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'Invalid input');
      return result.data;
    },
  };
  return self;
}

/** A type that accepts values `accepts` says yes to, and raises invalid_type otherwise. */
export function typed(expected: string, accepts: (value: unknown) => boolean, params?: Params): LiteSchema {
  const error = errorOf(params);
  return schema({
    error,
    parse(payload, self) {
      if (!accepts(payload.value)) {
        const value = payload.value;
        const received = typeof value === 'number' && !Number.isFinite(value) ? { received: String(value) } : {};
        payload.issues.push({ code: 'invalid_type', expected, input: value, inst: self, ...received });
      }
      return payload;
    },
  });
}

export function check(fn: Check['check'], params?: Params, when?: Check['when']): Check {
  return when ? { error: errorOf(params), check: fn, when } : { error: errorOf(params), check: fn };
}

function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

const hasLength = (p: Payload) => p.value !== null && p.value !== undefined && (p.value as string).length !== undefined;
const lengthOrigin = (value: unknown) =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';

export function lengthCheck(limit: number, isMin: boolean, params?: Params): Check {
  const made = check(
    (p, self) => {
      const value = p.value as string | unknown[];
      const units = value.length;
      const counts = typeof value === 'string' && (isMin ? units >= limit && units < limit * 2 : units > limit);
      const length = counts ? codePointLength(value as string) : units;
      if (isMin ? length >= limit : length <= limit) return;
      const bound = isMin ? { code: 'too_small', minimum: limit } : { code: 'too_big', maximum: limit };
      p.issues.push({
        ...bound,
        origin: lengthOrigin(value),
        inclusive: true,
        input: value,
        inst: self,
        continue: true,
      });
    },
    params,
    hasLength,
  );
  return isMin ? made : { ...made, maximum: limit };
}

/** zod's size cap: the leading length checks' maxima (a check of another kind ends them). */
export function sizeCaps(checks: readonly Check[]): Check[] {
  const leading = checks.findIndex((ch) => ch.when !== hasLength);
  return (leading < 0 ? checks : checks.slice(0, leading)).filter((ch) => ch.maximum !== undefined);
}

export function compare(limit: number, isMin: boolean, inclusive: boolean, params?: Params): Check {
  return check((p, self) => {
    const value = p.value as number;
    const passes = isMin ? (inclusive ? value >= limit : value > limit) : inclusive ? value <= limit : value < limit;
    if (passes) return;
    const bound = isMin ? { code: 'too_small', minimum: limit } : { code: 'too_big', maximum: limit };
    p.issues.push({ ...bound, origin: 'number', input: value, inclusive, inst: self, continue: true });
  }, params);
}

export function pattern(regex: RegExp, format: string, p: Payload, self: unknown): void {
  regex.lastIndex = 0;
  if (regex.test(p.value as string)) return;
  const issue: Issue = { code: 'invalid_format', origin: 'string', format, input: p.value, inst: self };
  if (format === 'regex') issue.pattern = regex.toString();
  p.issues.push({ ...issue, continue: true });
}

export function refine(fn: (value: never) => unknown, params?: Params): Check {
  return check((p, self) => {
    if (!fn(p.value as never)) p.issues.push({ code: 'custom', input: p.value, inst: self, path: [], continue: true });
  }, params);
}

export function superRefine(fn: (value: never, ctx: Payload) => void): Check {
  return check((p, self) => {
    p.addIssue = (raised) => {
      const issue: Issue =
        typeof raised === 'string'
          ? { code: 'custom', message: raised, input: p.value, inst: self }
          : { ...raised, code: raised.code ?? 'custom' };
      if (!('input' in issue)) issue.input = p.value;
      issue.inst ??= self;
      issue.continue ??= true;
      p.issues.push(issue);
    };
    fn(p.value as never, p);
  });
}
