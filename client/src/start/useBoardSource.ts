// What the start page will create a board from: a catalogue template, a template file, or a board file to import.
import { useEffect, useState } from 'react';
import type { Template } from '@shared/templates/Template.ts';
import { describeIssues, parseTemplate } from '@shared/templates/templateSchema.ts';
import { importBoard } from '@shared/import/boardImport.ts';
import { DEFAULT_TEMPLATE_ID } from '@shared/templates/templates.ts';
import { fetchTemplate, fetchTemplates, readJsonFile, type TemplateSummary } from './templateApi.ts';

export type BoardSource =
  | { kind: 'catalogue'; id: string; template: Template | null }
  | { kind: 'templateFile'; fileName: string; template: Template }
  | { kind: 'import'; fileName: string; data: unknown; title: string; notes: number; stations: number };

/** The server refuses what the board limit does not allow; the page only needs a ceiling to read the file. */
const PREVIEW_NOTES_MAX = 1_000_000;

export function useBoardSource() {
  const [catalogue, setCatalogue] = useState<TemplateSummary[]>([]);
  const [source, setSource] = useState<BoardSource>({ kind: 'catalogue', id: DEFAULT_TEMPLATE_ID, template: null });
  const [fileError, setFileError] = useState<string | null>(null);
  const catalogueId = source.kind === 'catalogue' ? source.id : null;

  useEffect(() => {
    fetchTemplates().then(setCatalogue, () =>
      setFileError('The list of templates could not be loaded. Reload the page to try again.'),
    );
  }, []);

  useEffect(() => {
    if (catalogueId === null) return;
    let isCurrent = true;
    fetchTemplate(catalogueId).then(
      (template) =>
        isCurrent && setSource((s) => (s.kind === 'catalogue' && s.id === catalogueId ? { ...s, template } : s)),
      () => isCurrent && setFileError('That template could not be loaded. Try again.'),
    );
    return () => void (isCurrent = false);
  }, [catalogueId]);

  const chooseTemplate = (id: string) => {
    setFileError(null);
    setSource({ kind: 'catalogue', id, template: null });
  };

  /** A template file is checked here with the server's own schema, so problems show before anything is sent. */
  const chooseTemplateFile = async (file: File) => {
    setFileError(null);
    try {
      const parsed = parseTemplate(await readJsonFile(file));
      if (!parsed.ok) throw new Error(`"${file.name}" is not a valid template: ${describeIssues(parsed.issues)}.`);
      setSource({ kind: 'templateFile', fileName: file.name, template: parsed.value });
    } catch (error) {
      setFileError((error as Error).message);
    }
  };

  const chooseBoardFile = async (file: File) => {
    setFileError(null);
    try {
      const data = await readJsonFile(file);
      const read = importBoard(data, { maxNotes: PREVIEW_NOTES_MAX });
      if (!read.ok)
        throw new Error(
          `"${file.name}" cannot be imported: ${read.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
        );
      setSource({
        kind: 'import',
        fileName: file.name,
        data,
        title: read.board.meta?.title ?? 'Imported board',
        notes: read.board.notes.length,
        stations: read.board.areas.length,
      });
    } catch (error) {
      setFileError((error as Error).message);
    }
  };

  return { catalogue, source, fileError, chooseTemplate, chooseTemplateFile, chooseBoardFile };
}
