// "Save board as template": a board's structure, plan, ground rules and options as a template file, without notes.
import type { Board } from '../doc/readBoard.ts';
import { MIN_TEAM_SIZE_MAX } from '../rules/structureRules.ts';
import { TEMPLATE_FORMAT, TEMPLATE_VERSION, type Template } from './templateSchema.ts';
import { boardTemplateInfo } from './templateInfo.ts';
import { getTemplate } from './templates.ts';
import { planRecord } from '../phases/planPhases.ts';

/** A template id from a title: lower-case words joined by "-", never empty. */
export function templateIdFrom(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'saved-template';
}

const ABOUT_MAX = 4000;
const SAVED_FROM = /^Saved from the board "[^"]*"(?: \(made from the template "[^"]*"\))?\. ?/;

/** "Saved from the board …", then the template's own about, without the line an earlier save put there. */
function aboutOf(title: string, originName: string, about: string): string {
  return `Saved from the board "${title}"${originName}. ${about.replace(SAVED_FROM, '')}`.trim().slice(0, ABOUT_MAX);
}

/**
 * Builds the template of a board. The text the board's records do not hold (about, mandate, deadline, stages, the
 * document's defaults) comes from the template facts the board keeps, or its catalogue template.
 */
export function boardToTemplate(
  board: Board,
  minTeamSize: number | undefined,
): Template & { format: string; version: number } {
  const origin = boardTemplateInfo(board);
  const catalogue = board.meta ? getTemplate(board.meta.templateId) : undefined;
  const title = board.meta?.title ?? 'Saved board';
  const stageIds = new Set((origin?.stages ?? []).map((s) => s.id));
  const originName = catalogue ? ` (made from the template "${catalogue.title}")` : '';
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    id: templateIdFrom(title),
    title,
    about: aboutOf(title, originName, origin?.about ?? ''),
    groundRules: [...board.groundRules],
    minTeamSize: Math.min(MIN_TEAM_SIZE_MAX, Math.max(1, minTeamSize ?? catalogue?.minTeamSize ?? 1)),
    mandate: origin?.mandate ?? '',
    ...(origin?.deadline ? { deadline: { ...origin.deadline } } : {}),
    ...(origin?.stages ? { stages: origin.stages.map((s) => ({ ...s })) } : {}),
    ...(origin?.documentDefaults ? { documentDefaults: structuredClone(origin.documentDefaults) } : {}),
    options: {
      observersMayPost: board.session.observersMayPost,
      privatePosting: board.session.privatePosting,
      votingEnabled: board.session.votingEnabled,
    },
    exercises: board.exercises.map((exercise) => {
      const stage = origin?.exerciseStages?.[exercise.id];
      return {
        id: exercise.id,
        title: exercise.title,
        question: exercise.question,
        plan: planRecord(exercise.plan),
        ...(stage !== undefined && stageIds.has(stage) ? { stage } : {}),
        areas: board.areas
          .filter((area) => area.exerciseId === exercise.id)
          .map((area) => ({
            id: area.id,
            title: area.title,
            description: area.description,
            ...(area.reference ? { reference: area.reference } : {}),
            ...(area.colour ? { colour: area.colour } : {}),
            ...(area.isLeftOut ? { isLeftOut: true } : {}),
          })),
      };
    }),
  };
}
