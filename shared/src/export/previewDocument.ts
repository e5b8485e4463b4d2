// The export panel's preview: the scope document with its note lists cut to a budget. A 20,000-note board
// previews as a page of a few hundred notes; laying out all of them took the preview's frame seconds, on every rebuild.
import type { ScopeBlock, ScopeDocument, ScopeSection } from './ScopeModel.ts';

export interface PreviewLimits {
  /** Notes shown of any one list (a group, a station's ungrouped notes, observer or imported input). */
  perList: number;
  /** Notes shown in the whole preview, spent in reading order. */
  total: number;
}

export const PREVIEW_LIMITS: PreviewLimits = { perList: 20, total: 300 };

export interface PreviewDocument {
  document: ScopeDocument;
  /** Notes the preview shows, and notes the document lists (what every download holds). */
  shownNotes: number;
  listedNotes: number;
}

function moreNotes(count: number): ScopeBlock {
  const n = count.toLocaleString('en');
  return { kind: 'paragraph', text: `\u2026 and ${n} more ${count === 1 ? 'note' : 'notes'} here, in every download.` };
}

/**
 * The document with each note list cut to its first notes, and a line saying how many more the downloads hold.
 * Sections, headings, decisions and discussions stay; only the lists are shortened. Unchanged below the limits.
 */
export function previewDocument(document: ScopeDocument, limits: PreviewLimits = PREVIEW_LIMITS): PreviewDocument {
  let budget = limits.total;
  let shownNotes = 0;
  let listedNotes = 0;
  const cutBlocks = (blocks: readonly ScopeBlock[]): ScopeBlock[] =>
    blocks.flatMap((block): ScopeBlock[] => {
      if (block.kind !== 'notes') return [block];
      const keep = Math.min(block.notes.length, limits.perList, budget);
      budget -= keep;
      shownNotes += keep;
      listedNotes += block.notes.length;
      if (keep === block.notes.length) return [block];
      return [{ ...block, notes: block.notes.slice(0, keep) }, moreNotes(block.notes.length - keep)];
    });
  const cut = (section: ScopeSection): ScopeSection => ({
    ...section,
    blocks: cutBlocks(section.blocks),
    subsections: section.subsections.map(cut),
  });
  // Reading order (sections, then appendices), so the budget goes to what comes first.
  const sections = document.sections.map(cut);
  const appendices = document.appendices.map(cut);
  // Copied by descriptor, not spread: a spread would call the lazy `noteRows` getter, which the preview never needs.
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(document)) as ScopeDocument;
  copy.sections = sections;
  copy.appendices = appendices;
  return { document: copy, shownNotes, listedNotes };
}
