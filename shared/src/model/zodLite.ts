// The browser's zod: a small interpreter of the part of zod/mini's API that shared's schemas use, with zod's own
// parsing rules (issue order, aborts, optional keys, defaults, catches, messages). The client build resolves
// model/zod.ts to this file (client/vite.config.ts), so the record modules stay the one source of truth for both;
// the server, the guard and the JSON Schema keep real zod. tests/unit/model/zodLite.test.ts runs every schema
// through both on generated records and asserts the same values and refusals.
import { localeMessage, type Issue } from './zodLiteMessages.ts';

export type { Issue };

interface Payload {
  value: unknown;
  issues: Issue[];
  aborted?: boolean;
  addIssue?: (issue: Partial<Issue> | string) => void;
}
type ErrorMap = (issue: Issue) => string | undefined;
type Params = string | { error?: string | ErrorMap; message?: string } | undefined;

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

function errorOf(params: Params): ErrorMap | undefined {
  if (params === undefined) return undefined;
  if (typeof params === 'string') return () => params;
  const error = params.error ?? params.message;
  return typeof error === 'string' ? () => error : error;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isPlainObject(value: unknown): value is Record<string, unknown> {
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
function finalize(issue: Issue): Issue {
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

function schema(def: Definition): LiteSchema {
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
function typed(expected: string, accepts: (value: unknown) => boolean, params?: Params): LiteSchema {
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

function check(fn: Check['check'], params?: Params, when?: Check['when']): Check {
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

function lengthCheck(limit: number, isMin: boolean, params?: Params): Check {
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
function sizeCaps(checks: readonly Check[]): Check[] {
  const leading = checks.findIndex((ch) => ch.when !== hasLength);
  return (leading < 0 ? checks : checks.slice(0, leading)).filter((ch) => ch.maximum !== undefined);
}

function compare(limit: number, isMin: boolean, inclusive: boolean, params?: Params): Check {
  return check((p, self) => {
    const value = p.value as number;
    const passes = isMin ? (inclusive ? value >= limit : value > limit) : inclusive ? value <= limit : value < limit;
    if (passes) return;
    const bound = isMin ? { code: 'too_small', minimum: limit } : { code: 'too_big', maximum: limit };
    p.issues.push({ ...bound, origin: 'number', input: value, inclusive, inst: self, continue: true });
  }, params);
}

function pattern(regex: RegExp, format: string, p: Payload, self: unknown): void {
  regex.lastIndex = 0;
  if (regex.test(p.value as string)) return;
  const issue: Issue = { code: 'invalid_format', origin: 'string', format, input: p.value, inst: self };
  if (format === 'regex') issue.pattern = regex.toString();
  p.issues.push({ ...issue, continue: true });
}

function refine(fn: (value: never) => unknown, params?: Params): Check {
  return check((p, self) => {
    if (!fn(p.value as never)) p.issues.push({ code: 'custom', input: p.value, inst: self, path: [], continue: true });
  }, params);
}

function superRefine(fn: (value: never, ctx: Payload) => void): Check {
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

const prefixed = (key: PropertyKey, issues: Issue[]) =>
  issues.map((issue) => ({ ...issue, path: [key, ...(issue.path ?? [])] }));

/** One field of an object: zod's rules for absent keys, optional fields and defaults. */
function readField(result: Payload, final: Payload, key: string, input: Record<string, unknown>, field: LiteSchema) {
  const isPresent = key in input;
  const { optin, optout } = field;
  const out = final.value as Record<string, unknown>;
  if (!isPresent && optout === 'optional' && optin === 'optional') return;
  if (result.issues.length) {
    if (optin !== undefined && optout === 'optional' && !isPresent) return;
    final.issues.push(...prefixed(key, result.issues));
  }
  if (!isPresent && optin === undefined) {
    if (!result.issues.length) final.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key] });
    return;
  }
  if (result.value === undefined) {
    if (isPresent || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
  } else out[key] = result.value;
}

function object(shape: Record<string, LiteSchema>, isStrict: boolean, params?: Params): LiteSchema {
  return schema({
    error: errorOf(params),
    shape,
    parse(payload, self) {
      const input = payload.value;
      if (!isObject(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'object', input, inst: self });
        return payload;
      }
      payload.value = {};
      for (const key of Object.keys(shape)) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        readField(field.run({ value: input[key], issues: [] }), payload, key, input, field);
      }
      if (!isStrict) return payload;
      const unknownKeys: string[] = [];
      for (const key in input) if (!Object.hasOwn(shape, key)) unknownKeys.push(key);
      if (unknownKeys.length)
        payload.issues.push({ code: 'unrecognized_keys', keys: unknownKeys, input, inst: self, continue: true });
      return payload;
    },
  });
}

function optional(inner: LiteSchema): LiteSchema {
  return schema({
    optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    optout: 'optional',
    parse(payload) {
      if (payload.value !== undefined) return inner.run(payload);
      if (inner.optin !== 'defaulted') return payload;
      const result = inner.run({ value: undefined, issues: [] });
      payload.value = result.issues.length ? undefined : result.value;
      return payload;
    },
  });
}

function nullable(inner: LiteSchema): LiteSchema {
  return schema({
    optin: inner.optin,
    optout: inner.optout,
    parse: (payload) => (payload.value === null ? payload : inner.run(payload)),
  });
}

function shallowClone<T>(value: T): T {
  if (isPlainObject(value)) return { ...value };
  return (Array.isArray(value) ? [...value] : value) as T;
}

function withDefault(inner: LiteSchema, fallback: unknown): LiteSchema {
  const value = () => (typeof fallback === 'function' ? (fallback as () => unknown)() : shallowClone(fallback));
  return schema({
    optin: 'defaulted',
    parse(payload) {
      if (payload.value === undefined) {
        payload.value = value();
        return payload;
      }
      const result = inner.run(payload);
      if (result.value === undefined) result.value = value();
      return result;
    },
  });
}

function withCatch(inner: LiteSchema, fallback: unknown): LiteSchema {
  const value = typeof fallback === 'function' ? (fallback as (ctx: unknown) => unknown) : () => fallback;
  return schema({
    optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    optout: inner.optout,
    parse(payload) {
      const result = inner.run({ value: payload.value, issues: [] });
      payload.value = result.issues.length
        ? value({
            ...result,
            value: payload.value,
            error: { issues: result.issues.map(finalize) },
            input: payload.value,
          })
        : result.value;
      return payload;
    },
  });
}

function pipe(from: LiteSchema, to: LiteSchema): LiteSchema {
  return schema({
    optin: from.optin,
    optout: to.optout,
    parse(payload) {
      const left = from.run(payload);
      if (left.issues.some((issue) => issue.code !== 'unrecognized_keys')) {
        left.aborted = true;
        return left;
      }
      return to.run({ value: left.value, issues: left.issues });
    },
  });
}

function transform(fn: (value: never, payload: Payload) => unknown): LiteSchema {
  return schema({
    optin: 'optional',
    parse(payload) {
      payload.value = fn(payload.value as never, payload);
      return payload;
    },
  });
}

function array(element: LiteSchema, params?: Params): LiteSchema {
  return schema({
    error: errorOf(params),
    parse(payload, self) {
      const input = payload.value;
      if (!Array.isArray(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'array', input, inst: self });
        return payload;
      }
      for (const cap of sizeCaps(self.checks)) {
        if (input.length <= cap.maximum!) continue;
        const start = payload.issues.length;
        cap.check(payload, cap);
        payload.issues[start]!.continue = false;
        for (const issue of payload.issues.slice(start)) issue.schema ??= self;
        return payload;
      }
      const out = Array<unknown>(input.length);
      payload.value = out;
      input.forEach((item, index) => {
        const result = element.run({ value: item, issues: [] });
        if (result.issues.length) payload.issues.push(...prefixed(index, result.issues));
        out[index] = result.value;
      });
      return payload;
    },
  });
}

const NUMERIC_KEY = /^-?\d+(?:\.\d+)?$/;

/** Records whose keys are checked by a key schema (the schemas use no enum keys). */
function record(keyType: LiteSchema, valueType: LiteSchema, params?: Params): LiteSchema {
  return schema({
    error: errorOf(params),
    parse(payload, self) {
      const input = payload.value;
      if (!isPlainObject(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'record', input, inst: self });
        return payload;
      }
      const out: Record<string, unknown> = {};
      payload.value = out;
      for (const key of Object.keys(input)) {
        if (key === '__proto__') continue;
        let keyResult = keyType.run({ value: key, issues: [] });
        if (keyResult.issues.length && NUMERIC_KEY.test(key)) {
          const retry = keyType.run({ value: Number(key), issues: [] });
          if (!retry.issues.length) keyResult = retry;
        }
        if (keyResult.issues.length) {
          const issues = keyResult.issues.map(finalize);
          payload.issues.push({ code: 'invalid_key', origin: 'record', issues, input: key, path: [key], inst: self });
          continue;
        }
        const outKey = keyResult.value as string;
        if (outKey === '__proto__') continue;
        const result = valueType.run({ value: input[key], issues: [] });
        if (result.issues.length) payload.issues.push(...prefixed(key, result.issues));
        out[outKey] = result.value;
      }
      return payload;
    },
  });
}

function oneOf(values: readonly unknown[], params?: Params): LiteSchema {
  return schema({
    error: errorOf(params),
    parse(payload, self) {
      if (!values.includes(payload.value))
        payload.issues.push({ code: 'invalid_value', values: [...values], input: payload.value, inst: self });
      return payload;
    },
  });
}

const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/** A string schema that is also its own format check (zod's z.iso.date). */
function isoDate(params?: Params): LiteSchema {
  const base = typed('string', (v) => typeof v === 'string', params);
  const self: LiteSchema = base.check(check((p) => pattern(ISO_DATE, 'date', p, self), params));
  return self;
}

const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

export const z = {
  string: (params?: Params) => typed('string', (v) => typeof v === 'string', params),
  number: (params?: Params) => typed('number', isFiniteNumber, params),
  boolean: (params?: Params) => typed('boolean', (v) => typeof v === 'boolean', params),
  unknown: () => typed('unknown', () => true),
  enum: (values: readonly unknown[], params?: Params) => oneOf(values, params),
  literal: (value: unknown, params?: Params) => oneOf(Array.isArray(value) ? value : [value], params),
  object: (shape: Record<string, LiteSchema>, params?: Params) => object(shape, false, params),
  strictObject: (shape: Record<string, LiteSchema>, params?: Params) => object(shape, true, params),
  array,
  record,
  optional,
  nullable,
  nullish: (inner: LiteSchema) => optional(nullable(inner)),
  _default: withDefault,
  catch: withCatch,
  pipe,
  transform,
  partial(base: LiteSchema, mask?: Record<string, true>): LiteSchema {
    const shape = Object.fromEntries(
      Object.entries(base.shape).map(([key, field]) => [key, !mask || mask[key] ? optional(field) : field]),
    );
    return object(shape, false);
  },
  iso: { date: isoDate },
  minLength: (limit: number, params?: Params) => lengthCheck(limit, true, params),
  maxLength: (limit: number, params?: Params) => lengthCheck(limit, false, params),
  gte: (limit: number, params?: Params) => compare(limit, true, true, params),
  gt: (limit: number, params?: Params) => compare(limit, true, false, params),
  positive: (params?: Params) => compare(0, true, false, params),
  lte: (limit: number, params?: Params) => compare(limit, false, true, params),
  int: (params?: Params) =>
    check((p, self) => {
      const value = p.value as number;
      if (!Number.isInteger(value)) {
        p.issues.push({
          code: 'invalid_type',
          expected: 'int',
          format: 'safeint',
          continue: false,
          input: value,
          inst: self,
        });
      } else if (!Number.isSafeInteger(value)) {
        const bound =
          value > 0
            ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER }
            : { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER };
        const note = 'Integers must be within the safe integer range.';
        p.issues.push({ ...bound, input: value, note, inst: self, origin: 'int', inclusive: true, continue: true });
      }
    }, params),
  regex: (regex: RegExp, params?: Params) => check((p, self) => pattern(regex, 'regex', p, self), params),
  trim: () =>
    check((p) => {
      p.value = (p.value as string).trim();
    }),
  refine,
  superRefine,
};

/** zod's `.meta()` only feeds the JSON Schema, which the browser never builds. */
export function withMeta<S>(schema: S, _meta: unknown): S {
  return schema;
}
