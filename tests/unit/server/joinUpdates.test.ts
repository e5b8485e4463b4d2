// The byte-level join of a room doc's updates: what it gives a peer is what the updates one by one would give.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { joinUpdates } from '../../../server/src/rooms/joinUpdates.ts';
import { readUpdateLayout } from '../../../server/src/rooms/updateLayout.ts';

/** One write by one of a few client docs, of every kind of content yjs has. */
type Write = { writer: number; kind: number; key: number; text: string; value: number };

function write(doc: Y.Doc, { kind, key, text, value }: Write): void {
  const map = doc.getMap('m');
  const k = `k${key}`;
  switch (kind) {
    case 0:
      map.set(k, { text, n: value, list: [value, null, true, { deep: text }], bytes: new Uint8Array([value & 255]) });
      break;
    case 1:
      map.delete(k);
      break;
    case 2: {
      const nested = new Y.Map<unknown>();
      map.set(k, nested);
      nested.set('x', value);
      nested.set('y', text);
      break;
    }
    case 3: {
      const held = map.get(k);
      if (held instanceof Y.Map) held.set('x', value * 2);
      else map.set(k, value);
      break;
    }
    case 4: {
      const t = doc.getText('t');
      t.insert(Math.min(value % 7, t.length), `${text}😀`);
      if (t.length > 6) t.delete(value % 3, 2);
      t.format(0, Math.min(2, t.length), { bold: true });
      break;
    }
    case 5: {
      const a = doc.getArray<unknown>('a');
      a.insert(0, [value, text, new Uint8Array([1, 2])]);
      if (a.length > 4) a.delete(1, 2);
      break;
    }
    case 6: {
      const x = doc.getXmlFragment('x');
      const element = new Y.XmlElement('p');
      element.setAttribute('id', text);
      x.insert(0, [element, new Y.XmlText(text)]);
      break;
    }
    default:
      doc.getText('t').insertEmbed(0, { image: text });
  }
}

const writes = fc.array(
  fc.record({
    writer: fc.integer({ min: 0, max: 2 }),
    kind: fc.integer({ min: 0, max: 7 }),
    key: fc.integer({ min: 0, max: 4 }),
    text: fc.string({ maxLength: 6 }),
    value: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  }),
  { minLength: 1, maxLength: 25 },
);

/** A room doc fed by three writers: the updates it emits, and its state before them. */
function roomUpdates(plan: Write[], splitAt: number): { before: Uint8Array; emitted: Uint8Array[] } {
  const room = new Y.Doc();
  const writers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const relay = (from: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'room') return;
    Y.applyUpdate(room, update, from);
    for (const other of writers) if (other !== from) Y.applyUpdate(other, update, 'room');
  };
  writers.forEach((doc) => doc.on('update', relay(doc)));
  plan.slice(0, splitAt).forEach((w) => write(writers[w.writer]!, w));
  const before = Y.encodeStateAsUpdate(room);
  const emitted: Uint8Array[] = [];
  room.on('update', (update: Uint8Array) => emitted.push(update));
  plan.slice(splitAt).forEach((w) => write(writers[w.writer]!, w));
  return { before, emitted };
}

function stateOf(doc: Y.Doc) {
  return {
    m: doc.getMap('m').toJSON(),
    t: doc.getText('t').toDelta(),
    a: doc.getArray('a').toJSON(),
    x: doc.getXmlFragment('x').toString(),
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  };
}

function applied(before: Uint8Array, updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, before);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('joinUpdates', () => {
  it('gives a peer the same doc as the updates one by one (and as Y.mergeUpdates)', () => {
    fc.assert(
      fc.property(writes, fc.nat(), (plan, cut) => {
        const { before, emitted } = roomUpdates(plan, cut % plan.length);
        if (emitted.length === 0) return;
        const joined = joinUpdates(emitted.map((update) => ({ update, layout: readUpdateLayout(update) })));
        expect(joined).not.toBeNull();
        const viaJoin = applied(before, [joined!]);
        const oneByOne = applied(before, emitted);
        expect(stateOf(viaJoin)).toEqual(stateOf(oneByOne));
        expect(stateOf(applied(before, [Y.mergeUpdates(emitted)]))).toEqual(stateOf(oneByOne));
        // Nothing is left waiting: the join brought every struct its own references need.
        expect(viaJoin.store.pendingStructs).toBeNull();
        expect(viaJoin.store.pendingDs).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same clients, clocks and deletions as yjs’ own decoder', () => {
    fc.assert(
      fc.property(writes, (plan) => {
        for (const update of roomUpdates(plan, 0).emitted) {
          const layout = readUpdateLayout(update);
          const { structs, ds } = Y.decodeUpdate(update);
          const byClient = new Map<number, { clock: number; end: number; count: number }>();
          for (const struct of structs) {
            const known = byClient.get(struct.id.client);
            if (known) {
              known.end = struct.id.clock + struct.length;
              known.count++;
            } else
              byClient.set(struct.id.client, {
                clock: struct.id.clock,
                end: struct.id.clock + struct.length,
                count: 1,
              });
          }
          expect(layout.groups.map((g) => [g.client, { clock: g.clock, end: g.endClock, count: g.structs }])).toEqual([
            ...byClient,
          ]);
          expect([...layout.deletes].map(([client, flat]) => [client, flat])).toEqual(
            [...ds.clients].map(([client, items]) => [client, items.flatMap((item) => [item.clock, item.len])]),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to join a client’s structs that do not follow each other', () => {
    const doc = new Y.Doc();
    const emitted: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => emitted.push(update));
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    doc.getMap('m').set('c', 3);
    const laidOut = emitted.map((update) => ({ update, layout: readUpdateLayout(update) }));
    // The first and the third: the second's clock is missing between them.
    expect(joinUpdates([laidOut[0]!, laidOut[2]!])).toBeNull();
    // The same update twice: its structs would overlap themselves.
    expect(joinUpdates([laidOut[0]!, laidOut[0]!])).toBeNull();
    expect(joinUpdates(laidOut)).not.toBeNull();
  });

  it('throws on bytes it cannot read, truncated or trailing', () => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getMap('m').set('note', { text: 'hello', x: 1.5 });
    expect(() => readUpdateLayout(update)).not.toThrow();
    for (let cut = 1; cut < update.length; cut++) expect(() => readUpdateLayout(update.subarray(0, cut))).toThrow();
    expect(() => readUpdateLayout(new Uint8Array([...update, 0]))).toThrow();
  });
});
