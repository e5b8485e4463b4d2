// The keyboard shortcuts and gestures of the board, as listed in the "Keyboard shortcuts" dialog and the guide.

export interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Z (⌘Z on a Mac)', action: "Undo your last change (never anyone else's)" },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y (⌘⇧Z)', action: 'Redo' },
  { keys: '?', action: 'Show this list' },
  { keys: 'Enter (in the note box)', action: 'Post the note' },
  { keys: 'Shift+Enter (in the note box)', action: 'New line in the note' },
  { keys: 'Click a note, or Tab to it and press Enter', action: 'Open it: full text, group and comments' },
  { keys: 'Double-click your note, or Tab to it and press F2', action: 'Edit it' },
  { keys: 'Tab to your note, then Delete', action: 'Delete it (asks first)' },
  { keys: 'Escape (with a note open)', action: 'Close it; focus goes back to the note' },
  { keys: 'Shift+click notes, or Tab to them and press Space', action: 'Select several notes' },
  { keys: 'Shift+drag the background, or "Select area"', action: 'Select the notes in a box' },
  { keys: 'Drag one of several selected notes', action: 'Move them all together' },
  { keys: 'Tab to a group frame, then Enter or F2', action: 'Rename the group' },
  { keys: 'Double-click a group frame', action: 'Rename the group' },
  { keys: 'Enter / Escape (in the label box)', action: 'Save / cancel the new label' },
  { keys: 'Drag a note onto another note', action: 'Group the two notes' },
  { keys: 'Drag a note onto a group frame / out of it', action: 'Add it to the group / take it out' },
  { keys: 'Drag a group frame onto another', action: 'Merge the two groups' },
  { keys: 'Mouse wheel / drag the background', action: 'Zoom / pan the board' },
];
