// lib0/broadcastchannel for the browser bundle, on the native BroadcastChannel only: lib0's own adds a localStorage
// fallback (with lib0/storage and base64) for browsers that lack it, and every browser the client supports has it.
// y-websocket imports it for its cross-tab sync, which BoardConnection.ts turns off (disableBc); client/vite.config.ts
// resolves `lib0/broadcastchannel` here. Same API and behaviour: a channel per room, shared by its subscribers.
type Subscriber = (data: ArrayBuffer, origin: unknown) => void;

const channels = new Map<string, { bc: BroadcastChannel; subs: Set<Subscriber> }>();

function channelOf(room: string) {
  let channel = channels.get(room);
  if (!channel) {
    const subs = new Set<Subscriber>();
    const bc = new BroadcastChannel(room);
    bc.onmessage = (event: MessageEvent<ArrayBuffer>) => subs.forEach((sub) => sub(event.data, 'broadcastchannel'));
    channel = { bc, subs };
    channels.set(room, channel);
  }
  return channel;
}

export function subscribe(room: string, subscriber: Subscriber): Subscriber {
  channelOf(room).subs.add(subscriber);
  return subscriber;
}

export function unsubscribe(room: string, subscriber: Subscriber): boolean {
  const channel = channelOf(room);
  const removed = channel.subs.delete(subscriber);
  if (removed && channel.subs.size === 0) {
    channel.bc.close();
    channels.delete(room);
  }
  return removed;
}

export function publish(room: string, data: ArrayBuffer, origin: unknown = null): void {
  const channel = channelOf(room);
  channel.bc.postMessage(data);
  channel.subs.forEach((sub) => sub(data, origin));
}
