// What a board keeps of the template it was made from, beyond its records: the text and dates of the scope document,
// the decision stages and which exercise is in which. A board made from an inline template (or saved as one) keeps
// them, so its document and stages do not depend on the server's catalogue.
import type { Board } from '../doc/readBoard.ts';
import type { Template } from './templateSchema.ts';
import { getTemplate } from './templates.ts';
import type { TemplateInfo } from './templateInfoSchema.ts';

// The schema lives apart from the catalogue (templateInfoSchema.ts); these names stay here for their importers.
export { templateInfoSchema, type TemplateInfo } from './templateInfoSchema.ts';

/** The facts of `template` a board keeps (no undefined keys: the value goes into the doc as it is). */
export function templateInfoOf(template: Template): TemplateInfo {
  const exerciseStages = Object.fromEntries(
    template.exercises.flatMap((e) => (e.stage === undefined ? [] : [[e.id, e.stage] as const])),
  );
  return {
    about: template.about,
    mandate: template.mandate,
    ...(template.deadline ? { deadline: { ...template.deadline } } : {}),
    ...(template.stages ? { stages: template.stages.map((s) => ({ ...s })) } : {}),
    ...(Object.keys(exerciseStages).length > 0 ? { exerciseStages } : {}),
    ...(template.documentDefaults ? { documentDefaults: structuredClone(template.documentDefaults) } : {}),
  };
}

/**
 * The template facts of a board: the ones it keeps, else (a board made before boards kept them) its catalogue
 * template's; undefined for a board of an unknown template, whose document is then to be drafted.
 */
export function boardTemplateInfo(board: Pick<Board, 'meta'>): TemplateInfo | undefined {
  if (board.meta?.templateInfo) return board.meta.templateInfo;
  const template = board.meta ? getTemplate(board.meta.templateId) : undefined;
  return template ? templateInfoOf(template) : undefined;
}
