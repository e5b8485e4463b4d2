// Board-wide keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, "?" for the shortcuts list.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { isEditingText } from './isEditingText.ts';

export interface ShortcutHandlers {
  undo: () => void;
  redo: () => void;
  showShortcuts: () => void;
}

/** Listens on `target` (the window) while mounted; the handlers may change every render. */
export function useShortcuts(handlers: ShortcutHandlers, target: Window = window): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = event.key.toLowerCase();
      const isCommand = event.ctrlKey || event.metaKey;
      if (isCommand && !event.altKey && (key === 'z' || key === 'y')) {
        if (isEditingText(event.target, true)) return;
        event.preventDefault();
        if (key === 'y' || event.shiftKey) latest.current.redo();
        else latest.current.undo();
        return;
      }
      if (event.key === '?' && !isCommand && !event.altKey && !isEditingText(event.target, false)) {
        event.preventDefault();
        latest.current.showShortcuts();
      }
    };
    target.addEventListener('keydown', onKeyDown);
    return () => target.removeEventListener('keydown', onKeyDown);
  }, [target]);
}
