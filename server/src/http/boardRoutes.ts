// Board routes beyond the core: commands, export, carry-forward and archive.
import type { AppServices } from '../app.ts';
import { badRequest, forbidden } from '../boards/errors.ts';
import { parseCommand } from '@shared/phases/Command.ts';
import { parseExportChoices } from '@shared/export/exportOptions.ts';
import { boardLinks, route, type Route } from './api.ts';
import { sendJson } from './respond.ts';
import { archiveBody, carryForwardBody, parseBody } from './schemas.ts';
import { readWholeBoard } from '../rooms/boardReaders.ts';

export function boardRoutes(services: AppServices): Route[] {
  const { boards, sessions, registry, now } = services;
  return [
    route('POST', '/api/boards/:boardId/commands', async ({ res, params, actor, body }) => {
      const who = await actor();
      const parsed = parseCommand(await body());
      if (!parsed.ok) throw badRequest(`Invalid command: ${parsed.reason}`);
      sendJson(res, 200, await sessions.run(params.boardId!, who, parsed.value));
    }),

    route('GET', '/api/boards/:boardId/export', async ({ req, res, params, actor }) => {
      const who = await actor();
      // Loaded on the first export, not at start: the DOCX renderer and its layout tables are ~10 MB of memory.
      const { EXPORT_FORMATS, exportBoard, isExportFormat } = await import('@shared/export/exportBoard.ts');
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      const format = query.get('format') ?? 'md';
      if (!isExportFormat(format)) {
        throw badRequest(`Unknown export format "${format}". Known formats: ${EXPORT_FORMATS.join(', ')}.`);
      }
      // Paper, document control, drafting notes, authors and time zone (docs/export.md, "Export options").
      const choices = parseExportChoices(query);
      if (!choices.ok) throw badRequest(choices.reason);
      const board = await registry.with(params.boardId!, (room) => room.read(readWholeBoard));
      if (who.role !== 'facilitator' && !board.session.participantsMayExport) {
        throw forbidden('Only the facilitator can export this board (they can allow participants to).');
      }
      const file = await exportBoard(board, format, { ...choices.value, exportedAt: now() });
      const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : Buffer.from(file.body);
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': body.length,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    }),

    route('POST', '/api/boards/:boardId/carry-forward', async ({ res, params, actor, body, origin }) => {
      const who = await actor();
      if (who.role !== 'facilitator') throw forbidden('Only the facilitator can carry a board forward.');
      const input = parseBody(carryForwardBody, await body());
      const created = await boards.carryForward(params.boardId!, input);
      sendJson(res, 201, { ...created, links: boardLinks(origin, created.boardId, created) });
    }),

    route('POST', '/api/boards/:boardId/archive', async ({ res, params, actor, body }) => {
      const who = await actor();
      if (who.role !== 'facilitator') throw forbidden('Only the facilitator can archive a board.');
      const { archived } = parseBody(archiveBody, await body());
      await boards.setArchived(params.boardId!, archived);
      // An archived board is closed to writes; unarchiving leaves it closed until the facilitator reopens it.
      if (archived) await sessions.run(params.boardId!, who, { type: 'close' }).catch(() => undefined);
      sendJson(res, 200, { boardId: params.boardId, archived });
    }),
  ];
}
