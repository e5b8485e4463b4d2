// "Save as PDF": the browser's print dialog on the exported HTML, whose @page rule carries the chosen paper size.

/**
 * Prints `html` from a hidden iframe. The frame may open modals (the print dialog) and stays same-origin so this page
 * can ask it to print, but never runs scripts: the export has none, and the sandbox keeps it so.
 */
export function printHtml(html: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = doc.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0;';
    frame.onload = () => {
      const view = frame.contentWindow;
      if (!view) {
        frame.remove();
        reject(new Error('The browser could not prepare the page for printing.'));
        return;
      }
      // print() returns once the dialog closes; the frame goes then (after afterprint, or a second later without one).
      let isDone = false;
      const done = () => {
        if (isDone) return;
        isDone = true;
        frame.remove();
        resolve();
      };
      view.addEventListener('afterprint', done, { once: true });
      view.focus();
      view.print();
      setTimeout(done, 1000);
    };
    frame.srcdoc = html;
    doc.body.append(frame);
  });
}
