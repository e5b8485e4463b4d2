// Field schemas shared by the record kinds, each with the reason a facilitator reads when a value is refused.
import { z } from 'zod';
import { COORD_MAX, ID_MAX } from './limits.ts';
import { ROLES } from './Role.ts';

/** Code-point length, as the limits are stated to users (an emoji counts once). */
const codePoints = (text: string) => [...text].length;

/** A non-empty id without whitespace, at most ID_MAX characters (nanoids or template ids). */
export function idField(reason: string) {
  return z.string({ error: reason }).min(1).max(ID_MAX).regex(/^\S+$/);
}

/**
 * Trimmed text of 1..max code points; `stored` also refuses text that was not trimmed before it was written.
 * `empty` and `tooLong` word those two refusals (HTTP bodies say which); both default to `reason`.
 */
export function textField(
  max: number,
  reason: string,
  { stored = false, empty = reason, tooLong = reason }: { stored?: boolean; empty?: string; tooLong?: string } = {},
) {
  const base = z.string({ error: reason });
  const checked = stored ? base.refine((text) => text === text.trim(), reason) : base;
  return checked
    .trim()
    .refine((text) => codePoints(text) >= 1, empty)
    .refine((text) => codePoints(text) <= max, tooLong)
    .meta({ minLength: 1, maxLength: max });
}

/** Text of 0..max code points, trimmed; for descriptions and labels that may be empty. */
export function optionalTextField(max: number, reason: string) {
  return z
    .string({ error: reason })
    .trim()
    .refine((text) => codePoints(text) <= max)
    .meta({ maxLength: max });
}

/** Optional text where absent and null read as empty. */
export function emptyByDefault(field: z.ZodType<string>) {
  return field.nullish().transform((value) => value ?? '');
}

/** A canvas coordinate within a sane square, so a hostile value cannot blow up layout. */
export function coordField(reason: string) {
  return z.number({ error: reason }).min(-COORD_MAX).max(COORD_MAX);
}

/** A whole number from 0: epoch milliseconds, counts, rotation numbers. */
export function countField(reason: string) {
  return z.number({ error: reason }).int().min(0);
}

export function roleField(reason: string) {
  return z.enum(ROLES, { error: reason });
}
