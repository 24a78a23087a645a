import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STORAGE_KEY } from '../../src/app/urlState';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';

/*
 * Values that used to take a tab down: a short number in exponent form expands into a decimal of hundreds of
 * millions of digits. No link, stored session or attribute may make a page task longer than 200 ms.
 */

const baseUrl = inject('baseUrl');
const LONGEST_TASK_MS = 200;

/**
 * The bound for a hostile value's longest task: 200 ms, or three times the longest task of the same step with a
 * harmless value when the machine is so busy that an ordinary step takes longer (a shared 2-core machine at a load
 * of 20 measured single tasks of 0.3–1.5 s for ordinary loads). The tasks these values used to cause took 11 to 72 s.
 */
function bound(benign: number): number {
  return Math.max(LONGEST_TASK_MS, 3 * benign);
}

/**
 * The longest task of a hostile step, against its bound. A step over the bound runs once more and the shorter of the
 * two counts: a stall these values cause happens every time, a busy machine's pause (another worker building) does not.
 */
async function hostileLongest(page: Page, step: () => Promise<void>, limit: number): Promise<number> {
  let shortest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 2 && shortest >= limit; run += 1) {
    await page.evaluate('window.__longTasks = []');
    await step();
    shortest = Math.min(shortest, await longestTask(page));
  }
  return shortest;
}

/** Runs a step with a harmless value and then with the hostile one; returns both longest tasks. */
async function compared(page: Page, step: (value: string) => Promise<void>, harmless: string, hostile: string): Promise<{ benign: number; hostile: number }> {
  await page.evaluate('window.__longTasks = []');
  await step(harmless);
  const benign = await longestTask(page);
  return { benign, hostile: await hostileLongest(page, () => step(hostile), bound(benign)) };
}

/** Records every long task (over 50 ms) from the first script on, so a task during loading counts too. */
const recordLongTasks = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

async function longestTask(page: Page): Promise<number> {
  // Two frames after the last change, so a task the change started has ended and been reported.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(300);
  const durations: unknown = await page.evaluate('window.__longTasks');
  return Array.isArray(durations) ? Math.max(0, ...durations.map(Number)) : Number.POSITIVE_INFINITY;
}

const exploding = ['1e-300000000', '1e-10000000', '1e-1000000', '1e400000', `0.${'0'.repeat(1900)}1`];

describe.skipIf(baseUrl === '')('hostile values in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    session = await launchBrowser({ width: 1280, height: 800 });
    await session.context.addInitScript(recordLongTasks);
    page = await session.context.newPage();
    errors = watchErrors(page);
    // A first load warms the browser's caches, so the timed loads measure our code rather than a cold start.
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
  });

  afterAll(async () => {
    expect(errors, 'console errors').toEqual([]);
    await session.close();
  });

  const loadWithFee = async (fee: string): Promise<void> => {
    await page.goto(`${baseUrl}/?v=1&feeRate=${fee}`);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
  };
  /** The longest task of loading a link with a harmless fee, measured once for the link cases. */
  let harmlessLoad: number | null = null;

  // The three sizes of exponent (tab crash, 19 s freeze, a megabyte address) and a long run of zeros.
  for (const value of [exploding[0] ?? '', exploding[2] ?? '', exploding[4] ?? '']) {
    it(`a link with feeRate=${value.slice(0, 16)}… loads at once with a notice and keeps its address short`, async () => {
      if (harmlessLoad === null) {
        const first = await compared(page, loadWithFee, '0.0005', value);
        harmlessLoad = first.benign;
        expect(first.hostile).toBeLessThan(bound(harmlessLoad));
      } else {
        expect(await hostileLongest(page, () => loadWithFee(value), bound(harmlessLoad))).toBeLessThan(bound(harmlessLoad));
      }
      await expect.poll(() => page.getByRole('status').or(page.getByRole('alert')).allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Taker fee (feeRate)')]));
      // The rewritten address and the saved session never carry the value.
      await page.waitForTimeout(600);
      expect(page.url().length).toBeLessThan(2000);
      const stored = await page.evaluate((key) => window.localStorage.getItem(key) ?? '', STORAGE_KEY);
      expect(stored.length).toBeLessThan(4000);
    });
  }

  it('reads comma decimals in a link as an error, never as another number', async () => {
    await page.goto(`${baseUrl}/?v=1&leverage=2,5&entry=50.000,5`);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    const notices = (await page.getByRole('status').or(page.getByRole('alert')).allInnerTexts()).join(' ');
    expect(notices).toContain('Leverage (leverage) uses a comma');
    expect(notices).toContain('Entry price (entry) uses a comma');
    expect(await page.getByLabel('Entry price', { exact: true }).inputValue()).toBe('50000');
  });

  it('a tampered saved session loads at once with the defaults', async () => {
    const saved = (entry: string): string => JSON.stringify({ v: 1, query: `v=1&entry=${entry}&feeRate=${entry}`, scenarios: [{ name: 'x', query: `collateral=${entry}` }] });
    const load = async (entry: string): Promise<void> => {
      await page.goto(`${baseUrl}/`);
      await page.evaluate(([key, text]) => window.localStorage.setItem(key ?? '', text ?? ''), [STORAGE_KEY, saved(entry)]);
      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    };
    const tasks = await compared(page, load, '50000', '1e-100000000');
    expect(tasks.hostile).toBeLessThan(bound(tasks.benign));
    expect(await page.getByLabel('Entry price', { exact: true }).inputValue()).toBe('50000');
    await page.evaluate(() => window.localStorage.clear());
  });

  it('typing an exploding number into Entry shows an inline message and is never stored', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    const entry = page.getByLabel('Entry price', { exact: true });
    const tasks = await compared(page, (text) => entry.fill(text), '49000', '1e-100000000');
    expect(tasks.hostile).toBeLessThan(bound(tasks.benign));
    const described = await entry.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('Entry price is out of range');
    await page.waitForTimeout(600);
    expect(await page.evaluate((key) => window.localStorage.getItem(key) ?? '', STORAGE_KEY)).not.toContain('1e-100000000');
    // Every later visit loads as fast as one after a harmless edit (a load, compared with a load).
    const revisit = async (text: string): Promise<void> => {
      await entry.fill(text);
      await page.waitForTimeout(600);
      await page.reload();
      await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    };
    const visits = await compared(page, revisit, '49000', '1e-100000000');
    expect(visits.hostile).toBeLessThan(bound(visits.benign));
    await page.evaluate(() => window.localStorage.clear());
  });

  it('the iframe page and the element take the same values without a long task, also when set live', async () => {
    const frame = async (fee: string): Promise<void> => {
      await page.goto(`${baseUrl}/embed.html?v=1&feeRate=${fee}&leverage=${fee === '0.0005' ? '10' : '1e-400'}`);
      await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    };
    const framed = await compared(page, frame, '0.0005', exploding[0] ?? '');
    expect(framed.hostile).toBeLessThan(bound(framed.benign));

    await page.goto(`${baseUrl}/demo.html`);
    const element = async (value: string): Promise<void> => {
      await page.evaluate((text) => {
        document.querySelector('#hostile')?.remove();
        const created = document.createElement('leverage-lens');
        created.setAttribute('feerate', text);
        created.setAttribute('collateral', text === '0.0005' ? '500' : '1e-5000');
        created.id = 'hostile';
        document.body.prepend(created);
      }, value);
      await page.waitForFunction(() => document.querySelector('#hostile')?.shadowRoot?.querySelector('.lev-series-equity path') !== null);
      await page.evaluate((text) => document.querySelector('#hostile')?.setAttribute('entry', text === '0.0005' ? '49000' : '1e-300000000'), value);
    };
    const created = await compared(page, element, '0.0005', exploding[0] ?? '');
    expect(created.hostile).toBeLessThan(bound(created.benign));
    const notice = await page.evaluate(() => document.querySelector('#hostile')?.shadowRoot?.textContent ?? '');
    expect(notice).toContain('Taker fee (feeRate)');
  });
});
