// The browser's zod: a small interpreter of the part of zod/mini's API that shared's schemas use, with zod's own
// parsing rules (issue order, aborts, optional keys, defaults, catches, messages). The client build resolves
// model/zod.ts to this file (client/vite.config.ts), so the record modules stay the one source of truth for both;
// the server, the guard and the JSON Schema keep real zod. tests/unit/model/zodLite.test.ts runs every schema
// through both on generated records and asserts the same values and refusals.
import {
  errorOf,
  isObject,
  isPlainObject,
  finalize,
  schema,
  typed,
  check,
  lengthCheck,
  sizeCaps,
  compare,
  pattern,
  refine,
  superRefine,
  type Payload,
  type Params,
  type Issue,
  type LiteSchema,
} from './zodLiteCore.ts';

export type { Issue, LiteSchema };

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

/** zod's `.meta()` only feeds the JSON Schema, which the browser never builds (its build drops the argument). */
export function withMeta<S>(schema: S, _meta?: unknown): S {
  return schema;
}
