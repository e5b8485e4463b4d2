// Where each client's structs and the delete set lie in a v1 Yjs update, found by skipping over the bytes.
import * as decoding from 'lib0/decoding';

/** One client's group of structs: clocks [clock, endClock), struct bytes [start, end) of the update. */
export interface ClientGroup {
  client: number;
  clock: number;
  endClock: number;
  structs: number;
  start: number;
  end: number;
}

export interface UpdateLayout {
  groups: ClientGroup[];
  /** The delete set as flat [clock, length, clock, length, ...] per client. */
  deletes: Map<number, number[]>;
}

type Decoder = decoding.Decoder;

function skipBytes(decoder: Decoder, count: number): void {
  decoder.pos += count;
  if (decoder.pos > decoder.arr.length) throw new Error('unexpected end of update');
}

const skipVarBytes = (decoder: Decoder) => skipBytes(decoder, decoding.readVarUint(decoder));

/** An id: client, then clock. */
function skipId(decoder: Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

function skipVarInt(decoder: Decoder): void {
  while (decoding.readUint8(decoder)! >= 0x80) {
    if (decoder.pos > decoder.arr.length) throw new Error('unexpected end of update');
  }
}

/** Skips one value of lib0's `any` encoding (what ContentAny holds), as decoding.readAny would read it. */
function skipAny(decoder: Decoder, depth = 0): void {
  if (depth > 64) throw new Error('value nested too deep');
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      return skipVarInt(decoder);
    case 124:
      return skipBytes(decoder, 4);
    case 123:
    case 122:
      return skipBytes(decoder, 8);
    case 119: // string
    case 116: // Uint8Array
      return skipVarBytes(decoder);
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) {
        skipVarBytes(decoder);
        skipAny(decoder, depth + 1);
      }
      return;
    }
    case 117: {
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) skipAny(decoder, depth + 1);
      return;
    }
    default:
      throw new Error(`unknown value type ${type}`);
  }
}

/** Skips an item's content (yjs' contentRefs, by `info & 31`) and returns the item's length in clocks. */
function skipContent(decoder: Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: // JSON, one string per entry
    case 8: {
      // any
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) {
        if (ref === 2) skipVarBytes(decoder);
        else skipAny(decoder);
      }
      return entries;
    }
    case 3: // binary
    case 5: // embed (a JSON string)
      skipVarBytes(decoder);
      return 1;
    case 4: // string: its length is counted in UTF-16 units, as yjs counts it
      return decoding.readVarString(decoder).length;
    case 6: // format: key, then a JSON string
      skipVarBytes(decoder);
      skipVarBytes(decoder);
      return 1;
    case 7: {
      // type: XmlElement (3) and XmlHook (5) carry their name
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) skipVarBytes(decoder);
      else if (typeRef > 6) throw new Error(`unknown type ${typeRef}`);
      return 1;
    }
    case 9: // subdocument: guid, then options
      skipVarBytes(decoder);
      skipAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

/** Skips one struct (yjs' readClientsStructRefs) and returns its length in clocks. */
function skipStruct(decoder: Decoder): number {
  const info = decoding.readUint8(decoder)!;
  const ref = info & 0x1f;
  if (ref === 0 || ref === 10) return decoding.readVarUint(decoder); // GC, Skip
  const hasOrigin = (info & 0x80) !== 0;
  const hasRightOrigin = (info & 0x40) !== 0;
  if (hasOrigin) skipId(decoder);
  if (hasRightOrigin) skipId(decoder);
  if (!hasOrigin && !hasRightOrigin) {
    // A parent: a root's name, or the id of the item holding the parent type; then the key, if any.
    if (decoding.readVarUint(decoder) === 1) skipVarBytes(decoder);
    else skipId(decoder);
    if ((info & 0x20) !== 0) skipVarBytes(decoder);
  }
  return skipContent(decoder, ref);
}

/**
 * Reads the layout of a v1 update without building its structs or their content. Throws on bytes it cannot read
 * (trailing bytes included); meant for updates a Y.Doc emitted, which it always reads.
 */
export function readUpdateLayout(update: Uint8Array): UpdateLayout {
  const decoder = decoding.createDecoder(update);
  const groupCount = decoding.readVarUint(decoder);
  const groups: ClientGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const start = decoder.pos;
    let endClock = clock;
    for (let s = 0; s < structs; s++) endClock += skipStruct(decoder);
    if (decoder.pos > update.length) throw new Error('unexpected end of update');
    groups.push({ client, clock, endClock, structs, start, end: decoder.pos });
  }
  const deletes = new Map<number, number[]>();
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    let ranges = deletes.get(client);
    if (!ranges) deletes.set(client, (ranges = []));
    for (let r = 0; r < count; r++) ranges.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after update');
  return { groups, deletes };
}
