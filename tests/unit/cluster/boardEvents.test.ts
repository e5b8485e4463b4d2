// The board event emitter the services announce removals, renewals, closing and archiving on.
import { describe, expect, it } from 'vitest';
import { BoardEvents, type BoardEvent } from '../../../server/src/boards/boardEvents.ts';

describe('BoardEvents', () => {
  it('tells every listener, marks remote events, and stops after unsubscribing', () => {
    const events = new BoardEvents();
    const heard: [BoardEvent, boolean][] = [];
    const off = events.on((event, { isRemote }) => heard.push([event, isRemote]));
    events.emit({ type: 'participantRemoved', boardId: 'b1', participantId: 'p1' });
    events.emit({ type: 'boardClosed', boardId: 'b1' }, { isRemote: true });
    off();
    events.emit({ type: 'boardArchived', boardId: 'b1' });
    expect(heard).toEqual([
      [{ type: 'participantRemoved', boardId: 'b1', participantId: 'p1' }, false],
      [{ type: 'boardClosed', boardId: 'b1' }, true],
    ]);
  });

  it('a listener that throws neither fails the emitter nor silences the others', () => {
    const events = new BoardEvents();
    const heard: string[] = [];
    events.on(() => {
      throw new Error('broken listener');
    });
    events.on((event) => heard.push(event.type));
    expect(() => events.emit({ type: 'joinCodeRenewed', boardId: 'b1' })).not.toThrow();
    expect(heard).toEqual(['joinCodeRenewed']);
  });
});
