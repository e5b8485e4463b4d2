// Yjs types every shared type as AbstractType<YEvent<any>>; this alias names it once, so the guard need not repeat `any`.
import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event type Yjs itself declares
export type AnyYType = Y.AbstractType<Y.YEvent<any>>;
