// Template routes: the catalogue (list and one as JSON) and "save board as template" for the facilitator.
import type { AppServices } from '../app.ts';
import { forbidden, notFound } from '../boards/errors.ts';
import { readBoard } from '@shared/doc/readBoard.ts';
import { boardToTemplate } from '@shared/templates/boardToTemplate.ts';
import { getTemplate, listTemplates } from '@shared/templates/templates.ts';
import { TEMPLATE_FORMAT, TEMPLATE_VERSION } from '@shared/templates/templateSchema.ts';
import { route, type Route } from './api.ts';
import { sendJson } from './respond.ts';

export function templateRoutes(services: Pick<AppServices, 'registry'>): Route[] {
  return [
    route('GET', '/api/templates', async ({ res }) => {
      const templates = listTemplates().map((t) => ({
        id: t.id,
        title: t.title,
        about: t.about,
        exercises: t.exercises.length,
        stations: t.exercises.reduce((sum, e) => sum + e.areas.length, 0),
      }));
      sendJson(res, 200, { templates });
    }),
    route('GET', '/api/templates/:templateId', async ({ res, params }) => {
      const template = getTemplate(params.templateId!);
      if (!template) throw notFound('template');
      sendJson(res, 200, { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, ...template });
    }),
    route('GET', '/api/boards/:boardId/template', async ({ res, params, actor }) => {
      const who = await actor();
      if (who.role !== 'facilitator') throw forbidden('Only the facilitator can save the board as a template.');
      const board = await services.registry.with(params.boardId!, (room) => room.read((doc) => readBoard(doc)));
      sendJson(res, 200, boardToTemplate(board, board.minTeamSize));
    }),
  ];
}
