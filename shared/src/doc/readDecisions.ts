// Reads the facilitator's decisions from a board doc (apart from decisionOps, so readers need not load the writes).
import type * as Y from 'yjs';
import { parseDecision, type Decision } from '../model/Decision.ts';
import { boardMaps, recordToObject } from './boardDoc.ts';

/** The valid decisions whose note or group still exists, sorted by id; the rest are left out. */
export function readDecisions(doc: Y.Doc, noteIds: ReadonlySet<string>, groupIds: ReadonlySet<string>): Decision[] {
  const decisions: Decision[] = [];
  boardMaps(doc).decisions.forEach((value, key) => {
    const parsed = parseDecision(recordToObject(value));
    if (!parsed.ok || parsed.value.id !== key) return;
    const exists = parsed.value.targetType === 'note' ? noteIds : groupIds;
    if (exists.has(parsed.value.targetId)) decisions.push(parsed.value);
  });
  return decisions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
