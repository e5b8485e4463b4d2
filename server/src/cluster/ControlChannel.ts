// Messages every server must hear at once, over one Redis pub/sub channel: a board changed holder, and the board
// events (removals, renewals, closing, archiving) of boardEvents.ts, each tagged with the server it came from.
import type { Redis } from 'ioredis';
import { z } from '@shared/model/zod.ts';
import type { BoardEvent } from '../boards/boardEvents.ts';

const CHANNEL = 'scopeboard:control';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const from = id;

const controlMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('claimed'), boardId: id, serverId: id, url: z.string().check(z.maxLength(300)) }),
  z.object({ type: z.literal('participantRemoved'), boardId: id, participantId: id, from }),
  z.object({ type: z.literal('joinCodeRenewed'), boardId: id, from }),
  z.object({ type: z.literal('observerCodeRenewed'), boardId: id, from }),
  z.object({ type: z.literal('boardClosed'), boardId: id, from }),
  z.object({ type: z.literal('boardArchived'), boardId: id, from }),
]);

export type ControlMessage = z.infer<typeof controlMessage>;

/** A board event as published: the event and the server it happened on. */
export type BoardEventMessage = Exclude<ControlMessage, { type: 'claimed' }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Checked by the compiler: every board event has a control message, field for field (a new event needs one here).
const eventsMatch: Same<BoardEvent, DistributiveOmit<BoardEventMessage, 'from'>> = true;
void eventsMatch;

/** The board event a message carries, without the sender's tag. */
export function boardEventOf(message: BoardEventMessage): BoardEvent {
  const { from: _from, ...event } = message;
  return event as BoardEvent;
}

export class ControlChannel {
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
  ) {}

  /** Subscribes; messages that do not parse are ignored (another version, or noise). */
  async listen(onMessage: (message: ControlMessage) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      let parsed;
      try {
        parsed = controlMessage.safeParse(JSON.parse(text));
      } catch {
        return;
      }
      if (parsed.success) onMessage(parsed.data);
    });
    await this.subscriber.subscribe(CHANNEL);
  }

  publish(message: ControlMessage): void {
    void this.publisher.publish(CHANNEL, JSON.stringify(message)).catch(() => undefined);
  }
}
