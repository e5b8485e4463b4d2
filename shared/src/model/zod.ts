// The one zod import of shared's schemas: zod/mini, the tree-shakable build of the same zod 4 (classic zod carries
// every method on every schema, and the JSON Schema generator with them, into each browser bundle).
import { en } from 'zod/locales';
import * as z from './zodNames.ts';

// Classic zod loads the English messages itself; the refusals without a wording of their own read the same here.
z.config(en());

export { z };

/** Classic zod's `.meta()`: a copy of `schema` carrying JSON Schema metadata (the original is left as it is). */
export function withMeta<S extends z.ZodMiniType>(schema: S, meta: z.core.GlobalMeta): S {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}
