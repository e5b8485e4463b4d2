// Pure geometry for "bring my station into view": the viewport that shows one station's top, centred, readable.
import type { StationBox } from '../canvas/layout.ts';
import { MIN_SCALE, type Viewport } from '../canvas/useViewport.ts';

const MARGIN = 16;

/**
 * The viewport that fits the station's width into the stage (never enlarging past 1:1), centred across and
 * aligned to its top, where its title and first notes are. A stage with no width keeps scale 1.
 */
export function focusView(station: Pick<StationBox, 'x' | 'y' | 'width'>, stageWidth: number): Viewport {
  const available = stageWidth - 2 * MARGIN;
  const scale = available > 0 && station.width > 0 ? Math.max(MIN_SCALE, Math.min(1, available / station.width)) : 1;
  const x = stageWidth / 2 - (station.x + station.width / 2) * scale;
  return { scale, x, y: MARGIN - station.y * scale };
}
