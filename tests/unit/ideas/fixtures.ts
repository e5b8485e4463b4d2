// A board for the grouping tests: the SSR2 template with notes by two people in its first two stations.
import * as Y from 'yjs';
import { addNote, createBoard } from '@shared/doc/ops.ts';
import type { Author } from '@shared/doc/ops.ts';
import type { NoteGeometry } from '@shared/ideas/geometry.ts';
import { getTemplate } from '@shared/templates/templates.ts';

export const ana: Author = { id: 'p-ana', name: 'Ana', role: 'participant' };
export const bo: Author = { id: 'p-bo', name: 'Bo', role: 'participant' };
export const STATION_1 = 'ex1-a1';
export const STATION_2 = 'ex1-a2';
export const geometry: NoteGeometry = {
  stickyWidth: 139,
  stickyHeight: 112,
  stickyGap: 14,
  framePadding: 6,
  frameHeader: 24,
};

/** A board with notes n1..n4 in station 1 (n1, n3 by Ana; n2, n4 by Bo) and n5 in station 2, from a fixed client id. */
export function boardWithNotes(clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  createBoard(doc, getTemplate('ssr2-copenhagen')!, { title: 'SSR2', createdAt: 1 });
  const post = (id: string, author: Author, areaId: string, x: number, y: number) => {
    const result = addNote(doc, { id, areaId, text: `idea ${id}`, author, createdAt: 10, x, y }, 'template');
    if (!result.ok) throw new Error(result.reason);
  };
  post('n1', ana, STATION_1, 14, 240);
  post('n2', bo, STATION_1, 167, 240);
  post('n3', ana, STATION_1, 14, 366);
  post('n4', bo, STATION_1, 167, 366);
  post('n5', ana, STATION_2, 358, 240);
  return doc;
}
