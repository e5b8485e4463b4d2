// The size of an element in CSS pixels, kept current by a ResizeObserver: the canvas stage follows its box.
import { useLayoutEffect, useState, type RefObject } from 'react';

interface Size {
  width: number;
  height: number;
}

export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  // A layout effect: the first size is read before the first paint, so the stage is drawn once, at its size.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Unchanged sizes keep the same object, so nothing that depends on the size renders again.
    const measure = () =>
      setSize((old) => {
        const width = element.clientWidth;
        const height = element.clientHeight;
        return old.width === width && old.height === height ? old : { width, height };
      });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
