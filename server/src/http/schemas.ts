// Schemas of the HTTP request bodies; a failure becomes a 400 that says which field to fix.
// zod/mini like shared's schemas: the server then loads no classic zod (about 1 MB of heap) unless it is in a cluster.
import { z } from '@shared/model/zod.ts';
import { NAME_MAX, NOTE_TEXT_MAX, TITLE_MAX } from '@shared/model/limits.ts';
import { VOTES_PER_PERSON_MAX } from '@shared/model/Session.ts';
import { cleanId } from '@shared/model/validate.ts';
import { textSchema } from '@shared/model/fields.ts';
import { badRequest } from '../boards/errors.ts';

/** Bodies use the record schemas' field definitions (shared/src/model/fields.ts), worded for a request. */
const boardTitle = textSchema(TITLE_MAX, 'title must be text', {
  empty: 'title must not be empty',
  tooLong: `title must be at most ${TITLE_MAX} characters`,
});

export const createBoardBody = z
  .object({
    title: z.optional(boardTitle),
    /** A catalogue template id, or an inline template object (validated by the template schema). */
    template: z.optional(
      z.union(
        [
          z.string().check(z.maxLength(64, 'template must be a template id of at most 64 characters')),
          z.record(z.string(), z.unknown()),
        ],
        {
          error: 'template must be a template id or a template object (see GET /api/templates/:id)',
        },
      ),
    ),
    stationSet: z.optional(z.string().check(z.maxLength(64))),
    /** A Scopeboard JSON export to import (validated by the board importer). */
    import: z.optional(z.unknown()),
  })
  .check(
    z.refine((body) => body.import === undefined || body.template === undefined, {
      path: ['import'],
      message: 'send either a template or an import, not both',
    }),
  );

export const joinBody = z.object({
  code: z.string({ error: 'code is required: the join code from your link' }).check(z.minLength(1), z.maxLength(200)),
  name: textSchema(NAME_MAX, 'name is required: type your name', {
    empty: 'name must not be empty: type your name',
    tooLong: `name must be at most ${NAME_MAX} characters`,
  }),
  /** A random id the browser keeps (localStorage), so the facilitator can block a device (docs/api.md). */
  deviceId: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'deviceId must be 16 to 64 letters, digits, "_" or "-"')),
  ),
});

/** Validates a body against a schema, turning zod's issues into one readable message. */
export function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const message = issues
    .map((i) => (i.path && !i.message.startsWith(i.path) ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  throw badRequest(`Invalid request: ${message}.`, issues);
}

export const carryForwardBody = z.object({
  title: z.optional(boardTitle),
});

export const archiveBody = z.object({
  archived: z.boolean({ error: 'archived must be true or false' }),
});

/** A note's text as the board keeps it (the note record's field): trimmed, 1 to NOTE_TEXT_MAX code points. */
const noteText = textSchema(NOTE_TEXT_MAX, 'text is required: the idea you want to post', {
  empty: 'text must not be empty: write one idea',
  tooLong: `text must be at most ${NOTE_TEXT_MAX} characters`,
});

export const privateNoteBody = z.object({
  areaId: z
    .string({ error: 'areaId is required: the station to post to' })
    .check(z.refine((id) => cleanId(id) !== undefined, 'areaId must be a station id')),
  text: noteText,
});

export const privateNoteEditBody = z.object({ text: noteText });

export const voteBody = z.object({
  count: z
    .number({ error: 'count is required: how many of your dots to put on this note' })
    .check(
      z.int('count must be a whole number'),
      z.gte(0, 'count must be 0 or more'),
      z.lte(VOTES_PER_PERSON_MAX, `count must be at most ${VOTES_PER_PERSON_MAX}`),
    ),
});
