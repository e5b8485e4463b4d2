// ARIA tabs (WAI-ARIA Authoring Practices): arrow keys, Home and End move between tabs; a panel is mounted when
// first shown and stays mounted when hidden.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: string;
  panel: ReactNode;
}

export interface TabsProps<K extends string> {
  /** Names the tab list for screen readers ("Console sections"). */
  label: string;
  tabs: readonly TabSpec<K>[];
  selected: K;
  onSelect: (key: K) => void;
  className?: string;
}

/**
 * Hidden panels keep their state (a half-typed field, a loaded link) while another section is open. A panel not
 * yet opened is not rendered: the page's first render (a facilitator's join) builds only the section in view.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, className = '' }: TabsProps<K>) {
  const base = useId();
  const [opened, setOpened] = useState<ReadonlySet<K>>(() => new Set([selected]));
  // Adjusted during render, so the selected panel's first frame already holds it.
  if (!opened.has(selected)) setOpened(new Set([...opened, selected]));
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const key = tabs[target]!.key;
    onSelect(key);
    buttons.current.get(key)?.focus();
  };
  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="console-tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) buttons.current.set(tab.key, element);
              else buttons.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`${base}-panel-${tab.key}`}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${base}-panel-${tab.key}`}
          aria-labelledby={`${base}-tab-${tab.key}`}
          hidden={tab.key !== selected}
          tabIndex={0}
          className="console-section"
        >
          {opened.has(tab.key) && tab.panel}
        </div>
      ))}
    </div>
  );
}
