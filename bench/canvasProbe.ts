// The in-page half of the canvas bench: when every note is drawn, requestAnimationFrame deltas, and drag targets.
import { trapKonvaLayer } from '../tests/helpers/konvaLayerTrap.ts';

/**
 * What the probe leaves on `window.__canvasProbe` (read with page.evaluate).
 * Times are `performance.now()` of the page, i.e. milliseconds since navigation start.
 */
export interface ProbeState {
  expected: number;
  /** First draw of any Konva layer: the canvas shows something. */
  firstLayerDrawAt: number | null;
  /** The last draw of the notes layer while the page listed `expected` notes (updated until `isSettled`). */
  notesLayerDrawnAt: number | null;
  /** The first animation frame after that draw: the frame carrying it is on its way to the screen. */
  drawnAt: number | null;
  /** Notes the canvas had laid out at that draw (window.scopeboardLayout, published in the same commit). */
  listedNotes: number;
  /** Note shapes on the notes layer at that draw (fewer than listed when the canvas only mounts notes near the view). */
  mountedNotes: number;
  /** Set from Node once the page has been quiet: later draws no longer move `notesLayerDrawnAt`. */
  isSettled: boolean;
  /** Class names of drag targets since the probe's stage hook was installed: 'Stage' (a pan), 'Group' or 'Shape' (a note). */
  dragTargets: string[];
  /** Duration of every draw of the notes layer while frames were recorded (ms, Konva drawScene only). */
  layerDrawMs: number[];
}

/**
 * Installed with `page.addInitScript` (a string, so no bundler helper leaks into the page). It traps Konva's
 * global injection (`window.Konva = Konva`, done by Konva itself) to wrap `Layer.prototype.drawScene`: the
 * notes layer is the layer with the most children. "Drawn" is the last draw of it, before the page goes
 * quiet, made while the canvas's layout (window.scopeboardLayout, set in the same React commit as the shapes)
 * holds `expected` notes, plus one animation frame. That is the draw after the whole doc arrived and the view settled (the first fit),
 * whether the canvas mounts every note or only those near the view. No change to the client is needed.
 * The script runs again on every navigation of the context it is added to.
 */
export function probeScript(expected: number): string {
  return String.raw`(() => {
  const probe = {
    expected: ${Number(expected)}, firstLayerDrawAt: null, notesLayerDrawnAt: null, drawnAt: null, listedNotes: 0, mountedNotes: 0, isSettled: false,
    dragTargets: [], layerDrawMs: [], deltas: [], isRecording: false,
  };
  Object.defineProperty(window, '__canvasProbe', { value: probe, configurable: true });
  const notesLayerOf = (stage) => {
    let best = null;
    for (const layer of stage.getLayers()) if (!best || layer.getChildren().length > best.getChildren().length) best = layer;
    return best;
  };
  const onDrawn = (layer, started) => {
    const now = performance.now();
    if (probe.firstLayerDrawAt === null) probe.firstLayerDrawAt = now;
    const stage = layer.getStage();
    if (!stage || notesLayerOf(stage) !== layer) return;
    if (probe.isRecording) probe.layerDrawMs.push(now - started);
    if (probe.isSettled) return;
    const listed = window.scopeboardLayout ? window.scopeboardLayout.noteCount() : 0;
    if (listed < probe.expected) return;
    if (probe.notesLayerDrawnAt === null) stage.on('dragstart.probe', (event) => probe.dragTargets.push(event.target.getClassName()));
    probe.notesLayerDrawnAt = now;
    probe.listedNotes = listed;
    probe.mountedNotes = layer.getChildren().length;
    probe.drawnAt = null;
    requestAnimationFrame(() => { if (probe.notesLayerDrawnAt === now) probe.drawnAt = performance.now(); });
  };
  const wrapLayer = (Layer) => {
    const drawScene = Layer.prototype.drawScene;
    Layer.prototype.drawScene = function (...args) {
      const started = performance.now();
      const result = drawScene.apply(this, args);
      try { onDrawn(this, started); } catch (error) { probe.error = String(error); }
      return result;
    };
  };
  ${trapKonvaLayer('wrapLayer')}
  probe.startFrames = () => {
    probe.deltas = [];
    probe.layerDrawMs = [];
    probe.isRecording = true;
    let last = null;
    const frame = (t) => {
      if (!probe.isRecording) return;
      if (last !== null) probe.deltas.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  probe.stopFrames = () => {
    probe.isRecording = false;
    return { deltas: probe.deltas, layerDrawMs: probe.layerDrawMs };
  };
})();`;
}
