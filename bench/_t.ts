import { runFill } from './fillRate.ts';
import { templateSeed } from './prepareRooms.ts';
process.setMaxListeners(0);
const seed = templateSeed(Date.UTC(2025, 0, 1));
for (const kind of ['ours', 'reference'] as const) await runFill(kind, [1000, 3000], 500, seed, 2);
process.exit(0);
