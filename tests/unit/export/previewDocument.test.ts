// The export panel's preview document: note lists cut to a budget, everything else as the export renders it.
import { describe, expect, it } from 'vitest';
import { toHtml } from '@shared/export/html.ts';
import { previewDocument } from '@shared/export/previewDocument.ts';
import { buildScopeDocument, walkSections } from '@shared/export/scopeDocument.ts';
import type { ScopeBlock, ScopeDocument } from '@shared/export/ScopeModel.ts';
import { EXPORTED_AT, goldenBoard, largeBoard } from '../../fixtures/export/fixtureBoard.ts';

type NotesBlock = Extract<ScopeBlock, { kind: 'notes' }>;

/** Every block of the document in reading order. */
const blocksOf = (document: ScopeDocument) => walkSections(document).flatMap(({ section }) => section.blocks);
const listsOf = (document: ScopeDocument) => blocksOf(document).filter((b): b is NotesBlock => b.kind === 'notes');
const MORE = /^… and ([\d,]+) more notes? here, in every download\.$/;

describe('previewDocument', () => {
  it('leaves a document within the limits as it is: the preview is the HTML export', () => {
    const document = buildScopeDocument(goldenBoard(), { exportedAt: EXPORTED_AT });
    const preview = previewDocument(document);
    expect(preview.shownNotes).toBe(preview.listedNotes);
    expect(preview.listedNotes).toBeGreaterThan(0);
    expect(toHtml(preview.document)).toBe(toHtml(document));
  });

  it('shows the first notes of each list, in order, and says how many more each list holds', () => {
    const document = buildScopeDocument(largeBoard(2000), { exportedAt: EXPORTED_AT });
    const limits = { perList: 7, total: 60 };
    const preview = previewDocument(document, limits);
    const full = listsOf(document);
    const cut = listsOf(preview.document);
    expect(cut.map((b) => b.label)).toEqual(full.map((b) => b.label));
    expect(preview.listedNotes).toBe(full.reduce((sum, b) => sum + b.notes.length, 0));
    expect(preview.shownNotes).toBe(limits.total);
    expect(cut.reduce((sum, b) => sum + b.notes.length, 0)).toBe(limits.total);
    cut.forEach((block, i) => {
      expect(block.notes.length).toBeLessThanOrEqual(limits.perList);
      expect(block.notes).toEqual(full[i]!.notes.slice(0, block.notes.length));
    });
    // Every list cut short is followed by its count; shown plus those counts is every note of the document.
    const blocks = blocksOf(preview.document);
    let more = 0;
    blocks.forEach((block, i) => {
      if (block.kind !== 'notes') return;
      const next = blocks[i + 1];
      const match = next?.kind === 'paragraph' ? MORE.exec(next.text) : null;
      const index = cut.indexOf(block);
      const hidden = full[index]!.notes.length - block.notes.length;
      expect(match ? Number(match[1]!.replace(/,/g, '')) : 0).toBe(hidden);
      more += hidden;
    });
    expect(preview.shownNotes + more).toBe(preview.listedNotes);
    // The rest of the document is untouched, and the source document is not changed.
    expect(preview.document.title).toBe(document.title);
    expect(preview.document.front).toBe(document.front);
    expect(listsOf(document)).toEqual(full);
  });

  it('spends the budget in reading order: later lists show nothing once it is spent', () => {
    const document = buildScopeDocument(largeBoard(500), { exportedAt: EXPORTED_AT });
    const cut = listsOf(previewDocument(document, { perList: 5, total: 12 }).document);
    const counts = cut.map((b) => b.notes.length);
    expect(counts.slice(0, 3)).toEqual([5, 5, 2]);
    expect(counts.slice(3).every((n) => n === 0)).toBe(true);
  });

  it('keeps the rows of the CSV and JSON, which the preview copy builds only when read', () => {
    const document = buildScopeDocument(largeBoard(300), { exportedAt: EXPORTED_AT });
    const preview = previewDocument(document, { perList: 3, total: 10 });
    expect(preview.document.noteRows).toEqual(document.noteRows);
    expect(document.noteRows).toHaveLength(300);
  });
});
