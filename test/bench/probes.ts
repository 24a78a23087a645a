import { preview } from 'vite';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../browser/chromium';

// Page scripts shared by the browser benchmarks (strings: tsx's transpiled functions carry helpers pages lack).

/**
 * Runs before the page's scripts: checks every animation frame for the equity line, in the page or in a widget's
 * shadow root; once found, the time is taken after that frame has rendered (requestAnimationFrame, then a task),
 * as the issue times "input → next frame".
 */
export const CHART_PAINT_PROBE = `(() => {
  if (location.protocol === 'about:') return;
  window.__levChartPainted = null;
  const selector = '.lev-series-equity path';
  const find = () => document.querySelector(selector) ?? Array.from(document.querySelectorAll('leverage-lens')).find((host) => host.shadowRoot && host.shadowRoot.querySelector(selector));
  const check = () => {
    if (find()) setTimeout(() => { window.__levChartPainted = performance.now(); }, 0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/**
 * `vite preview` of a build folder (the app's `dist` when omitted) and a page in a fresh Chromium with the cache off
 * and CHART_PAINT_PROBE installed: what both browser benchmarks time their cold loads on.
 */
export async function openColdPage(outDir?: string): Promise<{ page: Page; origin: string; close: () => Promise<void> }> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, ...(outDir === undefined ? {} : { build: { outDir } }), logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 4173;
  const session = await launchBrowser();
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(CHART_PAINT_PROBE);
  return {
    page,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await session.close();
      await server.close();
    },
  };
}
