// A group: similar notes in one area, drawn as a labelled frame around them.
import { withMeta, z } from './zod.ts';
import { defineRecord, type RecordOf } from './defineRecord.ts';
import { coordField, countField, emptyByDefault, idField, optionalTextField } from './fields.ts';
import { GROUP_LABEL_MAX } from './limits.ts';

export const GroupSchema = withMeta(
  z.object({
    id: idField('group id is missing or malformed'),
    areaId: idField('group has no area'),
    /** May be empty while nobody has named the group yet. */
    label: emptyByDefault(
      optionalTextField(GROUP_LABEL_MAX, `group label must be at most ${GROUP_LABEL_MAX} characters`),
    ),
    x: z.optional(coordField('group x is not a finite coordinate')),
    y: z.optional(coordField('group y is not a finite coordinate')),
    /** Epoch ms when the group was made (extension; absent on groups made before it existed). */
    createdAt: z.optional(countField('group createdAt is not a time')),
    /** Epoch ms of the last rename (extension), so a station hand-off can highlight renamed groups. */
    labelUpdatedAt: z.optional(countField('group labelUpdatedAt is not a time')),
  }),
  { title: 'Group', description: 'Similar notes in one station, drawn as a labelled frame around them.' },
);

export const GroupRecord = defineRecord({
  noun: 'group',
  schema: GroupSchema,
  immutable: ['id', 'areaId', 'createdAt'],
});

export type Group = RecordOf<typeof GroupSchema>;
export const parseGroup = GroupRecord.parse;
