// The Word styles of the scope document: headings, drafting notes, observer and imported input, comments; A4 or Letter.
import { AlignmentType, BorderStyle, LineRuleType, type IStylesOptions } from 'docx';
import type { Paper } from './exportOptions.ts';

/** Paragraph style ids the renderer uses (and tests look for). */
export const STYLE = {
  draftingNote: 'DraftingNote',
  observerInput: 'ObserverInput',
  importedInput: 'ImportedInput',
  inputHeading: 'InputHeading',
  comment: 'Comment',
  marks: 'IdeaMarks',
} as const;

/** The document's language: its own words are English. */
export const DOCUMENT_LANGUAGE = 'en-GB';

/** Page sizes in twentieths of a point (w:pgSz). */
export const PAGE_SIZE: Record<Paper, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
};

const NAVY = '17365D';
const leftBar = (color: string) => ({ left: { style: BorderStyle.SINGLE, size: 18, color, space: 6 } });

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: {
      run: {
        font: 'Calibri',
        size: 22,
        language: { value: DOCUMENT_LANGUAGE, eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
      },
      // lineRule spelled out: LibreOffice reads a bare w:line as an exact height, and large headings then overlap.
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: 'Calibri Light', size: 48, color: NAVY },
      paragraph: { spacing: { after: 80, line: 240, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: 'Calibri Light', size: 34, bold: true, color: NAVY },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: 'Calibri Light', size: 28, bold: true, color: NAVY },
      paragraph: { spacing: { before: 280, after: 100 }, keepNext: true },
    },
    heading3: {
      run: { size: 25, bold: true, color: NAVY },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
    heading4: {
      run: { size: 23, bold: true, color: '000000' },
      paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
    },
    heading5: {
      run: { size: 22, bold: true, italics: true, color: '333333' },
      paragraph: { spacing: { before: 160, after: 40 }, keepNext: true },
    },
    heading6: {
      run: { size: 21, italics: true, color: '333333' },
      paragraph: { spacing: { before: 120, after: 40 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.draftingNote,
      name: 'Drafting Note',
      basedOn: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '7F6000' },
      paragraph: {
        spacing: { before: 120, after: 120 },
        shading: { type: 'clear', fill: 'FFF2CC', color: 'auto' },
        border: leftBar('D9A400'),
        indent: { left: 120 },
      },
    },
    {
      // Not a heading: observer and imported input must not look like (or number like) the room's groups.
      id: STYLE.inputHeading,
      name: 'Input Heading',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true, italics: true, color: '2F4F6F', size: 21, smallCaps: true },
      paragraph: {
        spacing: { before: 200, after: 60 },
        keepNext: true,
        border: leftBar('6B8EB5'),
        indent: { left: 120 },
      },
    },
    {
      id: STYLE.observerInput,
      name: 'Observer Input',
      basedOn: 'Normal',
      quickFormat: true,
      run: { color: '1F3864' },
      paragraph: {
        shading: { type: 'clear', fill: 'EAF1FB', color: 'auto' },
        border: leftBar('6B8EB5'),
        indent: { left: 480, hanging: 240 },
      },
    },
    {
      id: STYLE.importedInput,
      name: 'Imported Input',
      basedOn: 'Normal',
      quickFormat: true,
      run: { color: '385723' },
      paragraph: {
        shading: { type: 'clear', fill: 'EEF5E8', color: 'auto' },
        border: leftBar('7A9A5A'),
        indent: { left: 480, hanging: 240 },
      },
    },
    {
      id: STYLE.comment,
      name: 'Comment Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: 20, color: '404040' },
      paragraph: { spacing: { after: 40 }, indent: { left: 1080 }, alignment: AlignmentType.LEFT },
    },
  ],
};
