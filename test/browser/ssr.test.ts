import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { inputsToSpec } from '../../src/config/spec';
import { parseConfig } from '../../src/config/codec';
import { formatPrice } from '../../src/config/format';
import { SERVER_LOCALE } from '../../src/embed/readerLocale';
import { sharedBrowserVariable, watchErrors } from './chromium';
import { ServerRenderedWidget } from './ssr-widget';

/*
 * Server rendering and the host page, in one page of the shared Chromium (a reader in de-DE):
 *   - the React component rendered by react-dom in this process, hydrated by a small client bundle built here;
 *   - `theme="auto"` following the host page's dark-mode conventions live, for the component and the element;
 *   - the element moved into an iframe's document keeps its styles and its chart.
 * The page is served on the app's origin (route), so it can load the element built by global-setup.
 */

const baseUrl = inject('baseUrl');
const pageUrl = `${baseUrl}/ssr/page.html`;

/** The liquidation price ServerRenderedWidget shows, in a locale, straight from the model. */
function liquidationIn(locale: string): string {
  const inputs = parseConfig([['venue', 'binance-usdm-btcusdt'], ['entry', '50000'], ['collateral', '500'], ['leverage', '20'], ['side', 'long']]).inputs;
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the position should have a liquidation price');
  return formatPrice(analysis.liquidationPrice, findVenue(inputs.venue)?.tick ?? '0.01', { direction: 'up', locale });
}

async function serverHtml(): Promise<string> {
  // prerender waits for everything (lazy parts included), as a static site generator does.
  const { prelude } = await prerenderToNodeStream(createElement(ServerRenderedWidget));
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The hydrating client: ssr-client.tsx with the component's styles, built in memory (no minification, one file). */
async function clientBundle(): Promise<{ script: string; css: string }> {
  // React's production build, so the JSX is compiled for production too, not for vitest's NODE_ENV=test (as global-setup.ts does).
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      rolldownOptions: { input: 'test/browser/ssr-client.tsx', output: { codeSplitting: false } },
    },
  }).finally(() => {
    process.env['NODE_ENV'] = nodeEnv;
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((result) => ('output' in result ? result.output : []));
  const script = outputs.flatMap((item) => (item.type === 'chunk' ? [item.code] : [])).join('\n');
  const css = outputs.flatMap((item) => (item.type === 'asset' && item.fileName.endsWith('.css') ? [String(item.source)] : [])).join('\n');
  return { script, css };
}

/** The computed background colour of the component's root or of the element's widget (inside its shadow root). */
async function backgrounds(page: Page): Promise<{ component: string; element: string }> {
  return page.evaluate(() => {
    const component = document.querySelector('#ssr-root .lev-embed');
    const element = document.querySelector('leverage-lens')?.shadowRoot?.querySelector('.lev-embed');
    return {
      component: component === null ? '' : getComputedStyle(component).backgroundColor,
      element: element === null || element === undefined ? '' : getComputedStyle(element).backgroundColor,
    };
  });
}

describe.skipIf(baseUrl === '')('server rendering and the host page in Chromium', () => {
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  let errors: string[] = [];
  let html = '';

  beforeAll(async () => {
    const [markup, client] = await Promise.all([serverHtml(), clientBundle()]);
    html = markup;
    const shared = await chromium.connect(process.env[sharedBrowserVariable] ?? '');
    browser = shared;
    // A reader in Germany on a light system; the test switches the system setting with emulateMedia.
    const readerContext = await shared.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', colorScheme: 'light' });
    context = readerContext;
    page = await readerContext.newPage();
    errors = watchErrors(page);
    await page.route(`${baseUrl}/ssr/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: client.script });
      if (path.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: client.css });
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Server-rendered widget</title>
<link rel="stylesheet" href="/ssr/widget.css"><script type="module" src="/ssr/client.js"></script>
<script type="module" src="/leverage-lens.js"></script></head>
<body><main><h1>Docs page</h1><div id="ssr-root">${markup}</div><leverage-lens entry="50000" leverage="20" views="chart"></leverage-lens></main></body></html>`,
      });
    });
    await page.goto(pageUrl);
    await page.waitForSelector('html[data-hydrated="true"]');
  });

  afterAll(async () => {
    expect(errors, 'console errors, recoverable hydration errors included').toEqual([]);
    await context?.close();
    await browser?.close();
  });

  it('hydrates under de-DE without a mismatch, then shows the reader’s number format', async () => {
    // The server wrote the figures in SERVER_LOCALE; the reader's locale follows hydration.
    expect(html).toContain(liquidationIn(SERVER_LOCALE));
    const german = liquidationIn('de-DE');
    expect(german).toMatch(/^\d{1,3}(\.\d{3})*,\d+$/);
    await expect.poll(() => page.locator('#ssr-root [data-result="liquidationPrice"]').first().innerText()).toBe(german);
    expect(errors).toEqual([]);
  });

  it('follows the host page’s dark mode live with theme="auto" (class, data-theme), over the system setting', async () => {
    await page.locator('leverage-lens .lev-series-equity path').first().waitFor({ state: 'attached' });
    const light = await backgrounds(page);
    expect(light.component).not.toBe('');
    expect(light.element).toBe(light.component);

    // VitePress: a `dark` class on <html>.
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(async () => (await backgrounds(page)).component).not.toBe(light.component);
    const dark = await backgrounds(page);
    expect(dark.element).toBe(dark.component);

    // Docusaurus and Starlight: data-theme on <html>, which names the scheme even when the system says otherwise.
    await page.evaluate(() => {
      document.documentElement.classList.remove('dark');
      document.documentElement.dataset['theme'] = 'light';
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => backgrounds(page)).toEqual(light);
    await page.evaluate(() => {
      document.documentElement.dataset['theme'] = 'dark';
    });
    await expect.poll(() => backgrounds(page)).toEqual(dark);

    // A page that says nothing: the system decides.
    await page.evaluate(() => {
      delete document.documentElement.dataset['theme'];
    });
    await expect.poll(() => backgrounds(page)).toEqual(dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => backgrounds(page)).toEqual(light);
  });

  it('keeps its styles and chart when moved into an iframe’s document (adoptNode)', async () => {
    const before = await page.locator('leverage-lens').evaluate((element) => {
      const root = element.shadowRoot?.querySelector('.lev-embed');
      return root === null || root === undefined ? '' : `${getComputedStyle(root).borderTopLeftRadius} ${getComputedStyle(root).borderTopWidth}`;
    });
    expect(before).toMatch(/^\d+px \d+px$/);
    await page.evaluate(() => {
      // An about:blank frame: same origin, its document ready as soon as it is attached.
      const frame = document.createElement('iframe');
      frame.id = 'moved-into';
      frame.title = 'A frame the widget is moved into';
      frame.width = '900';
      frame.height = '700';
      document.body.append(frame);
      const widget = document.querySelector('leverage-lens');
      const target = frame.contentDocument;
      if (widget !== null && target !== null) target.body.append(target.adoptNode(widget));
    });
    const frame = page.frameLocator('#moved-into');
    await frame.locator('leverage-lens .lev-series-equity path').first().waitFor({ state: 'attached' });
    const after = await page.evaluate(() => {
      const frameElement = document.querySelector('iframe');
      const element = frameElement?.contentDocument?.querySelector('leverage-lens');
      const root = element?.shadowRoot?.querySelector('.lev-embed');
      const view = frameElement?.contentWindow;
      if (root === null || root === undefined || view === null || view === undefined) return '';
      return `${view.getComputedStyle(root).borderTopLeftRadius} ${view.getComputedStyle(root).borderTopWidth}`;
    });
    expect(after).toBe(before);
  });
});
