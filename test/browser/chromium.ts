import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/** A system Chromium/Chrome: an environment variable first, then the usual install paths. */
export function findChromium(): string | null {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    process.env['CHROME_PATH'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path)) ?? null;
}

export const missingBrowserMessage =
  'No Chromium/Chrome found: set CHROMIUM_PATH, or install one (Debian/Ubuntu: `apt-get install -y chromium`). The browser suite is skipped outside CI.';

export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Where the test run's one Chromium listens (set by test/browser/global-setup.ts before the test files start). The
 * suites connect to it instead of each starting a browser of their own: a start costs seconds on a 2-core machine.
 */
export const sharedBrowserVariable = 'LEVERAGE_LENS_CHROMIUM_ENDPOINT';

/**
 * A fresh browser context: a new, empty profile (no storage, cookies or permissions from any other session). Inside a
 * test run it is a context of the run's shared Chromium; elsewhere (the benchmarks) a browser of its own on a
 * temporary profile.
 */
export async function launchBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  const endpoint = process.env[sharedBrowserVariable];
  if (endpoint !== undefined && endpoint !== '') {
    const browser = await chromium.connect(endpoint);
    const context = await browser.newContext({ viewport });
    return {
      context,
      close: async () => {
        await context.close();
        await browser.close();
      },
    };
  }
  const executablePath = findChromium();
  if (executablePath === null) throw new Error(missingBrowserMessage);
  const profile = mkdtempSync(join(tmpdir(), 'leverage-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: launchArgs, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and page errors: every test ends by asserting there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
