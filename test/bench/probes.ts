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

export interface Summary {
  median: number;
  p95: number;
  count: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), count: sorted.length };
}

export const line = (label: string, summary: Summary, budget: string): string =>
  `${label.padEnd(44)} median ${summary.median.toFixed(1)} ms   p95 ${summary.p95.toFixed(1)} ms   (${summary.count} samples; budget ${budget})`;

export interface SliderTimings {
  work: number[];
  frame: number[];
  full: number[];
}

/**
 * ≥ 50 keyboard steps of the leverage slider (after 10 unrecorded warm-up steps), each timed from the keydown's
 * timestamp. `gapMs` is the pause after each press: 60 ms is a held key's pace; a long gap times each step alone.
 */
export async function sliderTimings(page: Page, gapMs = 60): Promise<SliderTimings> {
  // Page scripts are passed as strings: tsx's transpiled functions carry helpers the page does not have.
  await page.evaluate(`(() => {
    const work = [];
    const frame = [];
    const full = [];
    window.__levWork = work;
    window.__levFrame = frame;
    window.__levFull = full;
    let pending = null;
    document.addEventListener('keydown', (event) => {
      const start = event.timeStamp;
      pending = start;
      // A task queued now runs after React's synchronous commit for this discrete event.
      setTimeout(() => work.push(performance.now() - start), 0);
      requestAnimationFrame(() => setTimeout(() => frame.push(performance.now() - start), 0));
    }, true);
    // The whole update: the equity curve redrawn for this step, then the frame that shows it.
    const curve = document.querySelector('.lev-series-equity path');
    if (curve !== null) {
      new MutationObserver(() => {
        if (pending === null) return;
        const start = pending;
        pending = null;
        requestAnimationFrame(() => setTimeout(() => full.push(performance.now() - start), 0));
      }).observe(curve, { attributes: true, attributeFilter: ['d'] });
    }
  })()`);
  await page.getByRole('slider', { name: 'Leverage slider' }).focus();
  // Warm-up steps (not recorded): the first presses also pay for compiling the update path once.
  for (let step = 0; step < 10; step += 1) {
    await page.keyboard.press(step < 5 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(60);
  }
  await page.evaluate('window.__levWork.length = 0; window.__levFrame.length = 0; window.__levFull.length = 0;');
  const steps = 60;
  for (let step = 0; step < steps; step += 1) {
    await page.keyboard.press(step < steps / 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(gapMs);
  }
  const raw: unknown = await page.evaluate('({ work: window.__levWork, frame: window.__levFrame, full: window.__levFull })');
  const numbers = (key: string): number[] => {
    const value: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : [];
    return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
  };
  return { work: numbers('work'), frame: numbers('frame'), full: numbers('full') };
}
