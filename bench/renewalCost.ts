// Benchmark: server CPU per presence renewal (the same state, a newer clock) in one room, through Room.receive.
// Run: npx tsx bench/renewalCost.ts [--peers=20] [--renewals=50000] [--repeat=3]
// A real Room (in-memory store) with the app's presence hook; each peer speaks for one client id and renews its
// state in turn, as y-protocols clients do every 15 s. Prints CPU microseconds per renewal for each repeat, then per
// echo: a stock provider sends back every presence frame it receives, so each renewal comes back from the others.
import * as encoding from 'lib0/encoding';
import { DEFAULT_LIMITS } from '../server/src/config.ts';
import { RoomHooks } from '../server/src/hooks/RoomHooks.ts';
import { stampPresence } from '../server/src/hooks/presenceStamp.ts';
import { silentLogger } from '../server/src/log.ts';
import { encodeAwareness } from '../server/src/rooms/messages.ts';
import type { Peer } from '../server/src/rooms/Peer.ts';
import { Room } from '../server/src/rooms/Room.ts';

function arg(name: string, fallback: string): number {
  return Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
}

/** One client's awareness message: a single entry, as a stock provider's renewal is. */
function renewal(clientId: number, clock: number, state: Record<string, unknown>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encodeAwareness(encoding.toUint8Array(encoder));
}

async function main(): Promise<void> {
  const peerCount = arg('peers', '20');
  const renewals = arg('renewals', '50000');
  const repeat = arg('repeat', '3');
  const store = {
    loadDoc: async () => ({ snapshot: null, updates: [], lastSeq: 0 }),
    appendUpdates: async () => ({ lastSeq: 0, logLength: 0 }),
    compact: async () => undefined,
  };
  const hooks = new RoomHooks([stampPresence()]);
  const room = await Room.load('bench', { store, limits: DEFAULT_LIMITS, hooks, log: silentLogger });
  const closes: string[] = [];
  const peers: Peer[] = Array.from({ length: peerCount }, (_, i) => ({
    actor: { participantId: `p${i}`, name: `Person ${i}`, role: 'participant' },
    isOpen: true,
    isClosedByServer: false,
    send: () => undefined,
    close: (code, reason) => void closes.push(`${code} ${reason}`),
  }));
  for (const peer of peers) await room.attach(peer);
  const clocks = peers.map(() => 0);
  let turn = 0;
  const renew = async (count: number) => {
    for (let k = 0; k < count; k++) {
      const i = turn++ % peerCount;
      await room.receive(peers[i]!, renewal(1000 + i, ++clocks[i]!, { cursor: null, drag: null }));
    }
  };
  // Each peer sends back the entry of the peer before it, as it was last sent (another connection's client id).
  const echo = async (count: number) => {
    for (let k = 0; k < count; k++) {
      const i = turn++ % peerCount;
      const from = (i + peerCount - 1) % peerCount;
      await room.receive(peers[i]!, renewal(1000 + from, clocks[from]!, { cursor: null, drag: null }));
    }
  };
  // What a room sees: every renewal followed by an echo of it from another peer.
  const both = async (count: number) => {
    for (let k = 0; k < count; k += 2) {
      await renew(1);
      const i = (turn - 1) % peerCount;
      await room.receive(peers[(i + 1) % peerCount]!, renewal(1000 + i, clocks[i]!, { cursor: null, drag: null }));
    }
  };
  for (const [label, run] of [
    ['renewal', renew],
    ['echo', echo],
    ['frame, renewals and their echoes alternating', both],
  ] as const) {
    await run(Math.min(5000, renewals)); // warm-up: JIT, not counted
    for (let r = 1; r <= repeat; r++) {
      const before = process.cpuUsage();
      await run(renewals);
      const used = process.cpuUsage(before);
      console.log(`repeat ${r}: ${((used.user + used.system) / renewals).toFixed(2)} us CPU per ${label}`);
    }
  }
  if (closes.length > 0) throw new Error(`a connection was closed: ${closes.join('; ')}`);
  room.destroy();
}

await main();
