// The list view's note actions: groups made with "Move to group" and renames carry the clock passed in (the server's).
import { describe, expect, it } from 'vitest';
import { renameGroup } from '@shared/doc/ops.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { noteActions } from '../../../client/src/list/noteActions.ts';
import { boardWithNotes } from '../ideas/fixtures.ts';

const AT = 1_700_000_123_456;

describe("the list view's note actions", () => {
  it('stamp a group made from "Move to group" and a rename with the clock passed in', () => {
    const doc = boardWithNotes();
    let now = AT;
    const actions = noteActions(doc, () => now);
    const n1 = readBoard(doc).notes.find((n) => n.id === 'n1')!;
    expect(actions.moveToGroup(n1, { kind: 'new', label: 'Rollover' })).toBeNull();
    const [group] = readBoard(doc).groups;
    expect(group).toMatchObject({ label: 'Rollover', createdAt: AT });
    now = AT + 5_000;
    expect(actions.renameGroup(group!.id, 'Key rollover')).toBeNull();
    expect(readBoard(doc).groups[0]).toMatchObject({
      label: 'Key rollover',
      createdAt: AT,
      labelUpdatedAt: AT + 5_000,
    });
    // Renaming to the same label writes nothing, so the rename time stays.
    now = AT + 9_000;
    expect(actions.renameGroup(group!.id, 'Key rollover')).toBeNull();
    expect(readBoard(doc).groups[0]?.labelUpdatedAt).toBe(AT + 5_000);
    // Validators want whole milliseconds: a raw offset-corrected time (fractional) is refused, hence the rounding.
    expect(renameGroup(doc, group!.id, 'x', 'local', AT + 0.5).ok).toBe(false);
  });
});
