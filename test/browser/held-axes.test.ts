import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, watchErrors } from './chromium';
import { openCalculator, screenshot } from './helpers';

const baseUrl = inject('baseUrl');
const chart = '.lev-plot svg.lev-surface';

/** The drawn equity path's points, in SVG pixels. */
async function equityPoints(page: Page): Promise<{ x: number; y: number }[]> {
  const d = (await page.locator(`${chart} .lev-series-equity path`).getAttribute('d')) ?? '';
  return Array.from(d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g), (match) => ({ x: Number(match[1]), y: Number(match[2]) }));
}

/** Pixels the drawn equity rises per pixel to the right, just above entry (a long: no liquidation there). */
async function slopeAboveEntry(page: Page): Promise<number> {
  const entryX = Number(await page.locator(`${chart} [data-marker="entry"] line`).getAttribute('x1'));
  const near = (await equityPoints(page)).filter((point) => point.x > entryX + 2 && point.x < entryX + 60);
  const first = near[0];
  const last = near[near.length - 1];
  if (first === undefined || last === undefined || last.x === first.x) return Number.NaN;
  return (first.y - last.y) / (last.x - first.x);
}

async function tickLabels(page: Page): Promise<string[]> {
  return page.locator(`${chart} .lev-tick`).allTextContents();
}

async function pathAfter(page: Page, previous: string): Promise<void> {
  await expect.poll(() => page.locator(`${chart} .lev-series-equity path`).getAttribute('d')).not.toBe(previous);
}

describe.skipIf(baseUrl === '')('held axes, in Chromium', () => {
  it('by default the axes follow entry and collateral, not leverage: 2× draws a line ten times flatter than 20×', async () => {
    const { session, page, errors } = await openCalculator(`${baseUrl}?leverage=20`);
    try {
      const ticks = await tickLabels(page);
      const at20 = await slopeAboveEntry(page);
      const before = (await page.locator(`${chart} .lev-series-equity path`).getAttribute('d')) ?? '';
      await page.getByLabel('Leverage', { exact: true }).fill('2');
      await pathAfter(page, before);
      const at2 = await slopeAboveEntry(page);
      expect(at20).toBeGreaterThan(0);
      expect(at20 / at2).toBeGreaterThan(8);
      expect(at20 / at2).toBeLessThan(12);
      expect(await tickLabels(page)).toEqual(ticks);
      // Fit re-fits to the 2× position: its liquidation (about half the entry) comes into view.
      await page.getByRole('button', { name: 'Fit the axes to this position' }).click();
      await expect.poll(() => tickLabels(page)).not.toEqual(ticks);
      expect(await page.locator(`${chart} [data-marker="liquidation"] line`).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('Hold axes keeps every tick through leverage, entry and a scenario, and the link carries it to a fresh browser', async () => {
    const teacher = await openCalculator(baseUrl);
    const student = await launchBrowser({ width: 1280, height: 900 });
    try {
      const { page } = teacher;
      const hold = page.getByRole('button', { name: 'Hold axes' });
      await hold.click();
      await expect.poll(() => hold.getAttribute('aria-pressed')).toBe('true');
      const ticks = await tickLabels(page);
      expect(ticks.length).toBeGreaterThan(6);

      let path = (await page.locator(`${chart} .lev-series-equity path`).getAttribute('d')) ?? '';
      await page.getByLabel('Leverage', { exact: true }).fill('50');
      await pathAfter(page, path);
      expect(await tickLabels(page)).toEqual(ticks);

      path = (await page.locator(`${chart} .lev-series-equity path`).getAttribute('d')) ?? '';
      await page.getByLabel('Entry price', { exact: true }).fill('51000');
      await pathAfter(page, path);
      expect(await tickLabels(page)).toEqual(ticks);

      await page.getByLabel('Scenario name').fill('Wide');
      await page.getByRole('button', { name: 'Save scenario' }).click();
      await page.getByLabel('Leverage', { exact: true }).fill('3');
      await expect.poll(() => page.locator(`${chart} .lev-series-scenario`).count()).toBe(1);
      expect(await tickLabels(page)).toEqual(ticks);

      await expect.poll(() => new URL(page.url()).searchParams.get('hold')).toMatch(/^[\d.]+,[\d.]+,-?[\d.]+,-?[\d.]+$/);
      const fresh = await student.context.newPage();
      const errors = watchErrors(fresh);
      await fresh.goto(page.url());
      await fresh.waitForSelector(`${chart} .lev-series-equity path`, { state: 'attached' });
      await expect.poll(() => tickLabels(fresh)).toEqual(ticks);
      expect(await fresh.getByRole('button', { name: 'Hold axes' }).getAttribute('aria-pressed')).toBe('true');
      await screenshot(fresh.locator('.lev-chart').first(), `held-axes-opened.png`);
      expect(errors).toEqual([]);
      expect(teacher.errors).toEqual([]);
    } finally {
      await student.close();
      await teacher.session.close();
    }
  });

  it('a bad held range in a link is refused with a notice and the axes follow the position', async () => {
    const { session, page } = await openCalculator(`${baseUrl}?hold=53000,47000,0,1000`);
    try {
      await expect.poll(() => page.getByText(/Held axes \(hold\) must be four numbers/).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Hold axes' }).getAttribute('aria-pressed')).toBe('false');
    } finally {
      await session.close();
    }
  });
});
