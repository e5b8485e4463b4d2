// Whether a CSS media query matches now, following changes (a window dragged narrow, a phone turned).
import { useEffect, useState } from 'react';

export function useMediaQuery(query: string): boolean {
  const read = () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(read);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** The width below which the top bar folds into two rows and the side panel folds away (layout.css). */
export const NARROW_LAYOUT = '(max-width: 899px)';
