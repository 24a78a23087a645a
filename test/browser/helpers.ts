import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';

export const shots = 'test-results/screenshots';

/**
 * Saves a screenshot for a person to look at (test-results/screenshots/), except under CI=true, where nobody opens
 * them: a full-page capture costs the CPU-bound run most of a second. No assertion depends on a screenshot.
 */
export async function screenshot(target: { screenshot: (options: { path: string; fullPage?: boolean }) => Promise<unknown> }, name: string, fullPage = false): Promise<void> {
  if (process.env['CI'] === 'true') return;
  await target.screenshot({ path: `${shots}/${name}`, fullPage });
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Page scripts are strings: the test transpiler adds helpers to functions that the page would not have.
const runAxe = (selector: string | null): string => `(async () => {
  const context = ${selector === null ? 'document' : `document.querySelector(${JSON.stringify(selector)})`};
  const result = await window.axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map((violation) => violation.id + ': ' + violation.nodes.map((node) => JSON.stringify(node.target)).join(' '));
})()`;

/** axe-core's violations (id and targets) on the whole page or inside one element. */
export async function axeViolations(page: Page, selector: string | null = null): Promise<string[]> {
  // Right after a slider step the groups below the chart may still skip rendering (LeverageControl's steering, for a
  // second): content the browser skipped gives axe a false contrast failure, and a reader sees it rendered anyway.
  await page.waitForFunction('document.querySelector(".lev-slider[data-steering]") === null', undefined, { timeout: 5000 });
  await page.addScriptTag({ path: axePath });
  const found: unknown = await page.evaluate(runAxe(selector));
  return Array.isArray(found) ? found.map(String) : ['axe returned no list'];
}

/** The text of a figure on the page by its data attribute (`data-result` by default). */
export async function resultText(page: Page, key: string, attribute = 'data-result'): Promise<string> {
  return (await page.locator(`[${attribute}="${key}"]`).first().innerText()).trim();
}

export async function noBrokenNumbers(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
}

export interface OpenPage {
  session: BrowserSession;
  page: Page;
  errors: string[];
}

/** A fresh browser with the page loaded and its first chart drawn; console errors are collected. */
export async function openCalculator(url: string, viewport = { width: 1280, height: 900 }): Promise<OpenPage> {
  mkdirSync(shots, { recursive: true });
  const session = await launchBrowser(viewport);
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
  return { session, page, errors };
}

/**
 * One calculator page shared by a describe block: opened before its first test, and closed after the last one,
 * which also asserts that the whole block logged no console error. `onOpen` receives the page for the tests.
 */
export function shareCalculator(url: string, onOpen: (opened: OpenPage) => void): void {
  let opened: OpenPage | null = null;
  beforeAll(async () => {
    opened = await openCalculator(url);
    onOpen(opened);
  });
  afterAll(async () => {
    if (opened === null) return;
    expect(opened.errors, 'console errors during the suite').toEqual([]);
    await opened.session.close();
  });
}

/**
 * The custom element as a site copies it from a build: leverage-lens.js and every leverage-lens-*.js chunk it loads,
 * statically or lazily (found by their names in each file), by file name.
 */
export async function elementFiles(baseUrl: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const pending = ['leverage-lens.js'];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (files.has(name)) continue;
    const response = await fetch(`${baseUrl}/${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const content = Buffer.from(await response.arrayBuffer());
    files.set(name, content);
    for (const match of content.toString('utf8').matchAll(/\.\/(leverage-lens-[\w.-]+\.js)/g)) if (match[1] !== undefined) pending.push(match[1]);
  }
  return files;
}
