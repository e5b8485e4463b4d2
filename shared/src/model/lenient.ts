// Lenient readers derived from strict zod schemas: a value the schema refuses takes a default instead of failing.
// For records the server alone writes (the session), so an old or damaged value never blocks a board.
import { z } from './zod.ts';

/** Any array, keeping only the items `item` accepts; anything that is not an array reads as []. */
export function itemsOf<T extends z.ZodMiniType>(item: T) {
  // optional so that an absent key reaches the transform (zod refuses a missing key otherwise).
  return z.pipe(
    z.optional(z.unknown()),
    z.transform((raw): z.output<T>[] => {
      if (!Array.isArray(raw)) return [];
      return raw.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      });
    }),
  );
}

type Output<S extends z.ZodMiniObject> = z.output<S>;

/**
 * Reads objects of `schema` leniently: a field with a default takes it when its value is refused (or absent), a
 * field with a reader is read by it, every other field must be valid or the whole object is refused. Fields that
 * read as undefined are left out, as the hand-written readers did.
 */
export function leniently<S extends z.ZodMiniObject>(
  schema: S,
  defaults: { [K in keyof Output<S>]?: Output<S>[K] },
  readers: { [K in keyof Output<S>]?: z.ZodMiniType<Output<S>[K]> } = {},
): z.ZodMiniType<Output<S>> {
  const fields: Record<string, z.ZodMiniType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
    const reader = (readers as Record<string, z.ZodMiniType | undefined>)[key];
    const hasDefault = Object.hasOwn(defaults, key);
    fields[key] = reader ?? (hasDefault ? z.catch(field, (defaults as Record<string, unknown>)[key]) : field);
  }
  return z.pipe(
    z.object(fields),
    z.transform((value: Record<string, unknown>) => {
      for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
      return value as Output<S>;
    }),
  ) as unknown as z.ZodMiniType<Output<S>>;
}
