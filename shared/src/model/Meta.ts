// Board metadata: format version, title, template, creation time, ground rules, the template's team size, the time
// zone, the document's control block and the template's document facts.
import { withMeta, z } from './zod.ts';
import { parseWith, type RecordOf } from './defineRecord.ts';
import { countField, idField, textSchema } from './fields.ts';
import { TITLE_MAX } from './limits.ts';
import { documentOwnerField, documentStatusField, documentVersionField } from './documentControl.ts';
import { templateInfoSchema } from '../templates/templateInfoSchema.ts';

export const FORMAT_VERSION = 1;
/**
 * The smallest team when the room splits into teams, unless the board says otherwise: the ground rules' ">3 people
 * per station" means at least 4. The one default for boards, templates, imports and the server's balance.
 */
export const DEFAULT_MIN_TEAM_SIZE = 4;
export const MIN_TEAM_SIZE_MAX = 20;

/** The board's minimum team size (meta.minTeamSize): a whole number from 1 to 20, else the default. */
const minTeamSize = z.catch(
  z._default(z.number().check(z.int(), z.gte(1), z.lte(MIN_TEAM_SIZE_MAX)), DEFAULT_MIN_TEAM_SIZE),
  DEFAULT_MIN_TEAM_SIZE,
);

/** The one reading of meta.minTeamSize, for the board, the server's team balance and the console. */
export function readMinTeamSize(raw: unknown): number {
  return minTeamSize.parse(raw);
}
/** How the canvas colours notes: by the station they are in, or by who wrote them (the facilitator picks). */
export const NOTE_COLOURINGS = ['station', 'author'] as const;
export type NoteColouring = (typeof NOTE_COLOURINGS)[number];
export const DEFAULT_NOTE_COLOURING: NoteColouring = 'station';

/** Ground rules read leniently: anything that is not text is left out. */
const groundRules = withMeta(
  z.catch(
    z._default(
      z.pipe(
        z.pipe(
          z.array(z.unknown()),
          z.transform((rules: unknown[]) => rules.filter((rule): rule is string => typeof rule === 'string')),
        ),
        z.array(z.string()),
      ),
      [],
    ),
    [],
  ),
  { items: { type: 'string' } },
);

export const MetaSchema = withMeta(
  z.object({
    formatVersion: z.number({ error: 'board has no format version' }),
    title: textSchema(TITLE_MAX, 'board has no title'),
    templateId: z.catch(z._default(idField('board template id is malformed'), 'custom'), 'custom'),
    createdAt: z.catch(z._default(countField('board creation time is not a time'), 0), 0),
    /** The template's ground rules, shown to the room. */
    groundRules,
    /** The smallest team when the room splits into teams (the facilitator may change it). */
    minTeamSize,
    /** The board's time zone (IANA name, e.g. "Europe/Copenhagen"), for the export's times; absent means UTC. */
    timeZone: withMeta(z.catch(z.optional(z.string().check(z.refine(isTimeZone))), undefined), {
      description: 'IANA time zone name',
    }),
    /** The scope document's status, version and owner, set by the facilitator (the export's defaults). */
    documentStatus: documentStatusField,
    documentVersion: documentVersionField,
    documentOwner: documentOwnerField,
    /** What the board keeps of its template: the document's facts and the decision stages (fixed when made). */
    templateInfo: z.catch(z.optional(templateInfoSchema), undefined),
    /** How every screen colours the notes on the canvas (extension): by station or by author. */
    noteColours: z.catch(z._default(z.enum(NOTE_COLOURINGS), DEFAULT_NOTE_COLOURING), DEFAULT_NOTE_COLOURING),
  }),
  { title: 'Meta', description: 'The board itself: format version, title, template and creation time.' },
);

export type Meta = RecordOf<typeof MetaSchema>;

export function parseMeta(raw: Record<string, unknown>) {
  return parseWith(MetaSchema, raw);
}

/** The ground rules stored in the meta map, even when the rest of meta is unreadable. */
export function parseGroundRules(raw: unknown): string[] {
  return groundRules.parse(raw);
}

/** True for an IANA time zone name this runtime knows ("Europe/Copenhagen", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  if (canonicalZones().has(value)) return true;
  // Aliases ("UTC", "US/Eastern") are not in the canonical list; the runtime's formatter decides, once per name.
  let known = checkedZones.get(value);
  if (known === undefined) {
    known = isAcceptedZone(value);
    if (checkedZones.size >= CHECKED_ZONES_MAX) checkedZones.clear();
    checkedZones.set(value, known);
  }
  return known;
}

/**
 * The runtime's canonical zone names, read once (about 2 ms). A formatter is what decides otherwise, but the first
 * one a page or process builds loads its locale's date data (15-35 ms measured), and a board's meta holds a zone
 * that every read of the board checks.
 */
let zones: ReadonlySet<string> | undefined;
function canonicalZones(): ReadonlySet<string> {
  zones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  return zones;
}

/** Names outside the canonical list already checked: bounded, since any client may send any string. */
const checkedZones = new Map<string, boolean>();
const CHECKED_ZONES_MAX = 256;

function isAcceptedZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
