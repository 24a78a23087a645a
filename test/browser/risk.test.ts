import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultFormatter } from '../../src/config/format';
import { analyze } from '../../src/model/analyze';
import { inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { formatProbability } from '../../src/view/riskReadings';
import { noBrokenNumbers, resultText, screenshot, shareCalculator } from './helpers';

const baseUrl = inject('baseUrl');
/** The touch probability the model gives for the default position with these inputs, formatted as the page does. */
function expectedTouch(volatility: string, horizonDays: string): string {
  const analysis = analyze(inputsToSpec(inputsWith({ volatility, horizonDays })));
  if (!analysis.valid || analysis.risk === null || analysis.risk.liquidation === null) throw new Error('expected risk figures');
  return formatProbability(analysis.risk.liquidation.touchProbability, defaultFormatter);
}

describe.skipIf(baseUrl === '')('risk over time in Chromium', () => {
  let page: Page;
  shareCalculator(baseUrl, (opened) => ({ page } = opened));

  it('shows the model’s touch probability for the volatility and horizon typed, and draws the price range', async () => {
    await page.getByLabel('Volatility (annualized)').fill('80');
    await page.getByLabel('Horizon', { exact: true }).fill('14');
    const expected = expectedTouch('80', '14');
    await expect.poll(() => resultText(page, 'touchProbability')).toBe(expected);
    expect(await page.getByText('Chance of touching the liquidation price within 14 days').count()).toBe(1);
    expect(await page.locator('[data-reading="touchProbability"]').innerText()).toContain(expected);

    // The ±1σ band sits inside the ±2σ band, both inside the plot.
    const inner = page.locator('.lev-band-1 rect').first();
    const outer = page.locator('.lev-band-2 rect').first();
    await inner.waitFor({ state: 'attached' });
    const box = async (locator: typeof inner): Promise<{ x: number; width: number }> => ({ x: Number(await locator.getAttribute('x')), width: Number(await locator.getAttribute('width')) });
    const [one, two] = [await box(inner), await box(outer)];
    expect(one.width).toBeGreaterThan(0);
    expect(two.x).toBeLessThanOrEqual(one.x);
    expect(two.x + two.width).toBeGreaterThanOrEqual(one.x + one.width);

    await page.locator('.lev-marker-liquidation-after-hold line').first().waitFor({ state: 'attached' });
    await page.locator('.lev-series-path-liquidation path').first().waitFor({ state: 'attached' });
    expect(await page.getByRole('figure', { name: /Liquidation price in USDT and equity at a flat price/ }).count()).toBe(1);
    await noBrokenNumbers(page);
    await screenshot(page, `risk-desktop.png`, true);
  });

  it('hides the price range with its toggle and shows it again', async () => {
    const toggle = page.getByRole('checkbox', { name: '14-day price range' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => page.locator('.lev-band').count()).toBe(0);
    await toggle.check();
    await expect.poll(() => page.locator('.lev-band').count()).toBeGreaterThan(0);
  });

  it('fits a 375 px phone with the odds, the range and the small chart', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForSelector('.lev-band-1 rect', { state: 'attached' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await resultText(page, 'touchProbability')).toBe(expectedTouch('80', '14'));
    await noBrokenNumbers(page);
    await screenshot(page, `risk-375.png`, true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
