// The scope document's control block a board keeps (status, version, owner): one set of rules for meta, the export's
// query string and the setup and export forms.
import { z } from 'zod';
import { fail, ok, type Result } from './Result.ts';
import { cleanText } from './validate.ts';

export const DOCUMENT_STATUSES = { draft: 'Draft', review: 'For review', final: 'Final' } as const;
export type DocumentStatus = keyof typeof DOCUMENT_STATUSES;

export const DOCUMENT_VERSION_MAX = 20;
export const DOCUMENT_OWNER_MAX = 120;

export function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && Object.hasOwn(DOCUMENT_STATUSES, value);
}

export const STATUS_REFUSAL = 'Status must be "draft", "review" or "final".';
export const VERSION_REFUSAL = `Version must be 1 to ${DOCUMENT_VERSION_MAX} letters, digits, dots or hyphens, such as 0.1.`;
export const OWNER_REFUSAL = `The owner must be 1 to ${DOCUMENT_OWNER_MAX} characters, without surrounding spaces.`;

/** A version as typed ("0.1", "1.0-rc"), trimmed; a refusal in words otherwise. */
export function checkDocumentVersion(value: unknown): Result<string> {
  const clean = typeof value === 'string' ? cleanText(value, DOCUMENT_VERSION_MAX) : undefined;
  return clean !== undefined && /^[\w.-]+$/.test(clean) ? ok(clean) : fail(VERSION_REFUSAL);
}

export function checkDocumentOwner(value: unknown): Result<string> {
  const clean = typeof value === 'string' ? cleanText(value, DOCUMENT_OWNER_MAX) : undefined;
  return clean !== undefined ? ok(clean) : fail(OWNER_REFUSAL);
}

/** Meta fields, read leniently (a value that does not pass reads as unset, so the export falls back to its default). */
export const documentStatusField = z
  .string()
  .refine(isDocumentStatus)
  .optional()
  .catch(undefined)
  .meta({ description: 'draft, review or final' });
export const documentVersionField = z
  .string()
  .refine((v) => checkDocumentVersion(v).ok && v === v.trim())
  .optional()
  .catch(undefined);
export const documentOwnerField = z
  .string()
  .refine((v) => checkDocumentOwner(v).ok && v === v.trim())
  .optional()
  .catch(undefined);
