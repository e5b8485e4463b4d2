// Writes docs/schema/template.schema.json from the template schema the server validates with (npx tsx scripts/writeTemplateSchema.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateJsonSchemaText } from '@shared/templates/templateSchema.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schema', 'template.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, templateJsonSchemaText());
console.log(`wrote ${target}`);
