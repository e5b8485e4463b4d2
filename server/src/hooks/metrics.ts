// What the operator's /metrics counts on the update path: verdicts, commit latency, and writes a newer holder fenced.
import type { Metrics } from '../metrics/Metrics.ts';
import { FencedError } from '../storage/PostgresStorage.ts';
import type { RoomHook } from './RoomHook.ts';

export function countUpdates(metrics: Metrics): RoomHook {
  return {
    name: 'metrics',
    onJudged: (_attempt, refusal) => metrics.countVerdict(refusal?.label),
    onCommit: ({ seconds }) => metrics.observeCommit(seconds),
    onCommitFailed({ seconds, error, updates }) {
      metrics.observeCommit(seconds);
      if (error instanceof FencedError) metrics.countFenced(updates.length);
    },
  };
}
