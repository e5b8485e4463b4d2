// Golden files: the fixed board's Markdown, HTML and CSV must match tests/fixtures/export/ byte for byte.
// Regenerate after an intended change with UPDATE_GOLDEN=1 npx vitest run tests/unit/export/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCsv } from '@shared/export/csv.ts';
import { toHtml } from '@shared/export/html.ts';
import { toMarkdown } from '@shared/export/markdown.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { EXPORTED_AT, goldenBoard } from '../../fixtures/export/fixtureBoard.ts';

const isUpdating = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`../../fixtures/export/${name}`, import.meta.url));
  if (isUpdating) writeFileSync(path, actual, 'utf8');
  expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden exports of the Copenhagen fixture board', () => {
  const document = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT });

  it.each([
    ['scope.md', toMarkdown],
    ['scope.html', toHtml],
    ['scope.csv', toCsv],
  ] as const)('%s matches its golden file', (name, render) => {
    golden(name, render(document));
  });
});
