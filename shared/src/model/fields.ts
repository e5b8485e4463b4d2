// Field schemas shared by the record kinds, each with the reason a facilitator reads when a value is refused.
import { COORD_MAX, ID_MAX } from './limits.ts';
import { ROLES } from './Role.ts';
import { fitsCodePoints } from './validate.ts';
import { withMeta, z } from './zod.ts';

/** A non-empty id without whitespace, at most ID_MAX characters (nanoids or template ids). */
export function idField(reason: string) {
  return z.string({ error: reason }).check(z.minLength(1), z.maxLength(ID_MAX), z.regex(/^\S+$/));
}

interface TextOptions {
  stored?: boolean;
  empty?: string;
  tooLong?: string;
}

/** The checks of a text field, in order: untrimmed refused (stored), trimmed, then 1..max code points. */
function textChecks(max: number, reason: string, { stored = false, empty = reason, tooLong = reason }: TextOptions) {
  return [
    ...(stored ? [z.refine<string>((text) => text === text.trim(), reason)] : []),
    z.trim(),
    // Limits count code points (an emoji counts once); any non-empty text has at least one.
    z.refine<string>((text) => text.length >= 1, empty),
    z.refine<string>((text) => fitsCodePoints(text, max), tooLong),
  ];
}

/**
 * Trimmed text of 1..max code points; `stored` also refuses text that was not trimmed before it was written.
 * `empty` and `tooLong` word those two refusals (HTTP bodies say which); both default to `reason`.
 */
export function textSchema(max: number, reason: string, options: TextOptions = {}) {
  return withMeta(z.string({ error: reason }).check(...textChecks(max, reason, options)), {
    minLength: 1,
    maxLength: max,
  });
}

/** Text of 0..max code points, trimmed; for descriptions and labels that may be empty. */
export function optionalTextField(max: number, reason: string) {
  return withMeta(
    z.string({ error: reason }).check(
      z.trim(),
      z.refine((text) => fitsCodePoints(text, max)),
    ),
    { maxLength: max },
  );
}

/** Optional text where absent and null read as empty. */
export function emptyByDefault(field: z.ZodMiniType<string>) {
  return z.pipe(
    z.nullish(field),
    z.transform((value: string | null | undefined) => value ?? ''),
  );
}

/** A canvas coordinate within a sane square, so a hostile value cannot blow up layout. */
export function coordField(reason: string) {
  return z.number({ error: reason }).check(z.gte(-COORD_MAX), z.lte(COORD_MAX));
}

/** A whole number from 0: epoch milliseconds, counts, rotation numbers. */
export function countField(reason: string) {
  return z.number({ error: reason }).check(z.int(), z.gte(0));
}

export function roleField(reason: string) {
  return z.enum(ROLES, { error: reason });
}
