// Export through the server: fetch the file with the bearer header, and the participants-may-export switch.
import type { ExportFormat } from '@shared/export/exportBoard.ts';
import { exportChoicesQuery, type ExportChoices } from '@shared/export/exportOptions.ts';
import { authorizedFetch, boardPath } from '../boards/request.ts';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name from `Content-Disposition: attachment; filename="..."` (the server sends ASCII names only). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? (/filename="([^"]+)"/i.exec(disposition) ?? /filename=([^;]+)/i.exec(disposition)) : null;
  const name = match?.[1]?.trim();
  // Only a bare file name: a path from a misbehaving proxy must not steer where the file lands.
  return name && !/[\\/]/.test(name) ? name : fallback;
}

/** Fetches the board in one format, exactly as the API serves it. Throws an ApiError (e.g. 403) in plain words. */
export async function fetchExport(
  boardId: string,
  token: string,
  format: ExportFormat,
  choices: ExportChoices = {},
): Promise<DownloadedFile> {
  const options = exportChoicesQuery(choices);
  const response = await authorizedFetch(
    `${boardPath(boardId, 'export')}?format=${format}${options ? `&${options}` : ''}`,
    token,
  );
  const blob = await response.blob();
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), `scope-document.${format}`) };
}

/** Lets participants export (or stops them); facilitator only. */
export async function setParticipantsMayExport(boardId: string, token: string, isAllowed: boolean): Promise<void> {
  await authorizedFetch(boardPath(boardId, 'commands'), token, {
    method: 'POST',
    body: { type: 'setParticipantsMayExport', allowed: isAllowed },
  });
}
