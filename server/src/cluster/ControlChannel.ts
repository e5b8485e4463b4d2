// Messages every server must hear at once (a board changed holder), over one Redis pub/sub channel.
import type { Redis } from 'ioredis';
import { z } from 'zod';

const CHANNEL = 'scopeboard:control';

const controlMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('claimed'),
    boardId: z.string().max(64),
    serverId: z.string().max(64),
    url: z.string().max(300),
  }),
]);

export type ControlMessage = z.infer<typeof controlMessage>;

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
