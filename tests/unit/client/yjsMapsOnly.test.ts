// The browser build's Yjs (client/vite.config.ts, yjsMapsOnly): built here with the same plugins, it reads what a
// board holds as Yjs does, and refuses, in words, the types and contents it leaves out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yjsFromSources, yjsMapsOnly } from '../../../client/vite.config.ts';

let dir: string;
let BrowserY: typeof Y;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-maps-only-'));
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(entry, "export * from 'yjs';\n");
  // lib0 stays external (Node's own); only the resolution of Yjs and its left-out modules is under test.
  const bundle = await rolldown({
    input: entry,
    plugins: [yjsFromSources(), yjsMapsOnly()],
    external: [/^lib0(\/|$)/],
    logLevel: 'silent',
  });
  await bundle.write({ file: path.join(dir, 'browserYjs.mjs'), format: 'esm' });
  await bundle.close();
  BrowserY = (await import(pathToFileURL(path.join(dir, 'browserYjs.mjs')).href)) as typeof Y;
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** An update from stock Yjs made by `write` on a fresh doc. */
function updateOf(write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  write(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe("the browser build's Yjs", () => {
  it('is built from the stand-in: its text and array types are not Yjs', () => {
    expect(BrowserY.Map).not.toBe(Y.Map);
    expect(() => new BrowserY.Text()).toThrow("Y.Text is not in Scopeboard's browser build");
    expect(() => new BrowserY.Array()).toThrow("Y.Array is not in Scopeboard's browser build");
  });

  it('reads and writes records, values and deletions as stock Yjs does, both ways', () => {
    const update = updateOf((doc) => {
      const notes = doc.getMap<Y.Map<unknown>>('notes');
      for (const id of ['n1', 'n2']) {
        const note = new Y.Map<unknown>();
        notes.set(id, note);
        note.set('text', `idea ${id}`);
        note.set('votes', { a: 1, list: [1, 'two', null] });
      }
      notes.get('n1')!.set('text', 'edited');
      notes.delete('n2');
      doc.getMap('session').set('phase', 'post');
    });
    const browserDoc = new BrowserY.Doc();
    BrowserY.applyUpdate(browserDoc, update);
    expect(browserDoc.getMap('notes').toJSON()).toEqual({
      n1: { text: 'edited', votes: { a: 1, list: [1, 'two', null] } },
    });
    expect(browserDoc.getMap('session').toJSON()).toEqual({ phase: 'post' });

    // A record written in the browser's Yjs reads back in the server's.
    const record = new BrowserY.Map<unknown>();
    browserDoc.getMap('notes').set('n3', record);
    record.set('text', 'from the phone');
    const serverDoc = new Y.Doc();
    Y.applyUpdate(serverDoc, BrowserY.encodeStateAsUpdate(browserDoc));
    expect(serverDoc.getMap('notes').toJSON()).toEqual(browserDoc.getMap('notes').toJSON());
  });

  it('refuses in words what no board holds: text, arrays, binary values, subdocuments', () => {
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['Y.Text', (doc) => doc.getMap('notes').set('n', new Y.Text('hi'))],
      ['Y.Array', (doc) => doc.getMap('notes').set('n', Y.Array.from([1]))],
      ['Text content', (doc) => doc.getText('t').insert(0, 'hi')],
      ['Binary content', (doc) => doc.getMap('meta').set('b', new Uint8Array([1]))],
      ['A subdocument', (doc) => doc.getMap('meta').set('d', new Y.Doc())],
    ];
    for (const [name, write] of cases) {
      const browserDoc = new BrowserY.Doc();
      expect(() => BrowserY.applyUpdate(browserDoc, updateOf(write)), name).toThrow(
        `${name} is not in Scopeboard's browser build`,
      );
    }
    expect(() => new BrowserY.Doc().getMap('meta').set('b', new Uint8Array([1]))).toThrow('Binary content');
  });
});
