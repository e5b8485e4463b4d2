// The canvas's toolbar: zoom, fit, my station, a station's zoom, the area-select mode, and the caller's own tools.
import type { ReactNode } from 'react';
import { hrefWithView } from '../list/viewChoice.ts';
import type { StationBox } from './layout.ts';

export interface CanvasToolsProps {
  stations: readonly StationBox[];
  /** The participant's team station, when there is one. */
  focused: StationBox | undefined;
  focusedNumber: number;
  onZoom: (factor: number) => void;
  onFit: () => void;
  onShowFocused: () => void;
  onShowStation: (station: StationBox) => void;
  /** "Select area": a drag on the empty canvas selects the notes in a box instead of panning. */
  isAreaMode: boolean;
  onAreaMode: (isOn: boolean) => void;
  children?: ReactNode;
}

export function CanvasTools(props: CanvasToolsProps) {
  const { stations, focused, focusedNumber } = props;
  return (
    <div className="canvas-tools" role="group" aria-label="Canvas tools">
      {/* The canvas is a drawing: screen-reader users get the same board, and every action, in the list view. */}
      <a className="skip-link" href={hrefWithView(window.location.href, 'list')}>
        Using a screen reader? Open the list view
      </a>
      <button type="button" onClick={() => props.onZoom(1.2)}>
        Zoom in
      </button>
      <button type="button" onClick={() => props.onZoom(1 / 1.2)}>
        Zoom out
      </button>
      <button type="button" onClick={props.onFit}>
        Fit board
      </button>
      {focused && (
        <button type="button" onClick={props.onShowFocused}>
          My station
        </button>
      )}
      <button
        type="button"
        aria-pressed={props.isAreaMode}
        title="Drag on the empty board to select the notes in a box (or hold Shift)"
        onClick={() => props.onAreaMode(!props.isAreaMode)}
      >
        Select area
      </button>
      {focused && (
        <p className="canvas-focus" role="status" aria-label="Station in view">
          Showing station {focusedNumber}: <span dir="auto">{focused.area.title}</span>
        </p>
      )}
      <span className="station-zoom" role="group" aria-label="Zoom to station">
        {stations.map((station, index) => (
          <button
            key={station.area.id}
            type="button"
            title={`Zoom to station ${index + 1}: ${station.area.title}`}
            aria-label={`Zoom to station ${index + 1}: ${station.area.title}`}
            onClick={() => props.onShowStation(station)}
          >
            {index + 1}
          </button>
        ))}
      </span>
      {props.children}
    </div>
  );
}
