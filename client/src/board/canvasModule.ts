// The canvas chunk (Konva, ~370 KB), shared by the board page, which starts its download beside /me when the first
// view will be the canvas, and the connected board, which renders it. A phone posting notes never downloads it.
import type { Role } from '@shared/model/Role.ts';
import { lazyModule } from '../app/useModule.ts';
import { initialView, isPhoneScreen } from '../list/viewChoice.ts';

export const canvasModule = lazyModule('the canvas', () => import('./BoardView.tsx'));

/** Starts the canvas download now if `role` opens this page on the board view (as list/BoardViews.tsx decides). */
export function preloadCanvasFor(role: Role): void {
  if (initialView({ search: window.location.search, role, isPhone: isPhoneScreen() }) === 'board') canvasModule.start();
}
