import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import type { BrowserServer } from 'playwright-core';
import { findChromium, launchArgs, missingBrowserMessage, sharedBrowserVariable } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string;
  }
}

let server: PreviewServer | null = null;
let browserServer: BrowserServer | null = null;

/**
 * Builds the page and the custom element side by side (each build leaves a core idle part of the time) and serves
 * them from outDir; returns the port. Both are compiled for production, as `npm run build` does: the element bundles
 * React's production build, so its JSX must not be compiled for vitest's NODE_ENV=test, and the page is tested as shipped.
 * The element builds into a directory of its own (the page's build empties outDir) and is moved beside the page.
 */
async function buildAndServe(outDir: string): Promise<number> {
  const elementDir = `${outDir}-element`;
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await Promise.all([
      build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
      build({ mode: 'element', logLevel: 'warn', build: { outDir: elementDir, emptyOutDir: true } }),
    ]);
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  // The embedding demos load the custom element from /leverage-lens.js beside the app (npm run build does the same),
  // and its lazily loaded leverage-lens-*.js chunks from beside it.
  for (const name of readdirSync(elementDir)) renameSync(join(elementDir, name), join(outDir, name));
  rmSync(elementDir, { recursive: true, force: true });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir }, logLevel: 'warn' });
  const address = server.httpServer.address();
  return typeof address === 'object' && address !== null ? address.port : 4173;
}

/**
 * Builds the app and the custom element, serves them with `vite preview` on a free loopback port, and starts the one
 * Chromium the browser suites share (each suite opens its own context in it: a fresh profile, without a browser start).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executable = findChromium();
  if (executable === null) {
    if (process.env['CI'] === 'true') throw new Error(`CI=true but ${missingBrowserMessage}`);
    console.warn(missingBrowserMessage);
    project.provide('baseUrl', '');
    project.provide('chromium', '');
    return async () => {};
  }
  // Chromium starts while the app builds. Test files run in worker processes started after this setup, so they
  // inherit the endpoint through the environment (the benchmarks, outside vitest, launch a browser of their own).
  const startingBrowser = chromium.launchServer({ executablePath: executable, headless: true, args: launchArgs });
  // A build directory of this run's own: suites started side by side never serve each other's half-written dist/.
  const outDir = mkdtempSync(join(tmpdir(), 'leverage-lens-dist-'));
  let port: number;
  try {
    port = await buildAndServe(outDir);
  } catch (error) {
    await (await startingBrowser).close();
    throw error;
  }
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('chromium', executable);
  browserServer = await startingBrowser;
  process.env[sharedBrowserVariable] = browserServer.wsEndpoint();
  return async () => {
    await browserServer?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
