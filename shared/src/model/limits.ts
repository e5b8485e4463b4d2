// Size limits of board records, shared by validators, the client's inputs and the server's guard.

/** A note is one idea: trimmed text of 1 to this many characters. */
export const NOTE_TEXT_MAX = 280;
export const TITLE_MAX = 200;
export const NAME_MAX = 60;
/** Where imported input came from ("Public consultation, 12 March 2017"). */
export const SOURCE_MAX = 120;
export const GROUP_LABEL_MAX = 120;
export const AREA_TITLE_MAX = 200;
export const AREA_DESCRIPTION_MAX = 2000;
/** Ids are nanoids (21 chars) or template ids; anything longer is not ours. */
export const ID_MAX = 64;
/** Canvas coordinates are kept within a sane square so a hostile value cannot blow up layout. */
export const COORD_MAX = 1_000_000;
