// Which parser an uploaded file needs, from its name and type.
import type { ImportKind } from '@shared/import/parseImport.ts';

/** `csv` for .csv files (or a CSV content type), `txt` otherwise. */
export function importKindOf(file: { name: string; type: string }): ImportKind {
  return /\.csv$/i.test(file.name) || /(^|\/)csv$/i.test(file.type) ? 'csv' : 'txt';
}

/** Files above this are refused before reading: a consultation's points fit in far less. */
export const IMPORT_FILE_MAX_BYTES = 2 * 1024 * 1024;
