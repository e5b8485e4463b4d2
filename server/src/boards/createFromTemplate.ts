// Builds a new board's doc from a catalogue template id or an inline template object, refusing bad input in words.
import * as Y from 'yjs';
import { TITLE_MAX } from '@shared/model/limits.ts';
import { cleanText } from '@shared/model/validate.ts';
import { applyTemplate } from '@shared/templates/applyTemplate.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates } from '@shared/templates/templates.ts';
import type { Template } from '@shared/templates/Template.ts';
import { describeIssues, parseTemplate } from '@shared/templates/templateSchema.ts';
import { badRequest } from './errors.ts';

export interface BuiltBoard {
  doc: Y.Doc;
  title: string;
  templateId: string;
}

/** The template a request names (an id) or carries (an object), validated; a 400 listing what is wrong otherwise. */
export function resolveTemplate(template: unknown): Template {
  if (template === undefined || typeof template === 'string') {
    const id = template ?? DEFAULT_TEMPLATE_ID;
    const found = getTemplate(id);
    if (found) return found;
    const known = listTemplates()
      .map((t) => t.id)
      .join(', ');
    throw badRequest(`Unknown template "${id}". Known templates: ${known}.`, [
      { path: 'template', message: `no template called "${id}"` },
    ]);
  }
  const parsed = parseTemplate(template);
  if (!parsed.ok) {
    const issues = parsed.issues.map((issue) => ({
      path: issue.path ? `template.${issue.path}` : 'template',
      message: issue.message,
    }));
    throw badRequest(`The template is not valid: ${describeIssues(parsed.issues)}.`, issues);
  }
  return parsed.value;
}

/** A fresh doc filled from the template; `stationSet` picks one of its alternative station sets. */
export function buildFromTemplate(
  input: { title?: string; template?: unknown; stationSet?: string },
  createdAt: number,
): BuiltBoard {
  const template = resolveTemplate(input.template);
  if (input.stationSet !== undefined && !template.stationSets?.some((set) => set.id === input.stationSet)) {
    const known = (template.stationSets ?? []).map((set) => set.id).join(', ') || 'none';
    throw badRequest(`The template has no station set "${input.stationSet}". Its station sets: ${known}.`, [
      { path: 'stationSet', message: `no station set called "${input.stationSet}"` },
    ]);
  }
  const title = cleanText(input.title ?? template.title, TITLE_MAX) ?? template.title.slice(0, TITLE_MAX);
  const doc = new Y.Doc();
  applyTemplate(doc, template, {
    title,
    createdAt,
    ...(input.stationSet === undefined ? {} : { stationSetId: input.stationSet }),
  });
  return { doc, title, templateId: template.id };
}
