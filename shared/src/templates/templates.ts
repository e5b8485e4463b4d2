// The catalogue of templates a board can be created from.
import { blank } from './blank.ts';
import { ssr2Copenhagen } from './ssr2Copenhagen.ts';
import { startStopContinue } from './startStopContinue.ts';
import type { Template } from './Template.ts';
import { worldCafe } from './worldCafe.ts';

export const DEFAULT_TEMPLATE_ID = 'ssr2-copenhagen';

const TEMPLATES: readonly Template[] = [ssr2Copenhagen, blank, startStopContinue, worldCafe];

export function listTemplates(): readonly Template[] {
  return TEMPLATES;
}

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
