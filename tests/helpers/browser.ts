// Debian's Chromium through playwright-core for browser tests; skips loudly when it is missing, fails in CI.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium lives: CHROMIUM_PATH, else Debian's package. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** True when browser tests must run (CI or REQUIRE_BROWSER): a missing Chromium is then a failure, not a skip. */
export function isBrowserRequired(): boolean {
  return Boolean(process.env.CI || process.env.REQUIRE_BROWSER);
}

/**
 * Whether Chromium is available. When it is not and browsers are optional, prints a banner so nobody mistakes
 * skipped browser tests for passing ones; when browsers are required, throws.
 */
export function hasBrowser(): boolean {
  const path = chromiumPath();
  if (fs.existsSync(path)) return true;
  const message = `Chromium not found at ${path} (set CHROMIUM_PATH, or: apt-get install chromium).`;
  if (isBrowserRequired())
    throw new Error(`${message} Browser tests are required here (CI or REQUIRE_BROWSER is set).`);
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! BROWSER TESTS SKIPPED: ${message}\n!! They did NOT run. Set REQUIRE_BROWSER=1 to make this a failure.\n${bar}\n`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Where screenshots for the docs go: docs/screenshots/ only under `npm run screenshots` (which sets SCREENSHOTS=1),
 * so `npm test` never rewrites tracked files; tests/artifacts/screenshots/ otherwise. The directory exists on return.
 */
export function screenshotDir(): string {
  const dir =
    process.env.SCREENSHOTS === '1'
      ? path.resolve(import.meta.dirname, '../../docs/screenshots')
      : path.resolve(import.meta.dirname, '../artifacts/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Ordered set-up steps for a browser suite that walks one session: `reach(name)` runs every step up to and including
 * that one, each at most once. Each test reaches the stage it needs, so any single test runs alone (`-t`), and the
 * whole file still does each step once. A failed step fails every test that needs it, with the same error.
 */
export function stages<const Name extends string>(steps: readonly (readonly [Name, () => Promise<void>])[]) {
  const started = new Map<Name, Promise<void>>();
  return async function reach(name: Name): Promise<void> {
    const end = steps.findIndex(([step]) => step === name);
    if (end < 0) throw new Error(`no stage called "${name}"`);
    for (const [step, run] of steps.slice(0, end + 1)) {
      if (!started.has(step)) started.set(step, run());
      await started.get(step);
    }
  };
}
