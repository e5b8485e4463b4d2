// A disclosure popover for the top bar: a button that shows a panel below it; Escape or a click outside closes it.
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';

const CloseContext = createContext<() => void>(() => undefined);

/** Inside a popover's panel: closes it and gives focus back to its button (after choosing a menu item). */
export function usePopoverClose(): () => void {
  return useContext(CloseContext);
}

export interface PopoverProps {
  /** The button's text (its accessible name unless `label` says more). */
  button: ReactNode;
  label?: string;
  className?: string;
  children: ReactNode;
}

export function Popover({ button, label, className = '', children }: PopoverProps) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const shouldRefocus = useRef(false);
  const [close] = useState(() => () => {
    shouldRefocus.current = true;
    setOpen(false);
  });
  useEffect(() => {
    if (!isOpen && shouldRefocus.current) {
      shouldRefocus.current = false;
      trigger.current?.focus();
    }
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (anchor.current && !anchor.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [isOpen]);
  return (
    <div
      ref={anchor}
      className={`popover-anchor ${className}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="quiet-button"
        aria-expanded={isOpen}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((open) => !open)}
      >
        {button}
      </button>
      <div id={id} className="popover" hidden={!isOpen}>
        {isOpen && <CloseContext.Provider value={close}>{children}</CloseContext.Provider>}
      </div>
    </div>
  );
}
