// Field changes parse their record once per update, as the update leaves it, instead of once per changed field.
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import { checkRecord, fieldName, RECORD_SPECS, type FieldChange, type WritableRecordMap } from './recordSpecs.ts';

/** One field change that passed its own checks (known, not fixed); `before` is the record as the change found it. */
interface PendingFieldChange {
  map: WritableRecordMap;
  change: FieldChange;
  before: Record<string, unknown>;
}

export interface RecordChecks {
  /** Notes a field change whose record must still be valid once the update is applied. */
  add(change: PendingFieldChange): void;
  /**
   * Parses each changed record once, as `batch` holds it after the whole update (a record deleted later in the
   * update is not parsed: it is gone). One Yjs update applies atomically, so that state is the only one anyone
   * sees. A refused record is replayed change by change to name the change that broke it, in the same words as
   * when each change was parsed on its own.
   */
  check(batch: BatchView): Result<void>;
}

export function recordChecks(): RecordChecks {
  /** Per record, its field changes in order. */
  const byRecord = new Map<string, PendingFieldChange[]>();
  return {
    add(change) {
      const key = `${change.map}\u0000${change.change.id}`;
      const changes = byRecord.get(key);
      if (changes) changes.push(change);
      else byRecord.set(key, [change]);
    },
    check(batch) {
      for (const changes of byRecord.values()) {
        const { map, change } = changes[0]!;
        const record = batch.get(map, change.id);
        if (!record) continue;
        const checked = checkRecord(map, record);
        if (!checked.ok) return firstBreakingChange(changes) ?? checked;
      }
      return ok(undefined);
    },
  };
}

/** The refusal of the first change that leaves its record invalid, when parsed on its own. */
function firstBreakingChange(changes: readonly PendingFieldChange[]): Result<void> | undefined {
  for (const { map, change, before } of changes) {
    const next = { ...before };
    if (change.kind === 'deleteField') delete next[change.field];
    else next[change.field] = change.value;
    const checked = checkRecord(map, next);
    if (checked.ok) continue;
    if (change.kind === 'setField') return checked;
    const { noun } = RECORD_SPECS[map];
    return fail(`The ${noun}'s ${fieldName(change.field)} cannot be removed: every ${noun} needs one.`);
  }
  return undefined;
}
