// The scope document's control block a board keeps (status, version, owner): one set of rules for meta, the export's
// query string and the setup and export forms.
import { withMeta, z } from './zod.ts';
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
// A string refined by the type guard: classic zod's refine narrowed the type by it, zod/mini's check does not.
const documentStatus = z.string().check(z.refine(isDocumentStatus)) as unknown as z.ZodMiniType<DocumentStatus, string>;
export const documentStatusField = withMeta(z.catch(z.optional(documentStatus), undefined), {
  description: 'draft, review or final',
});
export const documentVersionField = z.catch(
  z.optional(z.string().check(z.refine((v) => checkDocumentVersion(v).ok && v === v.trim()))),
  undefined,
);
export const documentOwnerField = z.catch(
  z.optional(z.string().check(z.refine((v) => checkDocumentOwner(v).ok && v === v.trim()))),
  undefined,
);
