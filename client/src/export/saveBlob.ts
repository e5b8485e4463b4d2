// Saves a Blob as a file from the browser: an object URL and a temporary <a download>, then the URL is released.

/** What saving needs from the page, passed in so the order of steps can be checked without a browser. */
export interface SaveTarget {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Runs `fn` after the click has been handled (revoking synchronously can cancel the download in some browsers). */
  defer(fn: () => void): void;
}

export const browserSaveTarget = (): SaveTarget => ({
  document: window.document,
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  defer: (fn) => void window.setTimeout(fn, 1000),
});

/** Starts the browser's download of `blob` under `fileName`. */
export function saveBlob(blob: Blob, fileName: string, target: SaveTarget = browserSaveTarget()): void {
  const url = target.createObjectURL(blob);
  const link = target.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  target.document.body.append(link);
  link.click();
  link.remove();
  target.defer(() => target.revokeObjectURL(url));
}
