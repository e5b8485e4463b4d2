// The "View" control: one toggle button per view this person may use (Board, List, Phone posting, Projector).
import { useEffect, useRef } from 'react';
import { VIEW_LABEL, type ViewKind } from './viewChoice.ts';
import './views.css';

export interface ViewSwitcherProps {
  views: ViewKind[];
  current: ViewKind;
  onChoose: (view: ViewKind) => void;
  /** Focus the current view's button on mount (coming back from the projector, which has no switcher). */
  shouldFocus?: boolean;
}

/**
 * Buttons rather than a select: a select's change fires on every arrow key in Chromium, which would swap the
 * whole page under a keyboard user at each step.
 */
export function ViewSwitcher({ views, current, onChoose, shouldFocus = false }: ViewSwitcherProps) {
  const currentButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (shouldFocus) currentButton.current?.focus();
  }, [shouldFocus]);
  return (
    <nav className="view-bar" aria-label="Views">
      <div className="view-switcher" role="group" aria-labelledby="view-switcher-label">
        <span id="view-switcher-label" className="view-switcher-label">
          View
        </span>
        {views.map((view) => (
          <button
            key={view}
            type="button"
            ref={view === current ? currentButton : undefined}
            className={view === current ? 'view-choice is-current' : 'view-choice'}
            aria-pressed={view === current}
            onClick={() => onChoose(view)}
          >
            {VIEW_LABEL[view]}
          </button>
        ))}
      </div>
    </nav>
  );
}
