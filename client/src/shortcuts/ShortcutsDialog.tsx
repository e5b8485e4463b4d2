// The "Keyboard shortcuts" dialog: a modal list of keys and gestures, opened by "?" or its button.
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcutList.ts';

export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {/* Its rows are put in the page when it opens: a closed dialog shows nothing, and the board's join is spared them. */}
      {isOpen && (
        <table>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <td>
                  <kbd>{shortcut.keys}</kbd>
                </td>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
