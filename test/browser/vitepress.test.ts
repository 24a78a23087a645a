import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expectedLiquidation } from './expected';
import { elementFiles, screenshot } from './helpers';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';

/*
 * A real docs generator as a fixture (issue 15, point 9): test/fixtures/vitepress/ is the README's VitePress recipe
 * (isCustomElement in vue.template.compilerOptions, the element script through `head`), built once with VitePress's
 * own node API — a server render of every page, then Vue hydrating it — served, and opened in Chromium in a 688 px
 * docs column (the fixture's one-layout theme: the default theme doubles the build time, see its index.ts).
 */

const baseUrl = inject('baseUrl');
const fixture = 'test/fixtures/vitepress';

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.json': 'application/json' };

/** A static server over a folder, on a free loopback port (VitePress's own `serve` cannot be asked for port 0). */
function serveFolder(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` });
    });
  });
}

describe.skipIf(baseUrl === '')('a VitePress 1.6 docs site embedding <leverage-lens>', () => {
  let site: string;
  let server: Server | null = null;
  let siteUrl: string;
  let session: BrowserSession | null = null;
  let page: Page;
  let errors: string[] = [];
  let buildSeconds: number;

  beforeAll(async () => {
    // A copy inside the project's node_modules/.cache, so the site's config resolves `vitepress` from this project.
    const cache = join('node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    site = resolve(mkdtempSync(join(cache, 'leverage-lens-vitepress-')));
    cpSync(fixture, site, { recursive: true });
    // The site's public/ folder gets the element as `npm run build` made it (the recipe: copy it there, or use a CDN URL).
    mkdirSync(join(site, 'public'), { recursive: true });
    for (const [name, content] of await elementFiles(baseUrl)) writeFileSync(join(site, 'public', name), content);
    const started = performance.now();
    const { build } = await import('vitepress');
    // VitePress sets NODE_ENV=production for its build and leaves it set; the suites after this one in the same worker
    // (they share its modules) would then load React's production runtimes under vitest's development JSX.
    const nodeEnv = process.env['NODE_ENV'];
    try {
      // Unminified: the same pages, and the build's slowest pass skipped.
      await build(site, { outDir: join(site, 'dist'), minify: false });
    } finally {
      process.env['NODE_ENV'] = nodeEnv;
    }
    buildSeconds = (performance.now() - started) / 1000;
    const served = await serveFolder(join(site, 'dist'));
    server = served.server;
    siteUrl = served.url;
    const opened = await launchBrowser({ width: 1280, height: 800 });
    session = opened;
    page = await opened.context.newPage();
    errors = watchErrors(page);
    await page.goto(`${siteUrl}/`);
  });

  afterAll(async () => {
    expect(errors, 'console errors on the VitePress page').toEqual([]);
    await session?.close();
    server?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('renders the element on the server as a plain tag, and keeps the element script in the head', () => {
    const html = readFileSync(join(site, 'dist', 'index.html'), 'utf8');
    expect(html).toMatch(/<leverage-lens entry="50000" collateral="500" leverage="20" side="long" editable="leverage"><\/leverage-lens>/);
    expect(html).toMatch(/<script type="module" src="\/leverage-lens\.js"><\/script>/);
    console.info(`VitePress build: ${buildSeconds.toFixed(1)} s`);
  });

  it('draws the widget in the docs column, compact, with the model’s liquidation price and no console errors', async () => {
    const lens = page.locator('.vp-doc leverage-lens');
    await lens.locator('.lev-series-equity path').first().waitFor({ state: 'attached' });
    const pairs: [string, string][] = [['entry', '50000'], ['collateral', '500'], ['leverage', '20'], ['side', 'long']];
    expect((await lens.locator('[data-result="liquidationPrice"]').first().innerText()).trim()).toBe(expectedLiquidation(pairs));
    const box = await lens.evaluate((element) => {
      const own = element.getBoundingClientRect();
      const column = element.closest('.vp-doc');
      const padding = column === null ? 0 : parseFloat(getComputedStyle(column).paddingLeft) + parseFloat(getComputedStyle(column).paddingRight);
      const plot = element.shadowRoot?.querySelector('.lev-plot')?.getBoundingClientRect();
      return { width: own.width, height: own.height, columnWidth: (column?.clientWidth ?? 0) - padding, plotTop: plot?.top ?? Number.POSITIVE_INFINITY };
    });
    expect(box.width).toBe(box.columnWidth);
    expect(box.width).toBeLessThanOrEqual(700);
    expect(box.height).toBeLessThan(950);
    // Its plot starts on the first screen of the page (800 px), under the page's heading and paragraph.
    expect(box.plotTop).toBeLessThan(800);
    // The reader's control works inside the docs page.
    await lens.getByLabel('Leverage', { exact: true }).fill('10');
    await expect.poll(async () => (await lens.locator('[data-result="liquidationPrice"]').first().innerText()).trim()).toBe(expectedLiquidation([...pairs, ['leverage', '10']]));
    await screenshot(page, 'vitepress-1280.png');
  });
});
