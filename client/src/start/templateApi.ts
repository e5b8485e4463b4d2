// The template catalogue as the start page reads it, and reading a chosen JSON file in words a facilitator understands.
import type { Template } from '@shared/templates/Template.ts';
import { ApiError } from '../app/api.ts';

export interface TemplateSummary {
  id: string;
  title: string;
  about: string;
  exercises: number;
  stations: number;
}

async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok)
    throw new ApiError(
      response.status,
      'http',
      `The templates could not be loaded (the server answered ${response.status}).`,
    );
  return (await response.json()) as T;
}

export async function fetchTemplates(): Promise<TemplateSummary[]> {
  return (await getJson<{ templates: TemplateSummary[] }>('/api/templates')).templates;
}

export function fetchTemplate(id: string): Promise<Template> {
  return getJson<Template>(`/api/templates/${encodeURIComponent(id)}`);
}

/** Bigger than any board file the server takes (it refuses request bodies over its own limit with a 413). */
const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Reads a chosen file as JSON; throws an Error whose message says what is wrong with the file. */
export async function readJsonFile(file: File): Promise<unknown> {
  if (file.size > FILE_MAX_BYTES) throw new Error(`"${file.name}" is too large to be a Scopeboard file.`);
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`"${file.name}" is not a JSON file. Choose the .json file Scopeboard saved.`);
  }
}
