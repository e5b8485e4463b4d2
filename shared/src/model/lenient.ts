// Lenient readers derived from strict zod schemas: a value the schema refuses takes a default instead of failing.
// For records the server alone writes (the session), so an old or damaged value never blocks a board.
import { z } from 'zod';

/** Any array, keeping only the items `item` accepts; anything that is not an array reads as []. */
export function itemsOf<T extends z.ZodType>(item: T) {
  // `.optional()` so that an absent key reaches the transform (zod refuses a missing key otherwise).
  return z
    .unknown()
    .optional()
    .transform((raw): z.output<T>[] => {
      if (!Array.isArray(raw)) return [];
      return raw.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      });
    });
}

type Shape<S extends z.ZodObject> = S['shape'];
type Output<S extends z.ZodObject> = z.output<S>;

/**
 * Reads objects of `schema` leniently: a field with a default takes it when its value is refused (or absent), a
 * field with a reader is read by it, every other field must be valid or the whole object is refused. Fields that
 * read as undefined are left out, as the hand-written readers did.
 */
export function leniently<S extends z.ZodObject>(
  schema: S,
  defaults: { [K in keyof Output<S>]?: Output<S>[K] },
  readers: { [K in keyof Shape<S>]?: z.ZodType<Output<S>[K]> } = {},
): z.ZodType<Output<S>> {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const reader = (readers as Record<string, z.ZodType | undefined>)[key];
    const hasDefault = Object.hasOwn(defaults, key);
    fields[key] = reader ?? (hasDefault ? field.catch((defaults as Record<string, unknown>)[key]) : field);
  }
  return z.object(fields).transform((value) => {
    for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
    return value as Output<S>;
  }) as unknown as z.ZodType<Output<S>>;
}
