// The template format's small parts (ids, texts, stages, the deadline), shared by the template schema and the
// template facts a board keeps in its meta (templateInfo.ts).
import { z } from '../model/zod.ts';
import { AREA_DESCRIPTION_MAX, AREA_TITLE_MAX, ID_MAX } from '../model/limits.ts';

export const id = z
  .string({ error: 'must be an id (letters, digits, "-" or "_")' })
  .check(
    z.regex(/^[A-Za-z0-9_-]+$/, 'must be an id made of letters, digits, "-" or "_"'),
    z.maxLength(ID_MAX, `must be at most ${ID_MAX} characters`),
  );

export const text = (max: number, what: string) =>
  z
    .string({ error: `${what} is required` })
    .check(
      z.trim(),
      z.minLength(1, `${what} must not be empty`),
      z.maxLength(max, `${what} must be at most ${max} characters`),
    );

export const optionalText = (max: number, what: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${what} must be at most ${max} characters`));

/** A step of group decision-making ("Opening", "Exploring", "Closing"), with where this session stands in it. */
export const templateStageSchema = z.strictObject({
  id,
  title: text(AREA_TITLE_MAX, 'the stage title'),
  description: z._default(optionalText(AREA_DESCRIPTION_MAX, 'the description'), ''),
});

export const deadlineSchema = z.strictObject({
  label: text(AREA_TITLE_MAX, 'the deadline label'),
  date: z.iso.date('must be a date like 2017-03-30'),
});
