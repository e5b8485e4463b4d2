// The download name of an export: an ASCII slug of the board title, the export date and the format's extension.
import { isoDate } from './formatTime.ts';

const SLUG_MAX = 60;

/** Lower-case ASCII letters, digits and single hyphens; accents are dropped ("Réunion" -> "reunion"). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  // A title in a script without ASCII letters (Arabic, Chinese) leaves nothing: fall back to a neutral word.
  return slug === '' ? 'board' : slug;
}

/** "ssr2-terms-of-reference-2017-03-15.md": safe in a Content-Disposition header without any quoting tricks. */
export function exportFileName(title: string, exportedAt: number, extension: string): string {
  return `${slugify(title)}-${isoDate(exportedAt)}.${extension}`;
}
