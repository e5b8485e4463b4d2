// Yjs types its shared types and events with `any` parameters; these aliases name them once, for code that
// handles every kind of shared type (the guard, local undo).
import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any kind of shared type, as Yjs declares them
export type AnyYType = Y.AbstractType<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event type Yjs itself declares
export type AnyYEvent = Y.YEvent<any>;
