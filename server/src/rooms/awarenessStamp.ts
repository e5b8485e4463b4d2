// Awareness is spoofable: keep only a connection's own client ids and stamp its real identity into each state.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Actor } from '@shared/rules/Change.ts';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Entries in one awareness frame: far above any room's presence (a frame is also bounded by the message size). */
export const MAX_ENTRIES_PER_FRAME = 100_000;
/** Entries of one frame that are read in full (the ids its sender may speak for, and a few it may try to claim). */
export const MAX_WANTED_ENTRIES = 64;

/**
 * Decodes an awareness update; throws when malformed or when a state is not a JSON object or null. Entries whose
 * client id `isWanted` refuses are dropped with their state skipped unread: stock y-websocket providers echo every
 * presence frame they receive, so most entries a server reads speak for someone else and would be dropped anyway.
 */
export function decodeAwareness(
  update: Uint8Array,
  maxStateBytes: number,
  isWanted: (clientId: number) => boolean = () => true,
): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // A stock client echoes whole frames of the room's presence, so the count grows with the room: only the entries
  // read in full are bounded (a connection speaks for a few ids); the skipped ones cost a few varuints each.
  if (count > MAX_ENTRIES_PER_FRAME) throw new Error('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    if (!isWanted(clientId)) {
      decoding.readVarUint8Array(decoder);
      continue;
    }
    if (entries.length === MAX_WANTED_ENTRIES) throw new Error('too many awareness entries');
    const json = decoding.readVarString(decoder);
    if (json.length > maxStateBytes) throw new Error('awareness state too large');
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
      throw new Error('awareness state is not an object');
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The identity every peer sees for a connection, whatever its client claims. */
export function stampState(state: Record<string, unknown> | null, actor: Actor): Record<string, unknown> | null {
  if (state === null) return null;
  return { ...state, user: { participantId: actor.participantId, name: actor.name, role: actor.role } };
}
