// Replays yjs' integration order for an update's structs without touching the doc, refusing what yjs would park.
import * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/model/Result.ts';
import type { UpdateStruct } from './readUpdateStructs.ts';

/** One struct that Y.applyUpdate would integrate, from `offset` on (the part before it is known already). */
export interface Integration {
  struct: Y.Item | Y.GC;
  offset: number;
}

export interface IntegrationPlan {
  /** In the order yjs integrates them: every struct comes after everything it refers to. */
  order: Integration[];
  /** A client's clock once the update is applied. */
  stateAfter(client: number): number;
}

const MISSING = 'The update depends on changes the server does not have yet.';

/** The ids an item needs before it can be integrated, in the order yjs' Item.getMissing checks them. */
function refsOf(item: Y.Item): Y.ID[] {
  const refs: Y.ID[] = [];
  if (item.origin) refs.push(item.origin);
  if (item.rightOrigin) refs.push(item.rightOrigin);
  if (item.parent instanceof Y.ID) refs.push(item.parent);
  return refs;
}

/**
 * Mirrors yjs' integrateStructs (utils/encoding.js): clients from the highest id down, a stack for
 * cross-client dependencies. Where yjs would keep structs as "pending" (a gap in a client's clock, a
 * dependency the update does not bring, a dependency cycle), we refuse instead: pending structs are
 * applied later by yjs on their own, when nobody checks them. A same-client reference to a clock not yet
 * in the store would make yjs throw half-way through, so it is refused too.
 */
export function planIntegration(store: Y.Doc['store'], runs: Map<number, UpdateStruct[]>): Result<IntegrationPlan> {
  const state = new Map<number, number>();
  const stateOf = (client: number): number => {
    let clock = state.get(client);
    if (clock === undefined) {
      clock = Y.getState(store, client);
      state.set(client, clock);
    }
    return clock;
  };
  const readers = new Map<number, { i: number; refs: UpdateStruct[] }>();
  for (const [client, refs] of runs) readers.set(client, { i: 0, refs });
  const clientIds = [...runs.keys()].sort((a, b) => a - b);
  const order: Integration[] = [];

  const nextTarget = () => {
    while (clientIds.length > 0) {
      const target = readers.get(clientIds[clientIds.length - 1] as number);
      if (target && target.i < target.refs.length) return target;
      clientIds.pop();
    }
    return null;
  };

  let current = nextTarget();
  if (current === null) return ok({ order, stateAfter: stateOf });
  let head = current.refs[current.i++] as UpdateStruct;
  const stack: UpdateStruct[] = [];
  for (;;) {
    if (!(head instanceof Y.Skip)) {
      const client = head.id.client;
      const local = stateOf(client);
      const offset = local - head.id.clock;
      if (offset < 0) return fail(MISSING);
      let missing: number | null = null;
      if (head instanceof Y.Item) {
        for (const ref of refsOf(head)) {
          if (ref.client !== client && ref.clock >= stateOf(ref.client)) {
            missing = ref.client;
            break;
          }
        }
        if (missing === null && refsOf(head).some((ref) => ref.client === client && ref.clock >= local)) {
          return fail('The update refers to a part of itself that comes later.');
        }
      }
      if (missing !== null) {
        stack.push(head);
        const reader = readers.get(missing);
        if (!reader || reader.i === reader.refs.length) return fail(MISSING);
        head = reader.refs[reader.i++] as UpdateStruct;
        continue;
      }
      if (offset === 0 || offset < head.length) {
        order.push({ struct: head, offset });
        state.set(client, head.id.clock + head.length);
      }
    }
    const popped = stack.pop();
    if (popped) head = popped;
    else if (current !== null && current.i < current.refs.length) head = current.refs[current.i++] as UpdateStruct;
    else {
      current = nextTarget();
      if (current === null) break;
      head = current.refs[current.i++] as UpdateStruct;
    }
  }
  return ok({ order, stateAfter: stateOf });
}
