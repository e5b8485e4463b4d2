// exportBoard: formats, content types and ASCII-safe file names.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportBoard, isExportFormat } from '@shared/export/exportBoard.ts';
import { exportFileName, slugify } from '@shared/export/exportFileName.ts';
import { EXPORTED_AT, goldenBoard } from '../../fixtures/export/fixtureBoard.ts';

describe('exportBoard', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8', 'string'],
    ['html', 'text/html; charset=utf-8', 'string'],
    ['json', 'application/json; charset=utf-8', 'string'],
    ['csv', 'text/csv; charset=utf-8', 'string'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'bytes'],
  ] as const)('%s -> %s', async (format, contentType, bodyKind) => {
    const file = await exportBoard(goldenBoard(), format, { exportedAt: EXPORTED_AT });
    expect(file.fileName).toBe(`ssr2-terms-of-reference-copenhagen-2017-03-15.${format}`);
    expect(file.contentType).toBe(contentType);
    expect(bodyKind === 'bytes' ? file.body instanceof Uint8Array : typeof file.body === 'string').toBe(true);
  });

  it('knows its formats', () => {
    expect(EXPORT_FORMATS).toEqual(['md', 'docx', 'html', 'json', 'csv']);
    expect(['md', 'docx', 'pdf', 'MD', 1, null].map(isExportFormat)).toEqual([true, true, false, false, false, false]);
  });

  it('writes a versioned JSON envelope', async () => {
    const json = JSON.parse((await exportBoard(goldenBoard(), 'json', { exportedAt: EXPORTED_AT })).body as string);
    expect(json).toMatchObject({ format: 'scopeboard-export', version: 1, exportedAt: '2017-03-15T16:30:00.000Z' });
    expect(Object.keys(json.board)).toEqual([
      'meta',
      'groundRules',
      'minTeamSize',
      'exercises',
      'areas',
      'notes',
      'groups',
      'participants',
      'comments',
      'handoffs',
      'decisions',
      'session',
      'skipped',
    ]);
    expect(json.document.sections).toHaveLength(9);
    expect(json.document.records).toBeUndefined();
  });
});

describe('file names', () => {
  it.each([
    ['SSR2 Terms of Reference', 'ssr2-terms-of-reference'],
    ['Réunion à Genève: "scope"/draft', 'reunion-a-geneve-scope-draft'],
    ['مراجعة الأمن', 'board'],
    ['---', 'board'],
    ['a'.repeat(100), 'a'.repeat(60)],
    ['x; filename*=evil\r\n', 'x-filename-evil'],
  ])('slugify(%j) = %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('adds the UTC export date and extension, ASCII only', () => {
    const name = exportFileName('Zürich 🔐 board', Date.UTC(2017, 2, 30, 23, 59), 'docx');
    expect(name).toBe('zurich-board-2017-03-30.docx');
    expect(name).toMatch(/^[a-z0-9-]+\.[a-z]+$/);
  });
});
