// Turns one zod object schema into a record kind: its key list, fixed fields and a parser that answers in words.
import type { z } from './zod.ts';
import { fail, ok, type Result } from './Result.ts';

type IsAbsentable<V> = undefined extends V ? true : null extends V ? true : false;
/** The clean record a schema reads to: fields that may be absent or null are optional, and never null. */
export type RecordOf<S extends z.ZodMiniType> = {
  [K in keyof z.output<S> as IsAbsentable<z.output<S>[K]> extends true ? never : K]: z.output<S>[K];
} & {
  [K in keyof z.output<S> as IsAbsentable<z.output<S>[K]> extends true ? K : never]?: Exclude<
    z.output<S>[K],
    null | undefined
  >;
} extends infer R
  ? { [K in keyof R]: R[K] }
  : never;

export interface RecordKind<Shape extends z.core.$ZodShape, T> {
  /** How a person calls one record ("note", "station"), for refusals. */
  noun: string;
  schema: z.ZodMiniObject<Shape>;
  /** Keys a record may carry; anything else is refused by the server and ignored by readers. */
  keys: readonly (keyof Shape & string)[];
  /** Fields that never change once the record exists. */
  immutable: readonly (keyof Shape & string)[];
  /** Validates a raw record (as read from the doc); the reason is the first problem, in words. */
  parse: (raw: Record<string, unknown>) => Result<T>;
}

export interface RecordDefinition<Shape extends z.core.$ZodShape> {
  noun: string;
  schema: z.ZodMiniObject<Shape>;
  /** Either the fixed fields, or (for records where only a few change) the fields that may change. */
  immutable?: readonly (keyof Shape & string)[];
  mutable?: readonly (keyof Shape & string)[];
  /**
   * A hand-written check for the common, plainly valid record: the record it reads to, or undefined to let the
   * schema decide (and word the refusal). It must answer what the schema would whenever it answers.
   */
  quick?: (raw: Record<string, unknown>) => RecordOf<z.ZodMiniObject<Shape>> | undefined;
}

/** Parses with a record schema; absent, null and undefined optional fields all read as absent. */
export function parseWith<S extends z.ZodMiniType>(schema: S, raw: unknown): Result<RecordOf<S>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? 'record is not valid');
  const value: unknown = parsed.data;
  if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined || field === null) delete (value as Record<string, unknown>)[key];
    }
  }
  return ok(value as RecordOf<S>);
}

export function defineRecord<Shape extends z.core.$ZodShape>(
  definition: RecordDefinition<Shape>,
): RecordKind<Shape, RecordOf<z.ZodMiniObject<Shape>>> {
  const { noun, schema } = definition;
  const keys = Object.keys(schema.shape) as (keyof Shape & string)[];
  const mutable = definition.mutable;
  const immutable = mutable ? keys.filter((key) => !mutable.includes(key)) : [...(definition.immutable ?? [])];
  const { quick } = definition;
  const parse = (raw: Record<string, unknown>) => {
    const checked = quick?.(raw);
    return checked ? ok(checked) : parseWith(schema, raw);
  };
  return { noun, schema, keys, immutable, parse };
}
