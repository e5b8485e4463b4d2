// The connected board's chunk (Yjs, the provider, the views' first screens), shared by the entry, which starts it
// when the page already holds a token (app/boardSocketFirst.ts), and the board page, which renders it.
import { lazyModule } from './useModule.ts';

export const connectedBoardModule = lazyModule('the connected board', () => import('./ConnectedBoard.tsx'));
