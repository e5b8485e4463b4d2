// The offset from this device's clock to the server's, measured with a few GET /api/time round trips.
import { estimateClockOffset, type ClockOffset, type ClockSample } from '@shared/phases/clock.ts';

/** Reads the server clock once (GET /api/time -> `now`). */
export type ReadServerTime = () => Promise<number>;

/**
 * Takes `count` samples one after another (parallel requests would queue behind each other and inflate the round
 * trip) and keeps the least disturbed. Failed samples are skipped; with none at all the offset is 0.
 */
export async function measureClockOffset(
  readServerTime: ReadServerTime,
  clientNow: () => number,
  count: number,
): Promise<ClockOffset> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = clientNow();
    try {
      const serverNow = await readServerTime();
      samples.push({ sentAt, serverNow, receivedAt: clientNow() });
    } catch {
      // One lost sample is no reason to give up on the others.
    }
  }
  return estimateClockOffset(samples);
}
