// Whether a key event belongs to a text field that has its own undo (so the board's shortcuts leave it alone).

/**
 * True when the event's target is a text input, textarea, select or editable element. An empty text field
 * does not count for undo: there is no typing to undo there, so Ctrl+Z right after posting undoes the post.
 */
export function isEditingText(target: EventTarget | null, forUndo: boolean): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return !forUndo || target.value !== '';
  if (target instanceof HTMLSelectElement) return !forUndo;
  if (target instanceof HTMLInputElement) {
    const isText = !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
    return isText && (!forUndo || target.value !== '');
  }
  return false;
}
