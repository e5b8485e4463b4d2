// Page-script source that wraps Konva's Layer class as Konva registers it, for init scripts that watch draws.

/**
 * Script text (for `page.addInitScript`) that calls the page function named `wrap` with Konva's Layer class once it
 * exists. Konva assigns `window.Konva` itself, before its node classes register: the setter catches Layer as it
 * registers. `wrap` must be defined earlier in the same script.
 */
export function trapKonvaLayer(wrap: string): string {
  return String.raw`
  let konva;
  Object.defineProperty(window, 'Konva', {
    configurable: true,
    get: () => konva,
    set: (value) => {
      konva = value;
      let layer = value.Layer;
      if (layer) ${wrap}(layer);
      else Object.defineProperty(value, 'Layer', {
        configurable: true, enumerable: true,
        get: () => layer,
        set: (cls) => { layer = cls; ${wrap}(cls); },
      });
    },
  });`;
}
