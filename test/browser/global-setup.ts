import { mkdtempSync, rmSync } from 'node:fs';
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

/** Builds the page and the custom element into outDir and serves them; returns the port. */
async function buildAndServe(outDir: string): Promise<number> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // The embedding demos load the custom element from /leverage-lens.js beside the app (npm run build does the same).
  // It bundles React's production build, so its JSX must be compiled for production too, not for vitest's NODE_ENV=test.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ mode: 'element', logLevel: 'warn', build: { outDir } });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
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
