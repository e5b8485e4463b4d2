// Writes the board format's JSON Schema (docs/schema/board-format.schema.json) from the record schemas in shared/.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boardFormatJsonSchema } from '@shared/model/boardFormatSchema.ts';

export const BOARD_FORMAT_SCHEMA_FILE = fileURLToPath(
  new URL('../docs/schema/board-format.schema.json', import.meta.url),
);

/** The file's exact text, so the unit test and the script agree byte for byte. */
export function boardFormatSchemaText(): string {
  return `${JSON.stringify(boardFormatJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(BOARD_FORMAT_SCHEMA_FILE, boardFormatSchemaText());
  console.log(`wrote ${BOARD_FORMAT_SCHEMA_FILE}`);
}
