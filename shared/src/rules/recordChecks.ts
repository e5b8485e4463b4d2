// Field changes parse their record once per update, as the update leaves it, instead of once per changed field.
import { fail, ok, type Result } from '../model/Result.ts';
import type { BatchView } from './batchView.ts';
import { fieldName, RECORD_SPECS, type WritableRecordMap } from './recordSpecs.ts';

/** One field change that passed its own checks (known, not fixed); `before` is the record as the change found it. */
interface PendingFieldChange {
  map: WritableRecordMap;
  id: string;
  before: Record<string, unknown>;
  field: string;
  value: unknown;
  isDelete: boolean;
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
      const key = `${change.map}\u0000${change.id}`;
      const changes = byRecord.get(key);
      if (changes) changes.push(change);
      else byRecord.set(key, [change]);
    },
    check(batch) {
      for (const changes of byRecord.values()) {
        const { map, id } = changes[0]!;
        const record = batch.get(map, id);
        if (!record) continue;
        const spec = RECORD_SPECS[map];
        const parsed = spec.parse(record);
        if (parsed.ok) continue;
        return firstBreakingChange(changes) ?? fail(`That ${spec.noun} is not valid: ${parsed.reason}.`);
      }
      return ok(undefined);
    },
  };
}

/** The refusal of the first change that leaves its record invalid, when parsed on its own. */
function firstBreakingChange(changes: readonly PendingFieldChange[]): Result<void> | undefined {
  for (const { map, before, field, value, isDelete } of changes) {
    const spec = RECORD_SPECS[map];
    const next = { ...before };
    if (isDelete) delete next[field];
    else next[field] = value;
    const parsed = spec.parse(next);
    if (parsed.ok) continue;
    if (isDelete)
      return fail(`The ${spec.noun}'s ${fieldName(field)} cannot be removed: every ${spec.noun} needs one.`);
    return fail(`That ${spec.noun} is not valid: ${parsed.reason}.`);
  }
  return undefined;
}
