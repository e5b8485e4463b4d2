// The catalogue of templates a board can be created from.
import { ssr2Copenhagen } from './ssr2Copenhagen.ts';
import type { Template } from './Template.ts';

export const DEFAULT_TEMPLATE_ID = 'ssr2-copenhagen';

const TEMPLATES: readonly Template[] = [ssr2Copenhagen];

export function listTemplates(): readonly Template[] {
  return TEMPLATES;
}

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
