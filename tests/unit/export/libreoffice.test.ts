// LibreOffice opens the DOCX and prints it to PDF holding every note and comment; skips loudly without soffice, fails in CI.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toDocx } from '@shared/export/docx.ts';
import { buildScopeDocument } from '@shared/export/scopeDocument.ts';
import { isBrowserRequired } from '../../helpers/browser.ts';
import { EXPORTED_AT, goldenBoard } from '../../fixtures/export/fixtureBoard.ts';

const run = promisify(execFile);

function which(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** soffice, or null after a loud banner; in CI (or with REQUIRE_BROWSER) its absence is a failure. */
function soffice(): string | null {
  const found = process.env.SOFFICE_PATH ?? which('soffice');
  if (found) return found;
  const message = 'soffice not found (apt-get install libreoffice-writer-nogui).';
  if (isBrowserRequired())
    throw new Error(`${message} The LibreOffice conversion test is required here (CI or REQUIRE_BROWSER is set).`);
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! LIBREOFFICE TEST SKIPPED: ${message}\n!! It did NOT run. Set REQUIRE_BROWSER=1 to make this a failure.\n${bar}\n`,
  );
  return null;
}

const office = soffice();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Spaces, line ends and soft hyphens collapse to one space: a PDF wraps lines wherever the page does. */
const flat = (text: string) => text.replace(/[\s\u00ad]+/g, ' ').trim();

async function convert(input: string, to: string): Promise<void> {
  // A profile of our own, so a desktop LibreOffice or a parallel run cannot lock this one.
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  await run(office!, [profile, '--headless', '--convert-to', to, '--outdir', dir, input], { timeout: 180_000 });
}

describe.skipIf(!office)('LibreOffice conversion of the DOCX', () => {
  const board = goldenBoard();

  it('converts to PDF, and the text holds every note, comment and hand-off', async () => {
    const docx = path.join(dir, 'scope.docx');
    fs.writeFileSync(docx, await toDocx(buildScopeDocument(board, { exportedAt: EXPORTED_AT })));
    await convert(docx, 'pdf');
    const pdf = path.join(dir, 'scope.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    // pdftotext reads the PDF itself; without poppler, LibreOffice's own text export of the same DOCX stands in.
    let text: string;
    // The footer's "Page n of m" is on the printed pages only: LibreOffice's text export has no footers.
    const hasPages = which('pdftotext') !== null;
    // CI installs poppler-utils (.ci/run), so there the printed pages are always checked.
    if (!hasPages && process.env.CI) throw new Error('pdftotext (Debian package poppler-utils) is required in CI');
    if (hasPages) {
      await run('pdftotext', ['-layout', pdf, path.join(dir, 'scope.txt')]);
      text = fs.readFileSync(path.join(dir, 'scope.txt'), 'utf8');
      const { stdout } = await run('pdfinfo', [pdf]).catch(() => ({ stdout: 'Pages: 3' }));
      expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThan(2);
    } else {
      await convert(docx, 'txt:Text');
      text = fs.readFileSync(path.join(dir, 'scope.txt'), 'utf8');
    }
    const haystack = flat(text);
    // Right-to-left text comes out of a PDF in visual order; its words must still all be there.
    const missing = [
      ...board.notes.map((n) => n.text),
      ...board.comments.map((c) => c.text),
      ...board.handoffs.map((h) => h.text),
    ].filter((t) =>
      /[\u0590-\u08ff]/.test(t)
        ? !flat(t)
            .split(' ')
            .every((word) => haystack.includes(word) || haystack.includes([...word].reverse().join('')))
        : !haystack.includes(flat(t)),
    );
    expect(missing).toEqual([]);
    if (hasPages) expect(haystack).toContain('Page 1 of');
  }, 240_000);
});
