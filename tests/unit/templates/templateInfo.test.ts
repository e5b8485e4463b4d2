// A board keeps its template's document facts and stages: an inline template's defaults reach the scope document and
// survive "Save as template"; the board's time zone and document control set in setup are the export's defaults.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { boardMaps } from '@shared/doc/boardDoc.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { setDocumentControl, setTimeZone } from '@shared/doc/structureOps.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { applyTemplate } from '@shared/templates/applyTemplate.ts';
import { boardToTemplate } from '@shared/templates/boardToTemplate.ts';
import { decisionStageView } from '@shared/templates/decisionStage.ts';
import { boardTemplateInfo, templateInfoOf } from '@shared/templates/templateInfo.ts';
import { parseTemplate, type TemplateInput } from '@shared/templates/templateSchema.ts';
import { getTemplate } from '@shared/templates/templates.ts';
import { checkMetaChange } from '@shared/rules/structureRules.ts';

const plan = { postMinutes: 10, groupMinutes: 5, rotateMinutes: 10, rotations: 1 };

/** An inline template no catalogue knows, with document defaults and stages of its own. */
const inline: TemplateInput = {
  id: 'atrt4-kickoff',
  title: 'ATRT4 kick-off',
  mandate: 'Assess accountability and transparency.',
  stages: [
    { id: 'open', title: 'Opening', description: 'Identify ideas.' },
    { id: 'explore', title: 'Exploring' },
    { id: 'close', title: 'Closing' },
  ],
  documentDefaults: {
    documentTitle: 'ATRT4 Review Team: Terms of Reference',
    reviewTeam: 'the ATRT4 Review Team',
    mandate: ['Bylaws Section 4.6(b): the accountability and transparency review.'],
    background: ['The review starts in 2025.'],
    decisionRule: 'The team works by consensus.',
  },
  exercises: [
    {
      id: 'scope',
      title: 'Scope',
      question: 'What should we review?',
      plan,
      stage: 'open',
      areas: [{ id: 'a1', title: 'Board' }],
    },
    { id: 'work', title: 'Working methods', plan, stage: 'explore', areas: [{ id: 'b1', title: 'Calls' }] },
  ],
};

function boardFrom(input: TemplateInput, title = 'Kick-off') {
  const parsed = parseTemplate(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const doc = new Y.Doc();
  applyTemplate(doc, parsed.value, { title, createdAt: 1 });
  return doc;
}

const headings = (doc: Y.Doc) =>
  buildScopeDocument(readBoard(doc), { exportedAt: 2 }).sections.map((s) => [s.number, s.title, s.blocks]);

describe('template facts kept on the board', () => {
  it("gives a board made from an inline template that template's document defaults", () => {
    const doc = boardFrom(inline);
    const board = readBoard(doc);
    expect(board.meta?.templateInfo?.documentDefaults?.documentTitle).toBe('ATRT4 Review Team: Terms of Reference');
    const scope = buildScopeDocument(board, { exportedAt: 2 });
    expect(scope.title).toBe('ATRT4 Review Team: Terms of Reference');
    expect(scope.subtitle).toBe('Terms of Reference and Work Plan of the ATRT4 Review Team.');
    const mandate = scope.sections.find((s) => s.id === 'mandate')!;
    expect(mandate.blocks).toEqual([
      { kind: 'paragraph', text: 'Bylaws Section 4.6(b): the accountability and transparency review.' },
    ]);
  });

  it('gives a board made from an inline template without defaults the blank drafting placeholders', () => {
    const { documentDefaults: _none, ...bare } = inline;
    const scope = buildScopeDocument(readBoard(boardFrom(bare)), { exportedAt: 2 });
    expect(scope.title).toBe('Kick-off');
    expect(scope.sections.find((s) => s.id === 'mandate')!.blocks.map((b) => b.kind)).toEqual(['placeholder']);
  });

  it('keeps the document defaults and stages through "Save as template", giving the same document', () => {
    const first = boardFrom(inline);
    const saved = boardToTemplate(readBoard(first), 4);
    expect(saved.documentDefaults).toEqual(readBoard(first).meta?.templateInfo?.documentDefaults);
    expect(saved.documentDefaults?.documentTitle).toBe('ATRT4 Review Team: Terms of Reference');
    expect(saved.stages?.map((s) => s.id)).toEqual(['open', 'explore', 'close']);
    expect(saved.exercises.map((e) => e.stage)).toEqual(['open', 'explore']);
    const again = boardFrom(JSON.parse(JSON.stringify(saved)));
    expect(headings(again)).toEqual(headings(first));
  });

  it('reads a board made before boards kept these facts from its catalogue template', () => {
    const doc = boardFrom(getTemplate('ssr2-copenhagen')!);
    boardMaps(doc).meta.delete('templateInfo');
    expect(boardTemplateInfo(readBoard(doc))).toEqual(templateInfoOf(getTemplate('ssr2-copenhagen')!));
  });

  it("shows where the session is among the template's decision stages", () => {
    const doc = boardFrom(inline);
    const view = decisionStageView(readBoard(doc))!;
    expect(view.steps.map((s) => [s.title, s.state])).toEqual([
      ['Opening', 'current'],
      ['Exploring', 'later'],
      ['Closing', 'later'],
    ]);
    expect(view.sentence).toBe('Decision stage: Opening (1 of 3). Identify ideas.');
    boardMaps(doc).session.set('exerciseId', 'work');
    expect(decisionStageView(readBoard(doc))!.steps.map((s) => s.state)).toEqual(['done', 'current', 'later']);
    const { stages: _none, ...noStages } = inline;
    expect(
      decisionStageView(
        readBoard(boardFrom({ ...noStages, exercises: inline.exercises.map(({ stage: _s, ...e }) => e) })),
      ),
    ).toBeUndefined();
  });
});

describe('document settings on the board', () => {
  it('are the export defaults; the export query still overrides them', () => {
    const doc = boardFrom(inline);
    expect(setTimeZone(doc, 'Europe/Madrid').ok).toBe(true);
    expect(
      setDocumentControl(doc, { documentStatus: 'review', documentVersion: '0.3', documentOwner: 'Co-chairs' }).ok,
    ).toBe(true);
    const board = readBoard(doc);
    expect(buildScopeDocument(board, { exportedAt: 2 }).control).toMatchObject({
      status: 'For review',
      version: '0.3',
      owner: 'Co-chairs',
      timeZone: 'Europe/Madrid',
    });
    expect(buildScopeDocument(board, { exportedAt: 2, status: 'final', version: '1.0' }).control).toMatchObject({
      status: 'Final',
      version: '1.0',
      owner: 'Co-chairs',
    });
    // An empty value goes back to the default.
    expect(setDocumentControl(doc, { documentVersion: '' }).ok).toBe(true);
    expect(buildScopeDocument(readBoard(doc), { exportedAt: 2 }).control.version).toBe('0.1');
  });

  it('refuses bad values in words and writes nothing', () => {
    const doc = boardFrom(inline);
    const before = Y.encodeStateAsUpdate(doc);
    expect(setTimeZone(doc, 'Mars/Olympus')).toEqual({
      ok: false,
      reason: 'The time zone must be a name such as "Europe/Copenhagen" or "UTC".',
    });
    expect(setDocumentControl(doc, { documentStatus: 'approved' }).ok).toBe(false);
    expect(setDocumentControl(doc, { documentStatus: 'final', documentVersion: 'v 1' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Version must be/),
    });
    expect(setDocumentControl(doc, { documentOwner: 'x'.repeat(121) }).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe("the guard's rule for these meta keys", () => {
  const set = (key: string, value: unknown) => checkMetaChange({ kind: 'setValue', map: 'meta', key, value });
  const remove = (key: string) => checkMetaChange({ kind: 'deleteValue', map: 'meta', key });

  it('lets the facilitator set and remove the document control block', () => {
    expect([
      set('documentStatus', 'final'),
      set('documentVersion', '1.0-rc'),
      set('documentOwner', 'Co-chairs'),
    ]).toEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
    expect([remove('documentStatus').ok, remove('documentVersion').ok, remove('documentOwner').ok]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('refuses bad values, untrimmed ones, and any write to the template facts', () => {
    expect(set('documentStatus', 'Final').ok).toBe(false);
    expect(set('documentVersion', '').ok).toBe(false);
    expect(set('documentOwner', ' Pat ')).toEqual({
      ok: false,
      reason: 'The owner must not start or end with a space.',
    });
    expect(set('templateInfo', { about: '', mandate: '' })).toEqual({
      ok: false,
      reason: "The board's templateInfo is fixed when the board is made.",
    });
    expect(remove('templateInfo').ok).toBe(false);
  });
});

describe('saving a template of a board made from a saved template', () => {
  it("says once where it was saved from, keeping the first template's own about", () => {
    const first = boardToTemplate(readBoard(boardFrom({ ...inline, about: 'For ATRT4.' }, 'Kick-off')), 1);
    const second = boardToTemplate(readBoard(boardFrom(first, 'Second round')), 1);
    expect(second.about).toBe('Saved from the board "Second round". For ATRT4.');
  });
});
