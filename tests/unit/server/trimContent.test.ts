// A room keeps exact-length copies of the value arrays Yjs decodes (Yjs sizes each for 17 values): the structs a
// transaction adds get new arrays with the same values; structs from before it keep theirs; the doc is unchanged.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trimAddedContent } from '../../../server/src/rooms/trimContent.ts';

/** Every ContentAny value array in `doc`, by struct id. */
function valueArrays(doc: Y.Doc): Map<string, unknown[]> {
  const arrays = new Map<string, unknown[]>();
  for (const structs of doc.store.clients.values())
    for (const struct of structs)
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny)
        arrays.set(`${struct.id.client}:${struct.id.clock}`, struct.content.arr);
  return arrays;
}

describe('trimAddedContent', () => {
  it('replaces the value arrays of the structs a transaction added, and only those, keeping every value', () => {
    const source = new Y.Doc();
    const note = new Y.Map<unknown>();
    source.getMap('notes').set('n1', note);
    note.set('text', 'first idea');
    note.set('x', 12.5);
    source.getArray('order').push(['a', 'b', { c: 1 }]);
    const first = Y.encodeStateAsUpdate(source);

    const room = new Y.Doc();
    // Registered first, so it sees the arrays as Yjs decoded them, before trimAddedContent runs.
    let decoded = new Map<string, unknown[]>();
    room.on('afterTransaction', () => (decoded = valueArrays(room)));
    room.on('afterTransaction', trimAddedContent);

    Y.applyUpdate(room, first);
    const loaded = valueArrays(room);
    expect(loaded.size).toBe(3);
    for (const [id, arr] of loaded) {
      expect(arr).toEqual(decoded.get(id));
      expect(arr).not.toBe(decoded.get(id));
    }

    const stateBefore = Y.encodeStateVector(room);
    note.set('votes', 3);
    source.getArray('order').push(['d']);
    Y.applyUpdate(room, Y.encodeStateAsUpdate(source, stateBefore));
    const after = valueArrays(room);
    expect(after.size).toBe(5);
    for (const [id, arr] of after) {
      if (loaded.has(id)) expect(arr).toBe(loaded.get(id));
      else {
        expect(arr).toEqual(decoded.get(id));
        expect(arr).not.toBe(decoded.get(id));
      }
    }

    expect(room.getMap('notes').toJSON()).toEqual(source.getMap('notes').toJSON());
    expect(room.getArray('order').toJSON()).toEqual(['a', 'b', { c: 1 }, 'd']);
    expect(Y.encodeStateAsUpdate(room)).toEqual(Y.encodeStateAsUpdate(source));
  });
});
